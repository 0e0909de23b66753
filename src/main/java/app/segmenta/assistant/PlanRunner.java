package app.segmenta.assistant;

import app.segmenta.catalog.ConceptRef;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Runs the offline planner's reading through the same tools a model would call, in the order it would call them. */
@ApplicationScoped
public class PlanRunner {

    private static final Pattern ABOUT_SEGMENTS = Pattern.compile("(?i)\\b(personas?|segments?|segmentation|clusters?|groups)\\b");

    private final AssistantTools tools;

    public PlanRunner(AssistantTools tools) {
        this.tools = tools;
    }

    void run(String session, Reading r, String question, Conversation before) {
        switch (r.intent()) {
            case AUDIENCE -> find(session, r.criteria());
            case SEGMENT -> {
                find(session, r.criteria());
                tools.segmentAudience(session, r.k(), r.algorithm());
            }
            case COMPARE -> {
                find(session, r.criteria());
                Criteria c = r.compareWith();
                tools.compareAudiences(session, iris(c.categories()), iris(c.aspects()), c.polarity(), stars(c.minRating()),
                        stars(c.maxRating()), date(c.from()), date(c.to()));
            }
            case PROFILE -> tools.customerProfile(session, r.customer());
            case EXPORT -> {
                boolean segments = before.segmentationId() != null && (ABOUT_SEGMENTS.matcher(question).find()
                        || "md".equals(r.format()) || "pdf".equals(r.format()));
                if (!segments) {
                    find(session, r.criteria());
                }
                tools.export(session, segments ? "segments" : "audience", r.format());
            }
            case LIST -> tools.listSegmentations(session);
        }
    }

    private void find(String session, Criteria c) {
        tools.findAudience(session, iris(c.categories()), iris(c.aspects()), c.polarity(), stars(c.minRating()),
                stars(c.maxRating()), date(c.from()), date(c.to()), c.text());
    }

    private static String iris(List<ConceptRef> refs) {
        return refs.isEmpty() ? null : refs.stream().map(ConceptRef::iri).collect(Collectors.joining(" "));
    }

    private static Integer stars(java.math.BigDecimal b) {
        return b == null ? null : b.intValue();
    }

    private static String date(java.time.LocalDate d) {
        return d == null ? null : d.toString();
    }
}
