package app.segmenta.segmentation;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Many chats segmenting small audiences at once: UMAP (through ARPACK) must not trip over itself. */
class UmapConcurrencyTest {

    @Test
    void concurrentUmapRunsAllSucceed() throws Exception {
        List<Future<double[][]>> runs = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 48; i++) {
                double[][] rows = new double[30][12];
                Random random = new Random(i);
                for (double[] row : rows) {
                    for (int j = 0; j < row.length; j++) {
                        row[j] = random.nextGaussian() + (j % 3);
                    }
                }
                runs.add(pool.submit(() -> UmapReducer.embed(rows, 5, 42)));
            }
            for (Future<double[][]> run : runs) {
                assertThat(run.get()).hasNumberOfRows(30);
            }
        }
    }
}
