package app.segmenta.ingest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The forms of HTML that occur in the shared review sets, and what a person reads for each. */
class HtmlTextTest {

    @Test
    void characterReferencesAreDecoded() {
        assertThat(HtmlText.readable("They are &#34;sugar and spice&#34;")).isEqualTo("They are \"sugar and spice\"");
        assertThat(HtmlText.readable("&quot;sky&quot; &amp; teal, wasn&#39;t, &#x27;hex&#X27;, &apos;apos&apos;"))
                .isEqualTo("\"sky\" & teal, wasn't, 'hex', 'apos'");
        assertThat(HtmlText.readable("Baby Tracker&reg; And&#8230;no &lt;3")).isEqualTo("Baby Tracker® And…no <3");
    }

    @Test
    void textEscapedSeveralTimesOverReadsAsEscapedOnce() {
        assertThat(HtmlText.readable("i&amp;#39;d say")).isEqualTo("i'd say");
        assertThat(HtmlText.readable("5&amp;#39;6&amp;quot;")).isEqualTo("5'6\"");
        assertThat(HtmlText.readable("i am 5&amp;amp;amp;amp;#39;8")).isEqualTo("i am 5'8");
        assertThat(HtmlText.readable("&amp;amp;lt;br&amp;amp;gt;")).isEqualTo("\n");
    }

    @Test
    void aBrTagInAnySpellingIsALineBreak() {
        assertThat(HtmlText.readable("a<br>b<br/>c<br />d<BR>e<Br  / >f")).isEqualTo("a\nb\nc\nd\ne\nf");
        assertThat(HtmlText.readable("leak horribly.&#60;br /&#62;Even if")).isEqualTo("leak horribly.\nEven if");
        assertThat(HtmlText.readable("one&lt;br&gt;two")).isEqualTo("one\ntwo");
    }

    @Test
    void nothingElseChanges() {
        for (String same : new String[]{"P&G", "h&m and a&e", "M&M;'s", "&unknown; & &#; &#xZZ;", "AT&T &amp without a semicolon",
                "<b>bold</b> <brand> <script>alert(1)</script>", "  spaced\ttext\n", "", "plain"}) {
            assertThat(HtmlText.readable(same)).as(same).isEqualTo(same);
        }
        assertThat(HtmlText.readable(null)).isNull();
        assertThat(HtmlText.readable("&lt;script&gt;alert(1)&lt;/script&gt;")).isEqualTo("<script>alert(1)</script>");
    }

    @Test
    void referencesToCharactersNoOneCanReadShowAsBrowsersShowThem() {
        assertThat(HtmlText.readable("a&#0;b&#27;c&#x7F;d&#xD800;e&#1114112;f&#99999999999;g&#99999999999999999999;h"))
                .isEqualTo("a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFDf\uFFFDg\uFFFDh");
        assertThat(HtmlText.readable("don&#146;t &#150; &#129;")).isEqualTo("don’t – \uFFFD");
        assertThat(HtmlText.readable("tab&#9;line&#10;end")).isEqualTo("tab\tline\nend");
    }
}
