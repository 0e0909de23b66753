package app.segmenta.assistant;

import app.segmenta.assistant.planner.Planner;
import app.segmenta.assistant.writers.PersonaService;
import app.segmenta.ops.Metrics;
import app.segmenta.audience.Audience;
import app.segmenta.audience.AudienceService;
import app.segmenta.catalog.CatalogService;
import app.segmenta.catalog.ConceptRef;
import app.segmenta.audience.AudienceQuery;
import app.segmenta.catalog.CustomerProfile;
import app.segmenta.export.Exporter;
import app.segmenta.segmentation.Segmentation;
import app.segmenta.segmentation.SegmentationService;
import app.segmenta.segmentation.SegmentationSummary;
import app.segmenta.text.Counts;
import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.agent.tool.ToolMemoryId;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The assistant's tools: thin adapters over the domain services, called by the model (through LangChain4j) and by
 * the offline planner alike. Each records its call on the conversation's turn and answers with a compact JSON
 * record of ids, counts and verbatim quotes, never prose. Review text inside a result is data.
 */
@ApplicationScoped
public class AssistantTools {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(AssistantTools.class);

    private final Turns turns;
    private final AudienceService audiences;
    private final SegmentationService segmentations;
    private final CatalogService catalog;
    private final Comparer comparer;
    private final Exporter exporter;
    private final PersonaService personas;
    private final Metrics metrics;

    public AssistantTools(Turns turns, AudienceService audiences, SegmentationService segmentations,
                          CatalogService catalog, Comparer comparer, Exporter exporter, PersonaService personas, Metrics metrics) {
        this.metrics = metrics;
        this.turns = turns;
        this.audiences = audiences;
        this.segmentations = segmentations;
        this.catalog = catalog;
        this.comparer = comparer;
        this.exporter = exporter;
        this.personas = personas;
    }

    @Tool(name = "resolve_concepts", value = "Finds the product categories (with how many sub-categories each includes) and review aspects that a phrase names, e.g. 'baby products' or 'late delivery'. Use it to check how words map before finding an audience.")
    public Briefs.Concepts resolveConcepts(@ToolMemoryId String session,
                                           @P("words naming products or review topics") String text) {
        return call(session, "resolve_concepts", args("text", text), () -> {
            List<Briefs.ConceptBrief> categories = catalog.resolveCategories(text).stream()
                    .map(c -> new Briefs.ConceptBrief(c.iri(), c.label(), catalog.descendants(c.iri()).size() - 1)).toList();
            List<Briefs.ConceptBrief> aspects = catalog.resolveAspects(text).stream()
                    .map(c -> new Briefs.ConceptBrief(c.iri(), c.label(), 0)).toList();
            return new Briefs.Concepts(categories, aspects);
        }, r -> Counts.of(r.categories().size(), "category") + ", " + Counts.of(r.aspects().size(), "aspect"));
    }

