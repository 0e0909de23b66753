package app.segmenta.aspects;

/** Hears how aspect detection is going. */
public interface AspectListener {
    AspectListener NONE = new AspectListener() {
    };

    default void aspectsStarted(long reviews) {
    }

    default void aspectsDetected(long done, long total) {
    }
}
