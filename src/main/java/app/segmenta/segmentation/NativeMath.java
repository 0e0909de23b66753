package app.segmenta.segmentation;

import java.util.function.Supplier;

/** Smile's PCA and UMAP call OpenBLAS and ARPACK; without them, one clear error instead of a linkage failure. */
final class NativeMath {
    private NativeMath() {
    }

    static <T> T call(Supplier<T> work) {
        try {
            return work.get();
        } catch (LinkageError | IllegalArgumentException e) {
            if (e instanceof IllegalArgumentException && !String.valueOf(e.getMessage()).toLowerCase().contains("librar")) {
                throw e;
            }
            throw new IllegalStateException("Segmentation needs the OpenBLAS and ARPACK libraries (Smile's PCA and UMAP "
                    + "call them): install them, e.g. 'sudo apt-get install libopenblas-dev libarpack2-dev'. (" + e + ")", e);
        }
    }
}
