package app.segmenta.ingest;

import app.segmenta.catalog.CustomerAttribute;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a source record into a {@link ReviewRow}, or says why it cannot: a missing text or an unreadable rating
 * skips the row; an unreadable date or age only drops that value, with a warning. The words people read (review
 * text and title, product name, brand, category labels) are taken as {@link HtmlText#readable readable text}: HTML
 * character references decoded, {@code <br>} as a line break. Ids, ratings, dates and customer attributes are taken
 * as written, so they still match the other files that name them.
 */
final class RowParser {

    private static final Pattern RATING = Pattern.compile("(\\d+(?:[.,]\\d+)?)\\s*(?:/\\s*5|stars?)?",
            Pattern.CASE_INSENSITIVE);
    /** Commas that separate labels; "Movies, Music & Books" keeps its comma-space inside one label. */
    private static final Pattern LIST_SEPARATOR = Pattern.compile(",(?!\\s)|;|\\|");
    private static final Pattern PATH_SEPARATOR = Pattern.compile("\\s*>\\s*");
    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("M/d/uuuu"),
            DateTimeFormatter.ofPattern("uuuu/M/d"),
            DateTimeFormatter.ofPattern("d.M.uuuu"),
            DateTimeFormatter.ofPattern("MMM d, uuuu", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH));

    private final ColumnMapping mapping;

    RowParser(ColumnMapping mapping) {
        this.mapping = mapping;
    }

    /** The row, or null after telling {@code skip} why; {@code warn} hears about values that were dropped. */
    ReviewRow parse(SourceRecord record, Consumer<String> skip, Consumer<String> warn) {
        String text = readable(record, Field.TEXT);
        if (text == null) {
            skip.accept("missing review text");
            return null;
        }
        BigDecimal rating = null;
        String ratingText = single(record, Field.RATING);
        if (ratingText != null) {
            Matcher m = RATING.matcher(ratingText);
            if (!m.matches()) {
                skip.accept("rating '" + ratingText + "' is not a number");
                return null;
            }
            rating = new BigDecimal(m.group(1).replace(',', '.')).stripTrailingZeros();
            if (rating.compareTo(BigDecimal.ONE) < 0 || rating.compareTo(BigDecimal.valueOf(5)) > 0) {
                skip.accept("rating " + ratingText + " is outside 1–5");
                return null;
            }
        }
        LocalDate date = null;
        String dateText = single(record, Field.DATE);
        if (dateText != null) {
            date = date(dateText);
            if (date == null) {
                warn.accept("date '" + dateText + "' not understood; review kept without a date");
            }
        }
        Map<CustomerAttribute, String> attributes = new EnumMap<>(CustomerAttribute.class);
        for (Field f : Field.values()) {
            f.attribute().ifPresent(a -> {
                String v = single(record, f);
                if (v == null) {
                    return;
                }
                if (a == CustomerAttribute.AGE && !validAge(v)) {
                    warn.accept("age '" + v + "' is not an age; left out");
                    return;
                }
                attributes.put(a, v);
            });
        }
        Map<String, String> extra = new LinkedHashMap<>();
        mapping.attributes().forEach((name, column) -> {
            String v = clean(record.values().get(column));
            if (v != null) {
                extra.put(name, v);
            }
        });
        return new ReviewRow(record.number(), text, readable(record, Field.TITLE), rating, date,
                single(record, Field.CUSTOMER_ID), single(record, Field.PRODUCT_ID), readable(record, Field.PRODUCT_NAME),
                readable(record, Field.BRAND), category(record), attributes, extra);
    }

    private ReviewRow.CategoryValue category(SourceRecord record) {
        List<String> columns = mapping.columnsOf(Field.CATEGORIES);
        ReviewRow.CategoryValue value = ReviewRow.CategoryValue.NONE;
        if (columns.size() > 1) {
            List<String> levels = columns.stream().map(c -> clean(readable(record.values().get(c)))).filter(v -> v != null).toList();
            value = new ReviewRow.CategoryValue(String.join(" > ", levels), levels, true);
        } else if (columns.size() == 1) {
            Object v = readable(record.values().get(columns.getFirst()));
            if (v instanceof List<?> list) {
                List<String> labels = list.stream().map(RowParser::clean).filter(s -> s != null).toList();
                value = new ReviewRow.CategoryValue(String.join(",", labels), labels, false);
            } else {
                value = split(clean(v));
            }
        }
        if (value.isEmpty() && mapping.defaultCategory() != null) {
            value = split(mapping.defaultCategory());
        }
        return value;
    }

    private ReviewRow.CategoryValue split(String raw) {
        if (raw == null) {
            return ReviewRow.CategoryValue.NONE;
        }
        String separator = mapping.categorySeparator();
        boolean path = separator != null ? separator.trim().equals(">") : raw.contains(">");
        Pattern pattern = separator == null ? (path ? PATH_SEPARATOR : LIST_SEPARATOR)
                : Pattern.compile("\\s*" + Pattern.quote(separator.trim()) + "\\s*");
        List<String> labels = Arrays.stream(pattern.split(raw)).map(String::trim).filter(s -> !s.isEmpty()).toList();
        return new ReviewRow.CategoryValue(raw, new ArrayList<>(labels), path);
    }

    private String single(SourceRecord record, Field field) {
        List<String> columns = mapping.columnsOf(field);
        return columns.isEmpty() ? null : clean(record.values().get(columns.getFirst()));
    }

    /** A field people read, decoded before it is trimmed (a text that is only {@code <br>} is no text). */
    private String readable(SourceRecord record, Field field) {
        List<String> columns = mapping.columnsOf(field);
        return columns.isEmpty() ? null : clean(readable(record.values().get(columns.getFirst())));
    }

    private static Object readable(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(v -> v == null ? null : HtmlText.readable(String.valueOf(v))).toList();
        }
        return value == null ? null : HtmlText.readable(value.toString());
    }

    private static String clean(Object value) {
        if (value == null) {
            return null;
        }
        String s = value instanceof List<?> list ? String.join(",", list.stream().map(String::valueOf).toList())
                : value.toString();
        s = s.strip();
        return s.isEmpty() ? null : s;
    }

    private static boolean validAge(String v) {
        try {
            int age = Integer.parseInt(v);
            return age > 0 && age < 120;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static LocalDate date(String text) {
        String s = text.strip();
        try {
            return OffsetDateTime.parse(s).toLocalDate();
        } catch (DateTimeParseException ignored) {
            // not an instant; try the date-only forms below
        }
        try {
            return LocalDateTime.parse(s).toLocalDate();
        } catch (DateTimeParseException ignored) {
            // not a local date-time either
        }
        for (DateTimeFormatter f : DATES) {
            try {
                return LocalDate.parse(s, f);
            } catch (DateTimeParseException ignored) {
                // next form
            }
        }
        return null;
    }
}
