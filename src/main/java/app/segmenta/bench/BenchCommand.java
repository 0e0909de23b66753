package app.segmenta.bench;

import picocli.CommandLine.Command;

/**
 * {@code ./segmenta bench <name>}: the benchmarks behind the figures in the docs. Hidden from the main help, since
 * they measure the product rather than use it; {@code ./segmenta bench --help} lists them.
 */
@Command(name = "bench", hidden = true, mixinStandardHelpOptions = true,
        description = "Benchmarks: how fast the product imports, embeds, finds audiences, segments and serves.",
        subcommands = {EmbedBench.class, ImportBench.class, AudienceBench.class, SegmentBench.class, VectorsBench.class,
                LoadBench.class})
public class BenchCommand {
}
