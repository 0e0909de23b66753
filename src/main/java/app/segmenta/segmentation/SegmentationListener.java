package app.segmenta.segmentation;

/** Follows a segmentation through its steps (reading customers, features, clustering, statistics, saving). */
public interface SegmentationListener {

    SegmentationListener NONE = (step, of, what) -> {
    };

    /** Step {@code step} of {@code of} has started; {@code what} says it in words ("Clustering 1,204 customers"). */
    void step(int step, int of, String what);
}
