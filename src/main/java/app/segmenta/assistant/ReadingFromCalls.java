package app.segmenta.assistant;

/** The reading of a question the model answered, taken from the tools it called rather than from its words. */
final class ReadingFromCalls {

    private ReadingFromCalls() {
    }

    static Reading of(Turn t, Conversation after) {
        Intent intent = Intent.AUDIENCE;
        Integer k = null;
        String algorithm = null;
        String customer = null;
        String format = null;
        for (ToolCall c : t.calls()) {
            if (c.refused()) {
                continue;
            }
            switch (c.tool()) {
                case "segment_audience", "describe_segments", "open_segmentation" -> {
                    intent = Intent.SEGMENT;
                    k = (Integer) c.arguments().get("k");
                    algorithm = (String) c.arguments().get("algorithm");
                }
                case "compare_audiences" -> intent = Intent.COMPARE;
                case "customer_profile" -> {
                    intent = Intent.PROFILE;
                    customer = (String) c.arguments().get("customerId");
                }
                case "export" -> {
                    intent = Intent.EXPORT;
                    format = (String) c.arguments().get("format");
                }
                case "list_segmentations" -> intent = Intent.LIST;
                default -> {
                }
            }
        }
        Criteria audience = after.audience() == null ? Criteria.EVERYONE : after.audience();
        Criteria second = t.comparison == null ? null : t.comparison.second().criteria();
        return new Reading(intent, audience, second, k, algorithm, customer, null, format, null);
    }
}
