package app.segmenta.export;

import app.segmenta.segmentation.Persona;
import app.segmenta.segmentation.Segment;
import app.segmenta.segmentation.Segmentation;

import app.segmenta.text.Counts;
import java.util.List;
import java.util.Locale;

/** A segmentation's personas as Markdown, one section per segment; review text is quoted, never interpreted. */
final class PersonaMarkdown {

    private PersonaMarkdown() {
    }

    static String of(Segmentation s) {
        StringBuilder b = new StringBuilder("# Personas: segmentation ").append(s.id()).append("\n\n");
        b.append(String.format(Locale.ROOT, "%s, %s (%s). %s%n%n", Counts.of(s.customers(), "customer"), Counts.of(s.k(), "segment"), s.algorithm(),
                s.quality() == null ? "" : s.quality().summary()));
        for (Segment seg : s.segments()) {
            b.append("## ").append(seg.number()).append(". ").append(text(seg.label())).append("\n\n");
            b.append(String.format(Locale.ROOT, "%s (%d%% of the audience). %s%n%n", Counts.of(seg.size(), "customer"),
                    Math.round(seg.share() * 100), text(seg.description())));
            Persona p = seg.persona();
            if (p != null) {
                b.append("**").append(text(p.name())).append("**: ").append(text(p.who())).append("\n\n");
                list(b, "Goals", p.goals());
                list(b, "Frustrations", p.frustrations());
                list(b, "What to tell them", p.messaging());
                list(b, "Where to reach them", p.channels());
                if (!p.quotes().isEmpty()) {
                    b.append("In their words:\n\n");
                    p.quotes().forEach(q -> b.append("> ").append(text(q.text())).append("\n>\n> (").append(text(q.source()))
                            .append(", row ").append(q.sourceRow()).append(")\n\n"));
                }
                b.append("_Written by ").append(p.writer() == null ? "template" : text(p.writer()))
                        .append(" from the segment's computed facts._\n\n");
                list(b, "Changed by the grounding check", p.corrections());
            }
        }
        return b.toString();
    }

    private static void list(StringBuilder b, String title, List<String> items) {
        if (!items.isEmpty()) {
            b.append(title).append(":\n\n");
            items.forEach(i -> b.append("- ").append(text(i)).append('\n'));
            b.append('\n');
        }
    }

    /**
     * Markdown and HTML in review text stay literal text: tags, and entity names a Markdown viewer would decode
     * ({@code &copy;}), are escaped; a line break within a quote reads as a space.
     */
    static String text(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("\\", "\\\\").replaceAll("([`*_\\[\\]<>#|&])", "\\\\$1").replaceAll("\\s*\\n\\s*", " ");
    }
}
