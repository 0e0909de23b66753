package app.segmenta.assistant.writers;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.List;

/** What a model writes back, read leniently: unknown fields are ignored, missing ones are empty. */
final class Drafts {

    private Drafts() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Labels(List<Label> labels) {
        Labels {
            labels = labels == null ? List.of() : labels;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Label(Integer segment, String label) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Persona(String name, String who, List<String> goals, List<String> frustrations, List<String> messaging,
                   List<String> channels, List<Quote> quotes) {
        Persona {
            goals = goals == null ? List.of() : goals;
            frustrations = frustrations == null ? List.of() : frustrations;
            messaging = messaging == null ? List.of() : messaging;
            channels = channels == null ? List.of() : channels;
            quotes = quotes == null ? List.of() : quotes;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Quote(String review, String text) {
    }

    /** A copy of the app's mapper that also takes a single value where a list is expected, as models write. */
    static ObjectMapper lenient(ObjectMapper json) {
        return json.copy().configure(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY, true);
    }

    /**
     * The JSON object in a reply, even when a model wraps it in prose or a code fence.
     *
     * @param json from {@link #lenient}
     */
    static <T> T read(String reply, Class<T> type, ObjectMapper json) {
        if (reply == null) {
            throw new IllegalArgumentException("the model sent no text");
        }
        int start = reply.indexOf('{');
        int end = reply.lastIndexOf('}');
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("the model's reply holds no JSON object");
        }
        try {
            return json.readValue(reply.substring(start, end + 1), type);
        } catch (Exception e) {
            throw new IllegalArgumentException("the model's JSON cannot be read", e);
        }
    }
}
