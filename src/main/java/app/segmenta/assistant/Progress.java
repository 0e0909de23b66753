package app.segmenta.assistant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One step of a turn as it runs, for the terminal and the web chat.
 *
 * @param step this step's number among {@code of}, for long work with numbered steps (a segmentation); else null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Progress(String text, Integer step, Integer of) {

    public static Progress of(String text) {
        return new Progress(text, null, null);
    }

    @Override
    public String toString() {
        return step == null ? text : "[" + step + "/" + of + "] " + text;
    }
}
