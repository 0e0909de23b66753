package app.segmenta.cli;

import app.segmenta.aspects.AspectDefinition;
import app.segmenta.aspects.AspectDetector;
import app.segmenta.aspects.AspectEvaluation;
import app.segmenta.aspects.AspectLabels;
import app.segmenta.aspects.AspectModel;
import app.segmenta.aspects.AspectModels;
import app.segmenta.aspects.AspectScheme;
import app.segmenta.aspects.AspectTrainer;
import app.segmenta.aspects.Cues;
import app.segmenta.aspects.PolarityEvaluation;
import app.segmenta.aspects.TrainingSet;
import app.segmenta.search.Embedder;
import app.segmenta.text.Counts;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.Dependent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "train-aspects", mixinStandardHelpOptions = true,
        description = "Train the aspect complaint detectors for the configured embedding model from the shipped "
                + "training set, write them as JSON, and with --eval report precision, recall and F1 on a labelled set.")
@Dependent
public class TrainAspectsCommand implements Callable<Integer> {

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write the detectors (default: print only the figures).")
    Path out;

    @Option(names = "--eval", paramLabel = "CSV", description = "A labelled set to measure on: the training set's format (complaints of the labelled aspects), "
            + "or the 14-aspect format (complaints and praise of every aspect, with and without ratings).")
    Path eval;

    @Option(names = "--json", description = "Print the figures as JSON on stdout.")
    boolean json;

    private final Embedder embedder;
    private final Output output;

    public TrainAspectsCommand(Embedder embedder, Output output) {
        this.embedder = embedder;
        this.output = output;
    }

    @Override
    public Integer call() throws IOException {
        Cues cues = Cues.shipped();
        var aspects = AspectScheme.shipped();
        AspectTrainer trainer = new AspectTrainer(embedder, cues, aspects, TrainingSet.shipped());
        AspectModels models = trainer.train(line -> output.err().println(line));
        ObjectMapper mapper = new ObjectMapper();
        if (out != null) {
            Files.createDirectories(out.toAbsolutePath().getParent());
            mapper.writeValue(out.toFile(), models);
            output.err().println("wrote " + out);
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("embeddingModel", models.embeddingModel());
        figures.put("fingerprint", models.fingerprint());
        Map<String, Object> training = new LinkedHashMap<>();
        for (AspectModel m : models.models()) {
            if (m.measured()) {
                training.put(m.name(), Map.of("positives", m.positives(), "threshold", m.threshold(), "cvF1", m.cvF1()));
            }
        }
        figures.put("training", training);
        if (eval != null) {
            AspectDetector detector = AspectDetector.of(models, cues, aspects, embedder);
            String text = Files.readString(eval, StandardCharsets.UTF_8);
            if (AspectLabels.isThisFormat(List.of(text.lines().findFirst().orElse("").split(",")))) {
                AspectLabels labels = AspectLabels.read(new StringReader(text), eval.toString());
                figures.put("evaluation", PolarityEvaluation.evaluate(detector, embedder, labels,
                        aspects.stream().map(AspectDefinition::name).toList()));
            } else {
                TrainingSet labelled = TrainingSet.read(new StringReader(text), eval.toString());
                figures.put("evaluation", AspectEvaluation.evaluate(detector, embedder, labelled));
            }
        }
        if (json) {
            output.json(figures);
        } else {
            print(output.out(), figures);
        }
        return 0;
    }

    private static String line(AspectEvaluation.Score s) {
        return String.format(java.util.Locale.ROOT, "%.2f / %.2f / %.2f (%d)", s.precision(), s.recall(), s.f1(),
                s.truePositives() + s.falseNegatives());
    }

    @SuppressWarnings("unchecked")
    private void print(PrintStream o, Map<String, Object> figures) {
        o.printf("Aspect detectors for %s (fingerprint %s)%n", figures.get("embeddingModel"), figures.get("fingerprint"));
        ((Map<String, Map<String, Object>>) figures.get("training")).forEach((name, t) ->
                o.printf("  %-10s trained on %s complaints; threshold %s; cross-validated F1 %s%n",
                        name, t.get("positives"), t.get("threshold"), t.get("cvF1")));
        if (figures.get("evaluation") instanceof AspectEvaluation.Result r) {
            o.printf("On %s (%s):%n", eval, Counts.of(r.reviews(), "review"));
            r.detector().forEach((name, s) -> o.printf("  %-10s precision %.3f  recall %.3f  F1 %.3f  (%d TP, %d FP, %d FN)%n",
                    name, s.precision(), s.recall(), s.f1(), s.truePositives(), s.falsePositives(), s.falseNegatives()));
            AspectEvaluation.Score b = r.shippingBaseline();
            o.printf("  keyword baseline (shipping): precision %.3f  recall %.3f  F1 %.3f%n", b.precision(), b.recall(), b.f1());
        }
        if (figures.get("evaluation") instanceof List<?> results) {
            for (Object each : results) {
                PolarityEvaluation.Result r = (PolarityEvaluation.Result) each;
                o.printf("On %s (%s), %s:%n", eval, Counts.of(r.reviews(), "review"),
                        r.withRatings() ? "with their ratings" : "with the ratings removed");
                o.printf("  %-14s %-34s %s%n", "aspect", "complaints P / R / F1 (positives)", "praise P / R / F1 (positives)");
                r.complaints().forEach((name, c) -> {
                    AspectEvaluation.Score p = r.praise().get(name);
                    o.printf("  %-14s %-34s %s%n", name, line(c), line(p));
                });
                o.printf("  macro F1 over aspects with %d+ positives: complaints %.3f, praise %.3f%n",
                        PolarityEvaluation.MEASURABLE, r.complaintMacroF1(), r.praiseMacroF1());
            }
        }
    }
}
