package app.segmenta.segmentation;

import app.segmenta.text.Counts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A persona put together from a segment's facts with no model: every number in it is one of those facts. */
final class TemplatePersonas {

    private static final String[] NAMES = {"Alex", "Bella", "Cara", "Dana", "Ella", "Fiona", "Grace", "Hana", "Iris",
            "Jade", "Kim", "Lena", "Maya", "Nora", "Olive", "Paula", "Quinn", "Rosa", "Sara", "Tess", "Uma", "Vera",
            "Wren", "Xena", "Yara", "Zoe"};

    /** Aspect local name → what to tell those who complain about it, what to tell those who praise it. */
    private static final Map<String, List<String>> MESSAGES = Map.ofEntries(
            Map.entry("shipping", List.of("Be upfront about delivery times and send tracking at every step",
                    "Promise the fast, reliable delivery they already count on")),
            Map.entry("packaging", List.of("Show how orders are packed and protected", "Show off the packaging they liked")),
            Map.entry("price", List.of("Show the value: bundles, price per use, what is included",
                    "Reward them with early access to deals")),
            Map.entry("quality", List.of("Prove durability: materials, testing, warranty",
                    "Lead with the build quality they praise")),
            Map.entry("fit", List.of("Lead with size guides, fit notes from other buyers and easy exchanges",
                    "Reassure on fit: the sizing they trust is unchanged")),
            Map.entry("comfort", List.of("Talk about how it feels, with fabric and padding details",
                    "Lead with comfort, the thing they come back for")),
            Map.entry("ease-of-use", List.of("Offer set-up help: short videos and clear instructions",
                    "Stress how easy it is, in their own words")),
            Map.entry("scent", List.of("Offer samples and describe the scent honestly", "Introduce new scents first to them")),
            Map.entry("taste", List.of("Offer tasting sizes and freshness guarantees", "Introduce new flavours first to them")),
            Map.entry("effectiveness", List.of("Show evidence that it works, with clear usage guidance",
                    "Share results other customers got")),
            Map.entry("safety", List.of("Lead with safety certifications and testing", "Reassure with the safety record they value")),
            Map.entry("customer-service", List.of("Make support easy to reach and follow up on open issues",
                    "Thank them for the relationship; invite them to a loyalty programme")),
            Map.entry("returns", List.of("Explain the returns and refund policy plainly", "Remind them returns stay hassle-free")),
            Map.entry("appearance", List.of("Show true-to-life photos and colour notes", "Show the new looks first")));

    private TemplatePersonas() {
    }

    static Persona write(Segment s) {
        List<Segment.Lift> complaints = s.aspects().stream().filter(a -> "negative".equals(a.polarity())).toList();
        List<Segment.Lift> praise = s.aspects().stream().filter(a -> "positive".equals(a.polarity())).toList();
        String category = s.categories().isEmpty() ? null : s.categories().getFirst().label();
        return new Persona(name(s, category, complaints, praise), who(s, category), goals(s, category, praise),
                frustrations(complaints), messaging(complaints, praise), channels(category, complaints, praise),
                s.quotes().subList(0, Math.min(3, s.quotes().size())), "template", List.of());
    }

    private static String name(Segment s, String category, List<Segment.Lift> complaints, List<Segment.Lift> praise) {
        String basis = category == null ? (s.terms().isEmpty() ? "customer" : s.terms().getFirst()) : category;
        char initial = Character.toUpperCase(basis.charAt(0));
        String first = initial >= 'A' && initial <= 'Z' ? NAMES[initial - 'A'] : NAMES[(s.number() - 1) % NAMES.length];
        String shopper = (category == null ? "" : category.toLowerCase(Locale.ROOT) + " ") + "shopper";
        if (!complaints.isEmpty()) {
            return first + ", " + shopper + " who wants better " + complaints.getFirst().label().toLowerCase(Locale.ROOT);
        }
        if (!praise.isEmpty()) {
            return first + ", " + shopper + " who loves the " + praise.getFirst().label().toLowerCase(Locale.ROOT);
        }
        boolean disappointed = s.ratings().mean() != null && s.ratings().mean() <= 2.5;
        return first + ", the " + (disappointed ? "disappointed " : "regular ") + shopper;
    }

    private static String who(Segment s, String category) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%s, %s of the audience", Counts.of(s.size(), "customer"),
                percent(s.share())));
        if (category != null) {
            b.append(String.format(Locale.ROOT, "; %s of them reviewed %s", percent(s.categories().getFirst().share()),
                    category));
        }
        if (s.demographics() != null) {
            largest(s.demographics().ageBands()).ifPresent(band -> b.append("; most are aged ").append(band));
            largest(s.demographics().regions()).ifPresent(region -> b.append("; most often from ").append(region));
        }
        if (s.ratings().mean() != null) {
            b.append(String.format(Locale.ROOT, "; they rate %.1f★ on average", s.ratings().mean()));
        }
        return b.append('.').toString();
    }

    private static java.util.Optional<String> largest(Map<String, Integer> counts) {
        return counts.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).map(Map.Entry::getKey);
    }

    private static List<String> goals(Segment s, String category, List<Segment.Lift> praise) {
        List<String> out = new ArrayList<>();
        if (category != null) {
            out.add(category + " that live up to the listing");
        }
        praise.stream().limit(2).forEach(p -> out.add("More of the " + p.label().toLowerCase(Locale.ROOT) + " they praise"));
        if (out.isEmpty()) {
            out.add("Products that do what the listing promises");
        }
        return out;
    }

    private static List<String> frustrations(List<Segment.Lift> complaints) {
        return complaints.stream().limit(3).map(c -> String.format(Locale.ROOT, "%s: %s of them complain about it (%.1f× the audience)",
                c.label(), percent(c.share()), c.lift())).toList();
    }

    private static List<String> messaging(List<Segment.Lift> complaints, List<Segment.Lift> praise) {
        List<String> out = new ArrayList<>();
        complaints.stream().limit(2).map(c -> MESSAGES.get(local(c.iri()))).filter(m -> m != null).forEach(m -> out.add(m.get(0)));
        praise.stream().limit(2).map(p -> MESSAGES.get(local(p.iri()))).filter(m -> m != null).forEach(m -> out.add(m.get(1)));
        if (out.isEmpty()) {
            out.add("Speak to what they bought, in the words their reviews use");
        }
        return out;
    }

    private static List<String> channels(String category, List<Segment.Lift> complaints, List<Segment.Lift> praise) {
        List<String> out = new ArrayList<>();
        out.add("Post-purchase email to past " + (category == null ? "" : category.toLowerCase(Locale.ROOT) + " ") + "buyers");
        if (complaints.stream().anyMatch(c -> local(c.iri()).equals("shipping"))) {
            out.add("Order-status messages (email or SMS) while an order is on its way");
        }
        if (!complaints.isEmpty()) {
            out.add("Customer-service follow-up after a complaint");
        }
        if (!praise.isEmpty()) {
            out.add("Review and referral requests");
        }
        return out;
    }

    private static String local(String iri) {
        return iri.substring(Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/')) + 1);
    }

    private static String percent(double share) {
        return Math.round(share * 100) + "%";
    }
}
