package app.segmenta.assistant;

import app.segmenta.audience.Audience;
import app.segmenta.catalog.CustomerProfile;
import app.segmenta.segmentation.Segmentation;
import app.segmenta.segmentation.SegmentationSummary;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What one question produced while it ran: the tool calls in order and the latest result of each kind. Tools write
 * here; the answer is put together from it, so numbers come from code whichever mode asked.
 */
public final class Turn {

    final String question;
    final Consumer<Progress> progress;
    final List<ToolCall> calls = new ArrayList<>();
    private final List<Object> results = new ArrayList<>();
    Reading reading;
    Audience audience;
    Segmentation segmentation;
    Comparison comparison;
    CustomerProfile customer;
    Membership membership;
    Export export;
    List<SegmentationSummary> segmentations;
    /** Whether the model is answering this turn, so its writers may be used too (not once the planner took over). */
    volatile boolean modelAnswering;
    /** The model was asked and failed; the planner answered instead. */
    volatile boolean modelFailed;
    final long started = System.nanoTime();

    Turn(String question, Consumer<Progress> progress) {
        this.question = question;
        this.progress = progress == null ? p -> { } : progress;
    }

    void say(String text) {
        progress.accept(Progress.of(text));
    }

    synchronized void record(ToolCall call) {
        calls.add(call);
    }

    synchronized List<ToolCall> calls() {
        return List.copyOf(calls);
    }

    /** What the tools handed the model, to check its words against. */
    synchronized void keep(Object result) {
        results.add(result);
    }

    synchronized List<Object> results() {
        return List.copyOf(results);
    }

    /** Where a profiled customer sits in the conversation's segmentation, and the facts of theirs that match it. */
    public record Membership(String segmentationId, Integer segment, String label, List<String> reasons) {
    }

    /** A file an export wrote. */
    public record Export(String file, String format, int rows) {
    }
}
