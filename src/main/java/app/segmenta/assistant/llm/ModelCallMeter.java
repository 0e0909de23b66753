package app.segmenta.assistant.llm;

import app.segmenta.ops.Metrics;
import dev.langchain4j.model.chat.listener.ChatModelErrorContext;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.listener.ChatModelRequestContext;
import dev.langchain4j.model.chat.listener.ChatModelResponseContext;
import dev.langchain4j.model.output.TokenUsage;

/** Times every call to the model and counts its tokens, as the model server reports them. */
final class ModelCallMeter implements ChatModelListener {

    private static final String STARTED = "segmenta.started";

    private final Metrics metrics;

    ModelCallMeter(Metrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void onRequest(ChatModelRequestContext context) {
        context.attributes().put(STARTED, System.nanoTime());
    }

    @Override
    public void onResponse(ChatModelResponseContext context) {
        TokenUsage usage = context.chatResponse().tokenUsage();
        metrics.modelCall(true, elapsed(context.attributes().get(STARTED)), usage == null ? null : usage.inputTokenCount(),
                usage == null ? null : usage.outputTokenCount());
    }

    @Override
    public void onError(ChatModelErrorContext context) {
        metrics.modelCall(false, elapsed(context.attributes().get(STARTED)), null, null);
    }

    private static long elapsed(Object started) {
        return started instanceof Long t ? System.nanoTime() - t : 0;
    }
}