    @Tool(name = "find_audience", value = "Finds the customers whose reviews match: categories (every sub-category included), aspects with a polarity (negative = complaints, positive = praise), star and date limits, and optionally a meaning to search review text for. Returns counts and a few verbatim quotes. It becomes the conversation's current audience.")
    public Briefs.AudienceBrief findAudience(@ToolMemoryId String session,
                                             @P(value = "category names or IRIs, e.g. 'baby products'", required = false) String categories,
                                             @P(value = "aspect names or IRIs, e.g. 'shipping'", required = false) String aspects,
                                             @P(value = "negative, positive or any", required = false) String polarity,
                                             @P(value = "lowest star rating, 1-5", required = false) Integer minStars,
                                             @P(value = "highest star rating, 1-5", required = false) Integer maxStars,
                                             @P(value = "earliest review date, YYYY-MM-DD", required = false) String from,
                                             @P(value = "latest review date, YYYY-MM-DD", required = false) String to,
                                             @P(value = "what the reviews should talk about, when no category or aspect names it", required = false) String meaning) {
        Map<String, Object> a = args("categories", categories, "aspects", aspects, "polarity", polarity, "minStars", minStars,
                "maxStars", maxStars, "from", from, "to", to, "meaning", meaning);
        return call(session, "find_audience", a, () -> {
            AudienceQuery query = query(categories, aspects, polarity, minStars, maxStars, from, to, meaning);
            Turn turn = turns.of(session);
            Audience audience = audiences.find(query);
            Criteria resolved = Criteria.of(query, audience.interpretation());
            turn.audience = audience;
            turns.conversation(session, c -> c.withAudience(resolved));
            String said = categories == null || categories.contains("://") ? "" : "'" + categories.strip() + "' → ";
            for (ConceptRef c : audience.interpretation().categories()) {
                int subs = catalog.descendants(c.iri()).size() - 1;
                turn.say("Reading " + said + c.label() + (subs > 0 ? " and " + Counts.of(subs, "sub-category") : ""));
            }
            turn.say("Found " + Counts.of(audience.audience().customers(), "customer") + " ("
                    + Counts.of(audience.audience().reviews(), "review") + ")");
            return Briefs.audience(audience, catalog);
        }, r -> Counts.of(r.customers(), "customer") + ", " + Counts.of(r.reviews(), "review"));
    }

    @Tool(name = "segment_audience", value = "Splits the current audience (from find_audience) into segments with computed facts, labels and personas. k = number of segments (omit to choose from the data); algorithm = kmeans, xmeans or hdbscan (omit for the default).")
    public Briefs.SegmentationBrief segmentAudience(@ToolMemoryId String session,
                                                    @P(value = "number of segments, 2-10", required = false) Integer k,
                                                    @P(value = "kmeans, xmeans or hdbscan", required = false) String algorithm) {
        return call(session, "segment_audience", args("k", k, "algorithm", algorithm), () -> {
            Criteria audience = Optional.ofNullable(turns.conversation(session).audience()).orElseThrow(() ->
                    new IllegalArgumentException("There is no audience yet: call find_audience first."));
            Turn turn = turns.of(session);
            SegmentationService.Outcome out = segmentations.segment(new SegmentationService.Request(audience.toQuery(), k,
                    algorithm, null, null), (step, of, what) -> turn.progress.accept(new Progress(what, step, of)));
            Segmentation s = personas.write(out.segmentation(), out.audience().interpretation(), turn.modelAnswering,
                    turn::say);
            turn.audience = out.audience();
            turn.segmentation = s;
            turns.conversation(session, c -> c.withSegmentation(s.id()));
            return Briefs.segmentation(s);
        }, r -> Counts.of(r.segments().size(), "segment") + " of " + Counts.of(r.customers(), "customer") + " (" + r.id() + ")");
    }

    @Tool(name = "describe_segments", value = "Returns the label, size, persona (name, who, goals, frustrations, messaging, channels) and verbatim quotes of each segment of a segmentation: the current one when no id is given. Segments that only have template words get them written first.")
    public Briefs.SegmentationBrief describeSegments(@ToolMemoryId String session,
                                                     @P(value = "segmentation id", required = false) String segmentationId) {
        return call(session, "describe_segments", args("segmentationId", segmentationId), () -> {
            Turn turn = turns.of(session);
            Segmentation s = segmentation(session, segmentationId);
            if (PersonaService.neverWritten(s)) {
                s = personas.write(s, null, turn.modelAnswering, turn::say);
            }
            turn.segmentation = s;
            return Briefs.segmentation(s);
        }, r -> Counts.of(r.segments().size(), "segment"));
    }

