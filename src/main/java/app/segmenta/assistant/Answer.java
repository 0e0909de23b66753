package app.segmenta.assistant;

import app.segmenta.audience.Audience;
import app.segmenta.catalog.CustomerProfile;
import app.segmenta.segmentation.Segmentation;
import app.segmenta.segmentation.SegmentationSummary;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * One turn's answer. Fields are absent when that step did not run; {@code audience} and {@code segmentation} have
 * the shapes of {@code audience --json} and {@code segment --json}.
 *
 * @param mode   llm or offline: which one produced the words
 * @param model  the model that answered, in llm mode
 * @param notice why the planner answered when a model was expected (server down, timeout, error)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"mode", "model", "notice", "session", "answer", "interpretation"})
public record Answer(String mode, String model, String notice, String session, String answer, Reading interpretation,
                     Audience audience, Segmentation segmentation, Comparison comparison, CustomerProfile customer,
                     Turn.Membership membership, Turn.Export export, List<SegmentationSummary> segmentations,
                     List<ToolCall> toolCalls) {
}
