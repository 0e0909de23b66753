package app.segmenta.assistant;

import app.segmenta.catalog.ConceptRef;
import app.segmenta.segmentation.Segment;

import app.segmenta.text.Counts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The offline answer: the reading first, then what the tools found, in sentences built from their results. */
final class AnswerWriter {

    private AnswerWriter() {
    }

    static String write(Reading r, Turn t) {
        List<String> parts = new ArrayList<>();
        List<String> list = new ArrayList<>();
        parts.add("I read this as: " + describe(r) + ".");
        t.calls().stream().filter(ToolCall::refused).forEach(c -> parts.add(c.result()));
        if (t.comparison != null) {
            Comparison c = t.comparison;
            parts.add(String.format(Locale.ROOT, "The first audience has %s, the second %,d; %,d %s in both.",
                    Counts.of(c.first().customers(), "customer"), c.second().customers(), c.sharedCustomers(),
                    c.sharedCustomers() == 1 ? "is" : "are"));
            c.differences().stream().limit(3).forEach(d -> parts.add(String.format(Locale.ROOT,
                    "%s %s: %d%% of the first audience's reviews vs %d%% of the second's.", d.label(),
                    "negative".equals(d.polarity()) ? "complaints" : "praise", Math.round(d.firstShare() * 100),
                    Math.round(d.secondShare() * 100))));
        } else if (t.segmentation != null) {
            parts.add(Counts.of(t.segmentation.customers(), "customer") + " fall into " + Counts.of(t.segmentation.k(), "segment") + ".");
            if (t.segmentation.quality() != null) {
                parts.add(t.segmentation.quality().summary());
            }
            for (Segment s : t.segmentation.segments()) {
                list.add(String.format(Locale.ROOT, "%d. %s: %s (%d%%).", s.number(), s.label(), Counts.of(s.size(), "customer"),
                        Math.round(s.share() * 100)));
            }
        } else if (t.audience != null) {
            parts.add("Found " + Counts.of(t.audience.audience().customers(), "customer") + " with "
                    + Counts.of(t.audience.audience().reviews(), "matching review") + ".");
        }
        if (t.customer != null) {
            parts.add("Customer " + t.customer.id() + " wrote " + Counts.of(t.customer.reviews().size(), "review") + ".");
            if (t.membership != null) {
                parts.add(t.membership.segment() == null ? String.join(" ", t.membership.reasons())
                        : "They are in segment " + t.membership.segment() + " (" + t.membership.label() + "): "
                        + String.join(" ", t.membership.reasons()));
            }
        }
        if (t.export != null) {
            parts.add("Wrote " + t.export.file() + " (" + Counts.of(t.export.rows(), "row") + ").");
        }
        if (t.segmentations != null) {
            parts.add(t.segmentations.isEmpty() ? "There are no saved segmentations yet."
                    : Counts.of(t.segmentations.size(), "saved segmentation") + ": " + t.segmentations.stream()
                    .map(s -> s.id() + " (" + Counts.of(s.customers(), "customer") + ", k=" + s.k() + ")").collect(Collectors.joining(", ")) + ".");
        }
        // the segments as a numbered list: a line each in the terminal, a list in the web chat's Markdown
        return String.join(" ", parts) + (list.isEmpty() ? "" : "\n\n" + String.join("\n", list));
    }

    static String describe(Reading r) {
        return switch (r.intent()) {
            case LIST -> "list the saved segmentations";
            case PROFILE -> "the profile of customer " + r.customer() + (r.segment() == null ? "" : ", and why they are in segment " + r.segment());
            case EXPORT -> "export " + who(r.criteria()) + " as " + r.format();
            case COMPARE -> "compare " + who(r.criteria()) + " with " + who(r.compareWith());
            case SEGMENT -> "segment " + who(r.criteria()) + (r.k() == null ? "" : " into " + r.k() + " groups");
            case AUDIENCE -> who(r.criteria());
        };
    }

    static String who(Criteria c) {
        StringBuilder b = new StringBuilder(c.categories().isEmpty() ? "customers" : "customers who reviewed " + labels(c.categories()));
        if (!c.aspects().isEmpty()) {
            b.append(" and ").append("negative".equals(c.polarity()) ? "complained about " : "positive".equals(c.polarity())
                    ? "praised " : "mentioned ").append(labels(c.aspects()));
        } else if (c.polarity() != null) {
            b.append("negative".equals(c.polarity()) ? " and complained" : " and praised something");
        }
        if (c.text() != null) {
            b.append(" and wrote about \"").append(c.text()).append('"');
        }
        if (c.minRating() != null || c.maxRating() != null) {
            b.append(", rated ").append(c.minRating() == null ? "up to " + c.maxRating().toPlainString()
                    : c.maxRating() == null ? c.minRating().toPlainString() + " or more"
                    : c.minRating().equals(c.maxRating()) ? c.minRating().toPlainString()
                    : c.minRating().toPlainString() + "-" + c.maxRating().toPlainString()).append(" stars");
        }
        if (c.from() != null || c.to() != null) {
            b.append(c.from() == null ? ", up to " + c.to() : c.to() == null ? ", since " + c.from() : ", " + c.from() + " to " + c.to());
        }
        return b.toString();
    }

    private static String labels(List<ConceptRef> refs) {
        return refs.stream().map(ConceptRef::label).collect(Collectors.joining(" or "));
    }
}
