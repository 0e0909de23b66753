package app.segmenta.bench;

import app.segmenta.audience.AudienceQuery;
import app.segmenta.audience.AudienceService;
import app.segmenta.cli.DataPresence;
import app.segmenta.cli.Output;
import jakarta.enterprise.context.Dependent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "audience", mixinStandardHelpOptions = true,
        description = "Benchmark: audience query latency on the data directory's data (median and p95 over a fixed "
                + "set of marketer questions, after a warm-up round).")
@Dependent
public class AudienceBench implements Callable<Integer> {

    /** Questions a marketer asks of the demo: category words, aspects and polarity, a meaning or none, rating limits. */
    private static final List<AudienceQuery> QUESTIONS = List.of(
            AudienceQuery.of("baby products", null, null, null),
            AudienceQuery.of("baby products", "the package took weeks to arrive", null, BigDecimal.valueOf(3)),
            AudienceQuery.of("nursery", "hard to assemble", null, null),
            AudienceQuery.of("dresses", "runs small", null, null),
            AudienceQuery.of("women's tops", "fabric pilled after washing", null, BigDecimal.valueOf(3)),
            AudienceQuery.of("apparel", "gift for my mother", BigDecimal.valueOf(4), null),
            AudienceQuery.of("cleaning supplies", "strong smell", null, null),
            AudienceQuery.of("movies", null, BigDecimal.ONE, BigDecimal.valueOf(2)),
            AudienceQuery.of(null, "never arrived", null, null),
            AudienceQuery.of("personal care", "made my skin break out", null, null),
            AudienceQuery.of("baby products", null, null, null).withAspect("delivery", "negative"),
            AudienceQuery.of("dresses", null, null, null).withAspect("fit", "negative"),
            AudienceQuery.of(null, null, null, null).withAspect("quality", "negative"),
            AudienceQuery.of("apparel", "gift", null, null).withAspect("quality", "positive"));

    @Option(names = "--rounds", defaultValue = "5", description = "Timed rounds over the questions (default 5).")
    int rounds;

    @Option(names = "--json", description = "Print the results as JSON on stdout.")
    boolean json;

    private final AudienceService audiences;
    private final DataPresence data;
    private final Output output;

    public AudienceBench(AudienceService audiences, DataPresence data, Output output) {
        this.audiences = audiences;
        this.data = data;
        this.output = output;
    }

    @Override
    public Integer call() {
        if (data.missing(output)) {
            return 1;
        }
        QUESTIONS.forEach(audiences::find);
        List<Double> millis = new ArrayList<>();
        double[][] perQuestion = new double[QUESTIONS.size()][rounds];
        long reviews = 0;
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < QUESTIONS.size(); i++) {
                long start = System.nanoTime();
                reviews = Math.max(reviews, audiences.find(QUESTIONS.get(i)).audience().reviews());
                double ms = (System.nanoTime() - start) / 1e6;
                millis.add(ms);
                perQuestion[i][round] = ms;
            }
        }
        double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("queries", sorted.length);
        r.put("medianMillis", Math.round(Medians.of(sorted) * 10) / 10.0);
        r.put("p95Millis", Math.round(Medians.p95(sorted) * 10) / 10.0);
        r.put("maxMillis", Math.round(sorted[sorted.length - 1] * 10) / 10.0);
        r.put("largestAudienceReviews", reviews);
        Map<String, Double> byQuestion = new LinkedHashMap<>();
        for (int i = 0; i < QUESTIONS.size(); i++) {
            AudienceQuery q = QUESTIONS.get(i);
            byQuestion.put(q.category() + " | " + q.aspect() + " " + q.polarity() + " | " + q.text() + " | "
                            + q.minRating() + "-" + q.maxRating(),
                    Math.round(Medians.of(perQuestion[i]) * 10) / 10.0);
        }
        r.put("medianMillisByQuestion", byQuestion);
        if (json) {
            output.json(r);
        } else {
            r.forEach((k, v) -> output.out().printf("%-24s %s%n", k, v));
        }
        return 0;
    }
}
