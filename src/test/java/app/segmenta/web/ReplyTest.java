package app.segmenta.web;

import app.segmenta.assistant.Answer;
import app.segmenta.audience.Audience;
import app.segmenta.audience.AudienceQuery;
import app.segmenta.segmentation.Segment;
import app.segmenta.segmentation.Segmentation;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class ReplyTest {

    @Test
    void aBigAnswerIsCutToWhatAPageDrawsWithItsCountsIntact() {
        List<Audience.Item> items = IntStream.range(0, 5000).mapToObj(i -> new Audience.Item("r" + i, "c" + i, "f.csv", i, 1.0, "why"))
                .toList();
        Audience audience = new Audience(new Audience.Interpretation(List.of(), List.of(), null, Map.of()),
                new Audience.Members(5000, 5000, items));
        List<Segmentation.Point> points = IntStream.range(0, 10_000).mapToObj(i -> new Segmentation.Point("c" + i, "s1", i, -i)).toList();
        List<String> members = IntStream.range(0, 10_000).mapToObj(i -> "c" + i).toList();
        Segment one = new Segment("s1", 1, "All", "d", 10_000, 1.0, members, List.of(), List.of(), List.of(), List.of(),
                new Segment.Ratings(4.0, 10_000, Map.of()), null, List.of(), null);
        Segmentation s = new Segmentation("seg", Instant.EPOCH, AudienceQuery.of(null, null, null, null), 10_000, 1, "kmeans", 1,
                "k", null, null, List.of(one), List.of(), new Segmentation.SegmentMap("pca", points));
        Answer a = new Answer("offline", null, null, "s", "words", null, audience, s, null, null, null, null, null, List.of());

        Reply r = Reply.of(a, null, false);

        assertThat(r.answer().audience().audience().items()).hasSize(Reply.ITEMS);
        assertThat(r.answer().audience().audience().customers()).isEqualTo(5000);
        assertThat(r.answer().segmentation().map().points()).hasSize(Reply.MAP_POINTS)
                .as("spread over the whole map, not its first points").anyMatch(p -> p.x() > 9000);
        assertThat(r.answer().segmentation().customers()).isEqualTo(10_000);
        assertThat(r.answer().segmentation().segments().getFirst().customers()).as("members are left to the downloads").isNull();
        assertThat(r.answer().segmentation().segments().getFirst().size()).isEqualTo(10_000);
        Answer small = new Answer("offline", null, null, "s", "words", null, null, null, null, null, null, null, null, List.of());
        assertThat(Reply.of(small, null, false).answer()).isEqualTo(small);
    }
}