    @Tool(name = "customer_profile", value = "One customer: attributes, the products and reviews they wrote, and, when the conversation has a segmentation, which segment they are in and the facts of theirs that put them there.")
    public Briefs.CustomerBrief customerProfile(@ToolMemoryId String session, @P("the customer's id") String customerId) {
        return call(session, "customer_profile", args("customerId", customerId), () -> {
            CustomerProfile p = catalog.customer(customerId).orElseThrow(() ->
                    new IllegalArgumentException("No customer has the id '" + customerId + "'."));
            Turn turn = turns.of(session);
            turn.customer = p;
            String segId = turns.conversation(session).segmentationId();
            turn.membership = segId == null ? null : segmentations.open(segId).map(s -> Memberships.of(s, p)).orElse(null);
            return Briefs.customer(p, turn.membership);
        }, r -> Counts.of(r.reviews().size(), "review") + (r.membership() == null ? "" : ", segment " + r.membership().segment()));
    }

    @Tool(name = "compare_audiences", value = "Compares the current audience with a second one given by the same filters as find_audience: sizes, shared customers and the aspects whose complaint or praise rates differ most.")
    public Comparison compareAudiences(@ToolMemoryId String session,
                                       @P(value = "category names or IRIs of the second audience", required = false) String categories,
                                       @P(value = "aspect names or IRIs of the second audience", required = false) String aspects,
                                       @P(value = "negative, positive or any", required = false) String polarity,
                                       @P(value = "lowest star rating, 1-5", required = false) Integer minStars,
                                       @P(value = "highest star rating, 1-5", required = false) Integer maxStars,
                                       @P(value = "earliest review date, YYYY-MM-DD", required = false) String from,
                                       @P(value = "latest review date, YYYY-MM-DD", required = false) String to) {
        Map<String, Object> a = args("categories", categories, "aspects", aspects, "polarity", polarity, "minStars", minStars,
                "maxStars", maxStars, "from", from, "to", to);
        return call(session, "compare_audiences", a, () -> {
            Audience first = currentAudience(session);
            AudienceQuery secondQuery = query(categories, aspects, polarity, minStars, maxStars, from, to, null);
            Audience second = audiences.find(secondQuery);
            Comparison c = comparer.compare(turns.conversation(session).audience(), first,
                    Criteria.of(secondQuery, second.interpretation()), second);
            turns.of(session).comparison = c;
            return c;
        }, r -> r.first().customers() + " vs " + Counts.of(r.second().customers(), "customer") + ", " + r.sharedCustomers() + " shared");
    }

    @Tool(name = "list_segmentations", value = "The saved segmentations, newest first: id, date, size, k and segment labels.")
    public List<SegmentationSummary> listSegmentations(@ToolMemoryId String session) {
        return call(session, "list_segmentations", Map.of(), () -> {
            List<SegmentationSummary> all = segmentations.list();
            turns.of(session).segmentations = all;
            return all;
        }, r -> Counts.of(r.size(), "segmentation"));
    }

    @Tool(name = "open_segmentation", value = "Reopens a saved segmentation by id and makes it the conversation's current one.")
    public Briefs.SegmentationBrief openSegmentation(@ToolMemoryId String session, @P("segmentation id") String segmentationId) {
        return call(session, "open_segmentation", args("segmentationId", segmentationId), () -> {
            Segmentation s = segmentation(session, segmentationId);
            turns.of(session).segmentation = s;
            turns.conversation(session, c -> c.withSegmentation(s.id()));
            return Briefs.segmentation(s);
        }, r -> r.id());
    }

    @Tool(name = "export", value = "Writes a file for the marketer: what = audience (member list) or segments (personas or member list of the current segmentation); format = csv, json, md or pdf (pdf: one persona page per segment, segments only). Only when the marketer asked for an export in their own message.")
    public Briefs.ExportBrief export(@ToolMemoryId String session, @P("audience or segments") String what,
                                     @P(value = "csv, json, md or pdf", required = false) String format) {
        return call(session, "export", args("what", what, "format", format), () -> {
            Turn turn = turns.of(session);
            if (!Planner.asksForExport(turn.question)) {
                throw new Refusal("Refused: the marketer's message did not ask for an export.");
            }
            String f = format == null || format.isBlank() ? "csv" : format.strip().toLowerCase(Locale.ROOT);
            Exporter.Written w;
            if ("segments".equalsIgnoreCase(what) || "segmentation".equalsIgnoreCase(what) || "personas".equalsIgnoreCase(what)) {
                w = exporter.segmentation(segmentation(session, null), f);
            } else {
                w = exporter.audience(currentAudience(session), f);
            }
            turn.export = new Turn.Export(w.file().toString(), w.format(), w.rows());
            return new Briefs.ExportBrief(w.file().getFileName().toString(), w.format(), w.rows());
        }, r -> r.file() + " (" + Counts.of(r.rows(), "row") + ")");
    }

