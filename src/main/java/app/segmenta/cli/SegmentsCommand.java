package app.segmenta.cli;

import app.segmenta.segmentation.Persona;
import app.segmenta.segmentation.Segment;
import app.segmenta.segmentation.Segmentation;
import app.segmenta.segmentation.SegmentationService;
import app.segmenta.segmentation.SegmentationSummary;
import app.segmenta.text.Counts;
import jakarta.enterprise.context.Dependent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "segments", mixinStandardHelpOptions = true,
        description = "List stored segmentations, newest first, or show one (customers who joined its audience since "
                + "are placed in the nearest segment).")
@Dependent
public class SegmentsCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "ID", description = "A segmentation to show.")
    String id;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    private final SegmentationService segmentations;
    private final Output output;

    public SegmentsCommand(SegmentationService segmentations, Output output) {
        this.segmentations = segmentations;
        this.output = output;
    }

    @Override
    public Integer call() {
        if (id != null) {
            Segmentation s = segmentations.open(id).orElseThrow(() -> new IllegalArgumentException(
                    "No segmentation has the id " + id + ". 'segmenta segments' lists them."));
            if (json) {
                output.json(s);
            } else {
                print(s, output.out());
            }
            return 0;
        }
        List<SegmentationSummary> all = segmentations.list();
        if (json) {
            output.json(all);
            return 0;
        }
        if (all.isEmpty()) {
            output.out().println("No segmentations yet: 'segmenta segment' makes one.");
        }
        for (SegmentationSummary s : all) {
            output.out().printf("%s  %s  %s k=%d, %s, silhouette %s, stability %s%n", s.id(), s.createdAt(),
                    s.algorithm(), s.k(), Counts.of(s.customers(), "customer"), number(s.quality().silhouette()), number(s.quality().stability()));
            s.segments().forEach(line -> output.out().printf("    %d. %s (%,d)%n", line.number(), line.label(), line.size()));
        }
        return 0;
    }

    static void print(Segmentation s, PrintStream out) {
        out.printf("Segmentation %s: %s, k=%d (%s)%n", s.id(), s.algorithm(), s.k(), s.reason());
        out.printf("Features: weights %s, columns %s; %s%n", s.settings().weights(), s.settings().columns(),
                s.settings().reduction());
        out.println("Quality: " + s.quality().summary());
        for (Segment seg : s.segments()) {
            out.printf("%n%d. %s  [%s]%n   %s%n", seg.number(), seg.label(), seg.id(), seg.description());
            if (!seg.addedLater().isEmpty()) {
                out.printf("   %s joined since it was computed.%n", Counts.of(seg.addedLater().size(), "customer"));
            }
            if (seg.persona() != null) {
                Persona p = seg.persona();
                out.printf("   Persona: %s. %s%n", p.name(), p.who());
                p.frustrations().forEach(f -> out.println("     frustration: " + f));
                p.messaging().forEach(m -> out.println("     tell them: " + m));
                p.channels().forEach(c -> out.println("     reach them: " + c));
                out.printf("     written by %s%s%n", p.writer(), p.corrections().isEmpty() ? ""
                        : "; the grounding check changed: " + String.join("; ", p.corrections()));
            }
            for (Segment.Quote q : seg.quotes()) {
                out.printf("   \"%s\" (%s, %s row %d)%n", q.text(), q.customerId(), q.source(), q.sourceRow());
            }
        }
        if (!s.unassigned().isEmpty()) {
            out.printf("%nUnassigned: %s%n", Counts.of(s.unassigned().size(), "customer"));
        }
        out.printf("%nMap: %s, %s (--json has them)%n", s.map().method(), Counts.of(s.map().points().size(), "point"));
    }

    private static String number(Double v) {
        return v == null ? "-" : String.format("%.3f", v);
    }
}
