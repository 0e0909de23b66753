package app.segmenta.assistant;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

/**
 * A stand-in OpenAI-compatible server (as vLLM serves it) speaking the real chat-completions wire format:
 * GET /v1/models, POST /v1/chat/completions with tool calls whose arguments are a JSON string, and streaming as
 * server-sent events ending with {@code data: [DONE]}. The assistant is given an API key, to see that it is sent.
 */
public class OpenAiStub extends ModelServerStub {

    static final String MODEL = "Qwen/Qwen2.5-7B-Instruct";
    static final String API_KEY = "sk-test-segmenta";
    static final String CHAT = "/v1/chat/completions";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected Map<String, String> settings(String address) {
        return Map.of("segmenta.assistant.provider", "openai",
                "segmenta.assistant.openai-url", address + "/v1",
                "segmenta.assistant.api-key", API_KEY,
                "segmenta.assistant.model", MODEL);
    }

    /** GET /v1/models, as vLLM lists the models it serves. */
    static String models(String... ids) {
        ObjectNode list = JSON.createObjectNode().put("object", "list");
        ArrayNode data = list.putArray("data");
        for (String id : ids) {
            data.addObject().put("id", id).put("object", "model").put("created", 1764000000).put("owned_by", "vllm")
                    .put("root", id).putNull("parent").put("max_model_len", 32768);
        }
        return list.toString();
    }

    private static ObjectNode completion(String object) {
        return JSON.createObjectNode().put("id", "chatcmpl-" + object.length()).put("object", object)
                .put("created", 1764000000).put("model", MODEL);
    }

    private static ObjectNode toolCall(ObjectNode call, String id, String name, String arguments) {
        call.put("id", id).put("type", "function").putObject("function").put("name", name).put("arguments", arguments);
        return call;
    }

    private static String finished(ObjectNode message, String reason, int completionTokens) {
        ObjectNode c = completion("chat.completion");
        ObjectNode choice = c.putArray("choices").addObject().put("index", 0);
        choice.set("message", message.put("role", "assistant"));
        choice.putNull("logprobs").put("finish_reason", reason).putNull("stop_reason");
        c.putObject("usage").put("prompt_tokens", 912).put("completion_tokens", completionTokens).put("total_tokens", 912 + completionTokens);
        return c.toString();
    }

    /** A non-streaming reply asking for one tool call (its arguments are a JSON string, as OpenAI sends them). */
    static String toolCall(String id, String name, String argumentsJson) {
        ObjectNode message = JSON.createObjectNode().putNull("content");
        toolCall(message.putArray("tool_calls").addObject(), id, name, argumentsJson);
        return finished(message, "tool_calls", 41);
    }

    /** A non-streaming reply with the final words. */
    static String reply(String content) {
        return finished(JSON.createObjectNode().put("content", content), "stop", 35);
    }

    private static String event(ObjectNode delta, String finishReason) {
        ObjectNode chunk = completion("chat.completion.chunk");
        ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
        choice.set("delta", delta);
        choice.putNull("logprobs");
        if (finishReason == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finishReason);
        }
        return "data: " + chunk + "\n\n";
    }

    /** The last events of a stream: the usage (stream_options.include_usage), then [DONE]. */
    private static String done(int completionTokens) {
        ObjectNode chunk = completion("chat.completion.chunk");
        chunk.putArray("choices");
        chunk.putObject("usage").put("prompt_tokens", 900).put("completion_tokens", completionTokens).put("total_tokens", 900 + completionTokens);
        return "data: " + chunk + "\n\ndata: [DONE]\n\n";
    }

    /** A streamed reply: the role, one event per token, the finish reason, the usage. */
    static String streamed(String... tokens) {
        StringBuilder b = new StringBuilder(event(JSON.createObjectNode().put("role", "assistant").put("content", ""), null));
        for (String t : tokens) {
            b.append(event(JSON.createObjectNode().put("content", t), null));
        }
        return b.append(event(JSON.createObjectNode(), "stop")).append(done(tokens.length)).toString();
    }

    /** A streamed tool call, its arguments split over two events as servers send them. */
    static String streamedToolCall(String id, String name, String argumentsJson) {
        int half = argumentsJson.length() / 2;
        ObjectNode start = JSON.createObjectNode().put("role", "assistant");
        toolCall(start.putArray("tool_calls").addObject().put("index", 0), id, name, "");
        StringBuilder b = new StringBuilder(event(start, null));
        for (String part : new String[] {argumentsJson.substring(0, half), argumentsJson.substring(half)}) {
            ObjectNode delta = JSON.createObjectNode();
            delta.putArray("tool_calls").addObject().put("index", 0).putObject("function").put("arguments", part);
            b.append(event(delta, null));
        }
        return b.append(event(JSON.createObjectNode(), "tool_calls")).append(done(20)).toString();
    }
}
