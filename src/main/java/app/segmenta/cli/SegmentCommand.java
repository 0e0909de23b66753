package app.segmenta.cli;

import app.segmenta.segmentation.Segmentation;
import app.segmenta.segmentation.SegmentationService;
import jakarta.enterprise.context.Dependent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "segment", mixinStandardHelpOptions = true,
        description = "Segment an audience (the same filters as 'audience'; none = the whole store) with Smile, "
                + "store the segmentation and print each segment's facts: size, distinctive terms, over-represented "
                + "categories and aspects, ratings and representative quotes, with the clustering's quality.")
@Dependent
public class SegmentCommand implements Callable<Integer> {

    @Mixin
    AudienceOptions filters = new AudienceOptions();

    @Option(names = "--k", paramLabel = "N|auto", defaultValue = "auto",
            description = "Number of segments, or auto to choose it (default auto).")
    String k;

    @Option(names = "--algorithm", paramLabel = "kmeans|xmeans|hdbscan",
            description = "Clustering algorithm (default from segmenta.segmentation.algorithm, kmeans).")
    String algorithm;

    @Option(names = "--seed", paramLabel = "N", description = "Seed: the same audience, settings and seed give the same segments.")
    Long seed;

    @Option(names = "--weight", paramLabel = "BLOCK=W",
            description = "Weight of a feature block: meaning, categories, aspects, behaviour or demographics (repeatable).")
    Map<String, Double> weights = new LinkedHashMap<>();

    @Option(names = "--resegment", paramLabel = "ID",
            description = "Segment a stored segmentation's audience again with its settings (filters are then ignored).")
    String resegment;

    @Option(names = "--json", description = "Print {\"interpretation\":...,\"audience\":...,\"segmentation\":...}.")
    boolean json;

    private final SegmentationService segmentations;
    private final DataPresence data;
    private final Output output;

    public SegmentCommand(SegmentationService segmentations, DataPresence data, Output output) {
        this.segmentations = segmentations;
        this.data = data;
        this.output = output;
    }

    @Override
    public Integer call() {
        if (data.missing(output)) {
            return 1;
        }
        var progress = new StepProgress(output.err());
        SegmentationService.Outcome outcome = resegment != null ? segmentations.resegment(resegment, progress)
                : segmentations.segment(new SegmentationService.Request(filters.query(), parseK(k), algorithm, seed,
                weights.isEmpty() ? null : weights), progress);
        if (json) {
            Map<String, Object> out = output.asMap(outcome.audience());
            out.put("segmentation", outcome.segmentation());
            output.json(out);
            return 0;
        }
        AudienceCommand.printHeader(outcome.audience(), output.out());
        SegmentsCommand.print(outcome.segmentation(), output.out());
        return 0;
    }

    static Integer parseK(String text) {
        if (text == null || text.isBlank() || text.equalsIgnoreCase("auto")) {
            return null;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--k takes a number or auto, not '" + text + "'.");
        }
    }
}
