package app.segmenta.assistant;

import java.util.Map;

/**
 * A stand-in Ollama server speaking its real HTTP wire format (/api/tags, /api/chat, NDJSON streaming), for the
 * assistant's contract tests. Each test scripts its replies.
 */
public class OllamaStub extends ModelServerStub {

    @Override
    protected Map<String, String> settings(String address) {
        return Map.of("segmenta.assistant.provider", "ollama",
                "segmenta.assistant.ollama-url", address,
                "segmenta.assistant.model", "qwen2.5:7b-instruct");
    }

    static String tags(String... models) {
        StringBuilder b = new StringBuilder("{\"models\":[");
        for (int i = 0; i < models.length; i++) {
            b.append(i == 0 ? "" : ",").append("{\"name\":\"").append(models[i]).append("\",\"model\":\"").append(models[i])
                    .append("\",\"size\":4683087332,\"digest\":\"845dbda0ea48\",\"details\":{\"family\":\"qwen2\",\"parameter_size\":\"7.6B\",\"quantization_level\":\"Q4_K_M\"}}");
        }
        return b.append("]}").toString();
    }

    /** A non-streaming /api/chat reply asking for one tool call. */
    static String toolCall(String name, String argumentsJson) {
        return "{\"model\":\"qwen2.5:7b-instruct\",\"created_at\":\"2026-11-23T10:00:00.000Z\",\"message\":{\"role\":\"assistant\","
                + "\"content\":\"\",\"tool_calls\":[{\"function\":{\"name\":\"" + name + "\",\"arguments\":" + argumentsJson + "}}]},"
                + "\"done_reason\":\"stop\",\"done\":true,\"total_duration\":812000000,\"load_duration\":12000000,"
                + "\"prompt_eval_count\":912,\"prompt_eval_duration\":300000000,\"eval_count\":41,\"eval_duration\":500000000}";
    }

    /** A non-streaming /api/chat reply with the final words. */
    static String reply(String content) {
        return "{\"model\":\"qwen2.5:7b-instruct\",\"created_at\":\"2026-11-23T10:00:01.000Z\",\"message\":{\"role\":\"assistant\","
                + "\"content\":\"" + content + "\"},\"done_reason\":\"stop\",\"done\":true,\"total_duration\":512000000,"
                + "\"prompt_eval_count\":1200,\"eval_count\":35}";
    }

    /** A streamed /api/chat reply: one NDJSON chunk per token, then the closing chunk. */
    static String streamed(String... tokens) {
        StringBuilder b = new StringBuilder();
        for (String t : tokens) {
            b.append("{\"model\":\"qwen2.5:7b-instruct\",\"created_at\":\"2026-11-23T10:00:02.000Z\",\"message\":{\"role\":\"assistant\",\"content\":\"")
                    .append(t).append("\"},\"done\":false}\n");
        }
        return b.append("{\"model\":\"qwen2.5:7b-instruct\",\"created_at\":\"2026-11-23T10:00:03.000Z\",\"message\":{\"role\":\"assistant\",\"content\":\"\"},"
                + "\"done_reason\":\"stop\",\"done\":true,\"prompt_eval_count\":900,\"eval_count\":") .append(tokens.length).append("}\n").toString();
    }

    /** A streamed reply whose one chunk asks for a tool call, as Ollama streams tool calls. */
    static String streamedToolCall(String name, String argumentsJson) {
        return "{\"model\":\"qwen2.5:7b-instruct\",\"created_at\":\"2026-11-23T10:00:02.000Z\",\"message\":{\"role\":\"assistant\",\"content\":\"\","
                + "\"tool_calls\":[{\"function\":{\"name\":\"" + name + "\",\"arguments\":" + argumentsJson + "}}]},\"done\":false}\n"
                + "{\"model\":\"qwen2.5:7b-instruct\",\"created_at\":\"2026-11-23T10:00:02.100Z\",\"message\":{\"role\":\"assistant\",\"content\":\"\"},"
                + "\"done_reason\":\"stop\",\"done\":true,\"prompt_eval_count\":900,\"eval_count\":20}\n";
    }
}