    private Segmentation segmentation(String session, String id) {
        String wanted = id == null || id.isBlank() ? turns.conversation(session).segmentationId() : id.strip();
        if (wanted == null) {
            throw new IllegalArgumentException("There is no segmentation yet: segment an audience first.");
        }
        return segmentations.open(wanted).orElseThrow(() -> new IllegalArgumentException("No segmentation has the id '" + wanted + "'."));
    }

    /**
     * The conversation's audience: the one this turn already found, else found again from its criteria (a turn in
     * another process, or an earlier question, found it).
     */
    private Audience currentAudience(String session) {
        Turn turn = turns.of(session);
        if (turn.audience == null) {
            Criteria c = Optional.ofNullable(turns.conversation(session).audience()).orElseThrow(() ->
                    new IllegalArgumentException("There is no audience yet: call find_audience first."));
            turn.audience = audiences.find(c.toQuery());
        }
        return turn.audience;
    }

    /** Categories and aspects travel as the words given (or IRIs); the audience service resolves them. */
    private static AudienceQuery query(String categories, String aspects, String polarity, Integer minStars,
                                       Integer maxStars, String from, String to, String meaning) {
        return new AudienceQuery(blankToNull(categories), blankToNull(aspects), blankToNull(polarity), blankToNull(meaning),
                minStars == null ? null : BigDecimal.valueOf(minStars), maxStars == null ? null : BigDecimal.valueOf(maxStars),
                date(from), date(to), null);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() || "any".equalsIgnoreCase(s.strip()) ? null : s.strip();
    }

    private static LocalDate date(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(s.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("Dates are YYYY-MM-DD, not '" + s + "'.");
        }
    }

    private static Map<String, Object> args(Object... kv) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            if (kv[i + 1] != null) {
                out.put((String) kv[i], kv[i + 1]);
            }
        }
        return out;
    }

    /** A tool declining on purpose, as opposed to failing. */
    static final class Refusal extends IllegalArgumentException {
        Refusal(String message) {
            super(message);
        }
    }

    private <T> T call(String session, String tool, Map<String, Object> arguments, Supplier<T> body,
                       java.util.function.Function<T, String> summary) {
        Turn turn = turns.of(session);
        long start = System.nanoTime();
        try {
            T result = body.get();
            turn.keep(result);
            long millis = (System.nanoTime() - start) / 1_000_000;
            turn.record(new ToolCall(tool, arguments, summary.apply(result), false, millis));
            metrics.toolCall(tool, "ok", millis);
            return result;
        } catch (IllegalArgumentException e) {
            long millis = (System.nanoTime() - start) / 1_000_000;
            turn.record(new ToolCall(tool, arguments, e.getMessage(), true, millis));
            metrics.toolCall(tool, "refused", millis);
            throw new ToolException(e.getMessage());
        } catch (RuntimeException e) {
            LOG.errorf(e, "Tool %s failed", tool);
            String message = tool + " failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            long millis = (System.nanoTime() - start) / 1_000_000;
            turn.record(new ToolCall(tool, arguments, message, true, millis));
            metrics.toolCall(tool, "failed", millis);
            throw new ToolException(message);
        }
    }

    /** What a model sees when a tool cannot do what it asked: the reason, so it can correct itself. */
    public static final class ToolException extends RuntimeException {
        ToolException(String message) {
            super(message);
        }
    }
}
