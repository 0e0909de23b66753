package app.segmenta.segmentation;

import app.segmenta.audience.Audience;
import app.segmenta.audience.AudienceQuery;
import app.segmenta.audience.AudienceService;
import app.segmenta.catalog.Concept;
import app.segmenta.catalog.ConceptIndex;
import app.segmenta.config.SegmentaConfig;
import app.segmenta.text.Counts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;

/**
 * Segments audiences and keeps the results: finds the audience, reads its customers, runs the pipeline and stores
 * the segmentation. Reopening one places customers who joined the audience since then in the nearest segment;
 * everyone else keeps their segment until the marketer asks to re-segment.
 */
@ApplicationScoped
public class SegmentationService {

    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Finding the audience and reading its customers come before the pipeline's steps, saving after. */
    private static final int EXTRA_STEPS = 3;

    /**
     * What to segment and how; null fields take the configured defaults.
     *
     * @param k       null to choose k
     * @param weights feature block name → weight, overriding the configured ones
     */
    public record Request(AudienceQuery audience, Integer k, String algorithm, Long seed, Map<String, Double> weights) {
    }

    /** The audience as the audience search returns it, and its segmentation. */
    public record Outcome(Audience audience, Segmentation segmentation) {
    }

    private final AudienceService audiences;
    private final CustomerLoader loader;
    private final SegmentationStore store;
    private final ConceptIndex concepts;
    private final SegmentationPipeline.Settings defaults;
    private final SegmentationPipeline pipeline = SegmentationPipeline.standard();
    private final Semaphore turns;

    @Inject
    public SegmentationService(AudienceService audiences, CustomerLoader loader, SegmentationStore store,
                               ConceptIndex concepts, SegmentaConfig config) {
        this(audiences, loader, store, concepts, defaults(config.segmentation()), config.segmentation().concurrency());
    }

    /**
     * @param defaults    what a request that names nothing gets (its k is ignored: no k means choose it)
     * @param concurrency segmentations computed at once (0: one per core)
     */
    public SegmentationService(AudienceService audiences, CustomerLoader loader, SegmentationStore store,
                               ConceptIndex concepts, SegmentationPipeline.Settings defaults, int concurrency) {
        this.turns = new Semaphore(concurrency > 0 ? concurrency : Runtime.getRuntime().availableProcessors(), true);
        this.audiences = audiences;
        this.loader = loader;
        this.store = store;
        this.concepts = concepts;
        this.defaults = defaults;
    }

    static SegmentationPipeline.Settings defaults(SegmentaConfig.Segmentation config) {
        Map<FeatureBlock, Double> weights = new EnumMap<>(FeatureBlock.class);
        SegmentaConfig.Weights w = config.weights();
        weights.put(FeatureBlock.MEANING, w.meaning());
        weights.put(FeatureBlock.CATEGORIES, w.categories());
        weights.put(FeatureBlock.ASPECTS, w.aspects());
        weights.put(FeatureBlock.BEHAVIOUR, w.behaviour());
        weights.put(FeatureBlock.DEMOGRAPHICS, w.demographics());
        return new SegmentationPipeline.Settings(null, config.algorithm(), config.seed(), weights, config.reduction(),
                config.dimensions(), config.map(), config.umapMaxCustomers(), config.hdbscanMaxCustomers(), config.maxK());
    }

    public Outcome segment(Request request, SegmentationListener listener) {
        int of = SegmentationPipeline.STEPS + EXTRA_STEPS;
        if (!turns.tryAcquire()) {
            listener.step(1, of, "Waiting for " + Counts.of(turns.getQueueLength() + 1, "segmentation") + " ahead to finish");
            turns.acquireUninterruptibly();
        }
        try {
            return compute(request, listener, of);
        } finally {
            turns.release();
        }
    }

    private Outcome compute(Request request, SegmentationListener listener, int of) {
        listener.step(1, of, "Finding the audience");
        Audience audience = audiences.find(request.audience());
        listener.step(2, of, "Reading the reviews, categories and embeddings of "
                + Counts.of(audience.audience().customers(), "customer"));
        AudienceData data = loader.load(audience.audience().items());
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String id = ID_TIME.format(now) + "-" + HexFormat.of().toHexDigits((short) RANDOM.nextInt());
        SegmentationPipeline.Result result = pipeline.run(id, now, request.audience(), data, settings(request),
                this::label, (step, total, what) -> listener.step(step + 2, of, what));
        listener.step(of, of, "Saving the segmentation");
        Map<String, String> iris = new HashMap<>();
        data.customers().forEach(c -> iris.put(c.id(), c.iri()));
        store.save(result.segmentation(), new Placement(result.space(), result.centroids()), iris);
        return new Outcome(audience, result.segmentation());
    }

    /** Segments the stored segmentation's audience again, with its algorithm, seed and weights (k chosen again if it was). */
    public Outcome resegment(String id, SegmentationListener listener) {
        Segmentation old = store.find(id).orElseThrow(() -> unknown(id));
        Map<String, Double> weights = new HashMap<>(old.settings().weights());
        return segment(new Request(old.audienceQuery(), old.settings().requestedK(), old.algorithm(), old.seed(), weights),
                listener);
    }

    public List<SegmentationSummary> list() {
        return store.list();
    }

    /** A stored segmentation, after placing customers who joined its audience since in the nearest segment. */
    public Optional<Segmentation> open(String id) {
        Optional<Segmentation> found = store.find(id);
        if (found.isEmpty()) {
            return found;
        }
        Segmentation s = found.get();
        Set<String> known = new HashSet<>(s.unassigned());
        s.segments().forEach(seg -> known.addAll(seg.customers()));
        List<Audience.Item> fresh = audiences.find(s.audienceQuery()).audience().items().stream()
                .filter(i -> !known.contains(i.customerId())).toList();
        if (fresh.isEmpty()) {
            return found;
        }
        Placement placement = store.placement(id).orElseThrow(() -> unknown(id));
        Map<String, Integer> placed = new HashMap<>();
        for (CustomerData c : loader.load(fresh).customers()) {
            placed.put(c.iri(), placement.place(c) + 1);
        }
        store.addLater(id, placed);
        return store.find(id);
    }

    /** Configured settings with the request's choices on top. */
    public SegmentationPipeline.Settings settings(Request r) {
        Map<FeatureBlock, Double> weights = new EnumMap<>(defaults.weights());
        if (r.weights() != null) {
            r.weights().forEach((block, weight) -> {
                if (weight == null || weight < 0 || !Double.isFinite(weight)) {
                    throw new IllegalArgumentException("The weight of " + block + " must be 0 or more, not " + weight + ".");
                }
                weights.put(FeatureBlock.parse(block), weight);
            });
        }
        SegmentationPipeline.Settings d = defaults;
        return new SegmentationPipeline.Settings(r.k(), r.algorithm() == null ? d.algorithm() : r.algorithm(),
                r.seed() == null ? d.seed() : r.seed(), weights, d.reduction(), d.dimensions(), d.map(),
                d.umapMaxCustomers(), d.hdbscanMaxCustomers(), d.maxK());
    }

    private String label(String iri) {
        return concepts.byIri(iri).map(Concept::label).orElse(iri);
    }

    private static UnknownSegmentationException unknown(String id) {
        return new UnknownSegmentationException(id);
    }

    /** No stored segmentation has this id. */
    public static final class UnknownSegmentationException extends IllegalArgumentException {
        public UnknownSegmentationException(String id) {
            super("No segmentation has the id " + id + ". 'segmenta segments' lists them.");
        }
    }
}
