package app.segmenta.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.PrintStream;

/** Results go to stdout (JSON with --json); progress and logs go to stderr. */
@ApplicationScoped
public class Output {

    static final String NO_DATA = "no data yet: import a file or run serve to load the demo";

    private final ObjectMapper json;

    public Output(ObjectMapper json) {
        this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
    }

    public void json(Object value) {
        try {
            System.out.println(json.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A result as a mutable JSON object, to add fields to before printing. */
    @SuppressWarnings("unchecked")
    public java.util.Map<String, Object> asMap(Object value) {
        return json.convertValue(value, java.util.LinkedHashMap.class);
    }

    public PrintStream out() {
        return System.out;
    }

    public PrintStream err() {
        return System.err;
    }
}
