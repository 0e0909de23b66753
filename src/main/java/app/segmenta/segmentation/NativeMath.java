package app.segmenta.segmentation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.jboss.logging.Logger;

/**
 * Smile's PCA and UMAP call OpenBLAS and ARPACK, which Smile asks the system's loader for by name: the launcher puts
 * the copies the build unpacked (target/natives) on the loader's path unless the system has its own. Without either,
 * one clear error instead of a linkage failure; with them, a debug line saying which copies were loaded (a command
 * that prints JSON keeps its output clean).
 */
final class NativeMath {
    private static final Logger LOG = Logger.getLogger(NativeMath.class);
    private static final Pattern LIBRARY = Pattern.compile("/\\S*lib(openblas|arpack)[^/\\s]*$");
    private static final Set<String> REPORTED = ConcurrentHashMap.newKeySet();

    private NativeMath() {
    }

    static <T> T call(Supplier<T> work) {
        T result;
        try {
            result = work.get();
        } catch (LinkageError | IllegalArgumentException e) {
            if (e instanceof IllegalArgumentException && !String.valueOf(e.getMessage()).toLowerCase().contains("librar")) {
                throw e;
            }
            throw new IllegalStateException("Segmentation needs the OpenBLAS and ARPACK libraries (Smile's PCA and UMAP "
                    + "call them) and found none on the library path. Start Segmenta with ./segmenta, which puts the "
                    + "copies the build unpacked into target/natives on it, or set LD_LIBRARY_PATH to that directory. ("
                    + e + ")", e);
        }
        // until both libraries were named (PCA loads OpenBLAS, UMAP then ARPACK), and only when someone reads it
        if (REPORTED.size() < 2 && LOG.isDebugEnabled()) {
            List<String> fresh = loaded(Path.of("/proc/self/maps")).stream().filter(REPORTED::add).toList();
            if (!fresh.isEmpty()) {
                LOG.debugf("Native maths loaded from %s", String.join(", ", fresh));
            }
        }
        return result;
    }

    /** The OpenBLAS and ARPACK files a process has mapped, from its memory map (Linux); empty elsewhere. */
    static List<String> loaded(Path maps) {
        if (!Files.isReadable(maps)) {
            return List.of();
        }
        try (var lines = Files.lines(maps)) {
            return lines.map(line -> LIBRARY.matcher(line)).filter(m -> m.find()).map(m -> m.group().strip())
                    .distinct().sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of(); // only a diagnostic
        }
    }
}
