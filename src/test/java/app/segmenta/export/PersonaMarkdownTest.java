package app.segmenta.export;

import app.segmenta.segmentation.Segment;
import app.segmenta.segmentation.Segmentation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PersonaMarkdownTest {

    @Test
    void reviewTextDecodedOnImportStaysLiteralTextInTheMarkdown() {
        Segment.Quote markup = new Segment.Quote("r1", "html-4", "html-entities.csv", 4,
                "<script>alert('x')</script><img src=x onerror=alert(2)> The bottle arrived broken.");
        Segment.Quote lines = new Segment.Quote("r2", "html-1", "html-entities.csv", 1,
                "They are \"sugar and spice\" soft.\nEven after ten washes &copy; they still fit.");
        Segmentation s = Segmentations.of(List.of(Segmentations.segment(1, "Broken bottles", List.of("html-1", "html-4"),
                Segmentations.persona("Sam, the careful buyer", "template", List.of(markup, lines)), List.of(markup, lines))),
                List.of());
        String md = PersonaMarkdown.of(s);
        assertThat(md).contains("> \\<script\\>alert('x')\\</script\\>\\<img src=x onerror=alert(2)\\> The bottle arrived broken.")
                .contains("> They are \"sugar and spice\" soft. Even after ten washes \\&copy; they still fit.")
                .contains("(html-entities.csv, row 4)", "(html-entities.csv, row 1)")
                .as("no < or & that is not escaped").doesNotContainPattern("(?<!\\\\)[<&]");
    }
}
