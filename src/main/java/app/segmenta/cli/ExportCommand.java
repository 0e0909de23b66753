package app.segmenta.cli;

import app.segmenta.audience.AudienceQuery;
import app.segmenta.audience.AudienceService;
import app.segmenta.export.Exporter;
import app.segmenta.segmentation.Segmentation;
import app.segmenta.segmentation.SegmentationService;
import app.segmenta.text.Counts;
import jakarta.enterprise.context.Dependent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write a segmentation's personas (md, json, or pdf: a cover and one page per segment) or its "
                + "member list (csv, with every customer attribute), or with --audience an audience's member list; "
                + "--ads writes the list of hashed emails and phones that Google Ads Customer Match or Meta custom "
                + "audiences take instead. Files go to the data directory's exports/ folder unless --out says where.")
@Dependent
public class ExportCommand implements Callable<Integer> {

    private static final AudienceQuery EVERYONE = AudienceQuery.of(null, null, null, null);

    @Parameters(arity = "0..1", paramLabel = "SEGMENTATION_ID", description = "The segmentation ('segmenta segments' lists them).")
    String id;

    @Option(names = "--audience", description = "Export the audience the filters describe (csv or json) instead of a segmentation.")
    boolean audience;

    @Mixin
    AudienceOptions filters = new AudienceOptions();

    @Option(names = "--format", paramLabel = "md|json|pdf|csv", description = "Default csv.")
    String format;

    @Option(names = "--ads", paramLabel = "google|meta",
            description = "Hashed emails and phones in that platform's format (csv); customers with neither are left out and counted.")
    String ads;

    @Option(names = "--segment", paramLabel = "N", description = "Only the members of segment N (csv).")
    Integer segment;

    @Option(names = "--out", paramLabel = "FILE", description = "Write here instead (replacing the file).")
    Path out;

    private final SegmentationService segmentations;
    private final AudienceService audiences;
    private final Exporter exporter;
    private final DataPresence data;
    private final Output output;

    public ExportCommand(SegmentationService segmentations, AudienceService audiences, Exporter exporter,
                         DataPresence data, Output output) {
        this.segmentations = segmentations;
        this.audiences = audiences;
        this.exporter = exporter;
        this.data = data;
        this.output = output;
    }

    @Override
    public Integer call() throws IOException {
        Exporter.Request request = new Exporter.Request(format, ads, segment);
        if (audience == (id != null)) {
            throw new IllegalArgumentException("Export a segmentation by its id ('segmenta segments' lists them), "
                    + "or an audience with --audience and the audience filters.");
        }
        if (!audience && !filters.query().equals(EVERYONE)) {
            throw new IllegalArgumentException("The audience filters go with --audience: a segmentation keeps its own audience.");
        }
        if (data.missing(output)) {
            return 1;
        }
        Exporter.Written w;
        if (audience) {
            w = exporter.audience(audiences.find(filters.query()), request);
        } else {
            Segmentation s = segmentations.open(id).orElseThrow(() -> new SegmentationService.UnknownSegmentationException(id));
            w = exporter.segmentation(s, request);
        }
        Path file = w.file();
        if (out != null) {
            Path parent = out.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            file = Files.move(w.file(), out, StandardCopyOption.REPLACE_EXISTING);
        }
        boolean personas = !audience && !w.format().equals("csv");
        output.out().printf("Wrote %s (%s)%n", file, Counts.of(w.rows(), personas ? "segment" : "customer"));
        if (request.ads() != null) {
            output.out().printf("Left out %s with neither an email address nor a valid phone number.%n",
                    Counts.of(w.leftOut(), "customer"));
        }
        return 0;
    }
}
