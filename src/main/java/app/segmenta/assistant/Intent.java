package app.segmenta.assistant;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** What a question asks for. */
public enum Intent {
    /** Find customers. */
    AUDIENCE,
    /** Split an audience into segments. */
    SEGMENT,
    /** Two audiences side by side. */
    COMPARE,
    /** One customer, and why they sit in a segment. */
    PROFILE,
    /** Write an audience or a segmentation's personas to a file. */
    EXPORT,
    /** The saved segmentations. */
    LIST;

    @JsonValue
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
