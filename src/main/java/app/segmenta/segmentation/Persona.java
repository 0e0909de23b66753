package app.segmenta.segmentation;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * A segment as a person a marketer can picture, written only from the segment's computed facts.
 *
 * @param name         a memorable handle ("Bella, the baby buyer who waits for parcels")
 * @param who          who they are, in a sentence or two
 * @param goals        what they want from the store
 * @param frustrations what went wrong for them, from their complaints
 * @param messaging    what to tell them
 * @param channels     where to reach them
 * @param quotes       verbatim excerpts of their stored reviews, each checked against the review it cites
 * @param writer       "template" or "model:NAME"
 * @param corrections  what the grounding check changed in a model's draft (removed quotes, replaced numbers)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Persona(String name, String who, List<String> goals, List<String> frustrations, List<String> messaging,
                      List<String> channels, List<Segment.Quote> quotes, String writer, List<String> corrections) {

    public Persona {
        goals = goals == null ? List.of() : List.copyOf(goals);
        frustrations = frustrations == null ? List.of() : List.copyOf(frustrations);
        messaging = messaging == null ? List.of() : List.copyOf(messaging);
        channels = channels == null ? List.of() : List.copyOf(channels);
        quotes = quotes == null ? List.of() : List.copyOf(quotes);
        corrections = corrections == null ? List.of() : List.copyOf(corrections);
    }

    /** The same persona with more corrections noted. */
    public Persona corrected(List<String> notes, String... more) {
        if (notes.isEmpty() && more.length == 0) {
            return this;
        }
        List<String> all = new java.util.ArrayList<>(corrections);
        all.addAll(notes);
        all.addAll(List.of(more));
        return new Persona(name, who, goals, frustrations, messaging, channels, quotes, writer, all);
    }
}
