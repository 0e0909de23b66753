package app.segmenta.assistant;

import java.util.Map;

/**
 * One tool call of a turn, as the answer lists it.
 *
 * @param result  a one-line summary of what the tool found, or why it refused
 * @param refused true when the tool declined (an export nobody asked for, an unknown id)
 */
public record ToolCall(String tool, Map<String, Object> arguments, String result, boolean refused, long millis) {
}
