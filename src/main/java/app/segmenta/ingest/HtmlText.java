package app.segmenta.ingest;

import org.apache.commons.text.translate.AggregateTranslator;
import org.apache.commons.text.translate.CharSequenceTranslator;
import org.apache.commons.text.translate.EntityArrays;
import org.apache.commons.text.translate.LookupTranslator;
import org.apache.commons.text.translate.NumericEntityUnescaper;

import java.nio.charset.Charset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Source text as a person reads it. Review exports often carry text that a web shop HTML-escaped on the way out
 * ({@code &#34;sugar and spice&#34;}, {@code &#60;br /&#62;}, {@code &amp;}), and some carry it escaped two to five
 * times over ({@code i&amp;#39;m}, {@code 5&amp;amp;amp;amp;#39;8}), so this decodes:
 * <ul>
 *   <li>character references: the HTML 4 named entities, {@code &apos;}, and decimal or hex numeric references, all
 *       with their semicolon. Decoding repeats until no reference is left, since a text escaped twice means what it
 *       means escaped once;</li>
 *   <li>a {@code <br>} tag, in any spelling ({@code <br>}, {@code <br/>}, {@code <BR />}), escaped or not: a line
 *       break.</li>
 * </ul>
 * Nothing else changes. Other tags stay as the text they are (every place that shows review text shows it as text),
 * and so do a bare {@code &} ("P&G", "h&m") and a name that is no entity ({@code M&M;'s}). A numeric reference to a
 * control character, a surrogate or no character at all becomes U+FFFD, and one to 128–159 the windows-1252 character
 * a browser shows for it ({@code &#146;} is ’), so decoding never brings in a character the raw text could not show.
 */
final class HtmlText {

    private static final CharSequenceTranslator ENTITIES = new AggregateTranslator(
            new LookupTranslator(EntityArrays.BASIC_UNESCAPE),
            new LookupTranslator(EntityArrays.ISO8859_1_UNESCAPE),
            new LookupTranslator(EntityArrays.HTML40_EXTENDED_UNESCAPE),
            new LookupTranslator(EntityArrays.APOS_UNESCAPE),
            new NumericEntityUnescaper(NumericEntityUnescaper.OPTION.semiColonRequired));
    private static final Pattern NUMERIC = Pattern.compile("&#(?:[xX]([0-9a-fA-F]+)|([0-9]+));");
    private static final Pattern BR = Pattern.compile("<br\\s*/?\\s*>", Pattern.CASE_INSENSITIVE);
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    /** Deeper than any escaping seen in real exports (five levels); each level makes the text shorter anyway. */
    private static final int MAX_LEVELS = 10;

    private HtmlText() {
    }

    /** The text with character references decoded and {@code <br>} tags as line breaks; null stays null. */
    static String readable(String text) {
        if (text == null || text.indexOf('&') < 0 && text.indexOf('<') < 0) {
            return text;
        }
        String s = text;
        for (int level = 0; level < MAX_LEVELS && s.indexOf('&') >= 0; level++) {
            String decoded = ENTITIES.translate(safeNumbers(s));
            if (decoded.equals(s)) {
                break;
            }
            s = decoded;
        }
        return BR.matcher(s).replaceAll("\n");
    }

    /** Numeric references the decoder would turn into unprintable characters, replaced as a browser shows them. */
    private static String safeNumbers(String s) {
        Matcher m = NUMERIC.matcher(s);
        StringBuilder out = null;
        while (m.find()) {
            String shown = shown(value(m));
            if (shown != null) {
                if (out == null) {
                    out = new StringBuilder(s.length());
                }
                m.appendReplacement(out, Matcher.quoteReplacement(shown));
            }
        }
        if (out == null) {
            return s;
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The reference's code point; -1 when it has too many digits to be one. */
    private static long value(Matcher m) {
        try {
            return m.group(1) != null ? Long.parseLong(m.group(1), 16) : Long.parseLong(m.group(2));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** What to show for a numeric reference that is not a printable character, or null to decode it as it is. */
    private static String shown(long value) {
        if (value >= 0x80 && value <= 0x9F) {
            return new String(new byte[]{(byte) value}, WINDOWS_1252);
        }
        boolean control = value < 0x20 && value != '\t' && value != '\n' && value != '\r' || value == 0x7F;
        boolean noCharacter = value < 0 || value > Character.MAX_CODE_POINT
                || value >= Character.MIN_SURROGATE && value <= Character.MAX_SURROGATE;
        return control || noCharacter ? "\uFFFD" : null;
    }
}
