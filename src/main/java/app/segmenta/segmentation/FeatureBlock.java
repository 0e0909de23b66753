package app.segmenta.segmentation;

/** The groups of customer features, each standardised and weighted as a whole. */
public enum FeatureBlock {
    /** What they say: the mean embedding of their reviews. */
    MEANING,
    /** What they buy: category mix at the top two levels of the taxonomy. */
    CATEGORIES,
    /** What they complain about or praise. */
    ASPECTS,
    /** Rating mean and spread, number of reviews, recency. */
    BEHAVIOUR,
    /** Age and region, where the data has them. */
    DEMOGRAPHICS;

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static FeatureBlock parse(String text) {
        for (FeatureBlock b : values()) {
            if (b.key().equalsIgnoreCase(text.strip())) {
                return b;
            }
        }
        throw new IllegalArgumentException("Unknown feature block '" + text + "': use meaning, categories, aspects, "
                + "behaviour or demographics.");
    }
}
