package app.segmenta.assistant.planner;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Star, date and count limits in a question, read by rule; each method sees the question in lower case. */
final class Limits {

    record Stars(BigDecimal min, BigDecimal max) {
    }

    record Dates(LocalDate from, LocalDate to) {
    }

    private static final Map<String, Integer> NUMBERS = Map.ofEntries(Map.entry("one", 1), Map.entry("two", 2),
            Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6),
            Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10),
            Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("a couple of", 2), Map.entry("a few", 3),
            Map.entry("a", 1), Map.entry("single", 1));
    private static final String NUM = "(\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)";
    private static final String STAR = "\\s*(?:-|\\s)?\\s*(?:stars?|★|star ratings?)";

    private static final Pattern STAR_RANGE = Pattern.compile("\\b" + NUM + "\\s*(?:-|–|—|to|or|and)\\s*" + NUM + STAR + "\\b");
    private static final Pattern STAR_AT_LEAST = Pattern.compile("(?:\\b(?:at least|minimum of|min(?:imum)?|over|above|more than|higher than|better than)\\s+" + NUM + STAR + ")|(?:\\b" + NUM + STAR + "\\s*(?:\\+|and up|and above|or (?:more|higher|better|above)|plus)\\b)|(?:\\b" + NUM + "\\+\\s*stars?)");
    private static final Pattern STAR_AT_MOST = Pattern.compile("(?:\\b(?:at most|maximum of|max(?:imum)?|no more than|under|below|less than|lower than|fewer than|worse than)\\s+" + NUM + STAR + ")|(?:\\b" + NUM + STAR + "\\s*(?:and (?:under|below|less|lower)|or (?:less|lower|fewer|below|under|worse))\\b)");
    private static final Pattern STAR_EXACT = Pattern.compile("\\b" + NUM + STAR + "\\b");
    private static final Pattern LOW = Pattern.compile("\\b(low(?:ly)?[- ]?(?:rated|ratings?|scores?|stars?)|poor(?:ly)?[- ]?(?:rated|ratings?)|bad ratings?|negative ratings?|rated (?:it )?(?:low|poorly|badly))\\b");
    private static final Pattern HIGH = Pattern.compile("\\b(top[- ]rated|high(?:ly)?[- ]?(?:rated|ratings?|scores?)|rated (?:it )?highly|great ratings?|best[- ]rated)\\b");

    private Limits() {
    }

    static Optional<Integer> number(String word) {
        if (word == null) {
            return Optional.empty();
        }
        if (word.chars().allMatch(Character::isDigit)) {
            return Optional.of(Integer.parseInt(word));
        }
        return Optional.ofNullable(NUMBERS.get(word));
    }

    static Optional<Stars> stars(String q) {
        Matcher m = STAR_RANGE.matcher(q);
        if (m.find()) {
            int a = number(m.group(1)).orElseThrow();
            int b = number(m.group(2)).orElseThrow();
            if (valid(a) && valid(b)) {
                return Optional.of(new Stars(dec(Math.min(a, b)), dec(Math.max(a, b))));
            }
        }
        m = STAR_AT_LEAST.matcher(q);
        if (m.find()) {
            int n = number(first(m)).orElseThrow();
            boolean strict = m.group(0).matches("(?s)^(over|above|more than|higher than|better than).*");
            int min = strict ? n + 1 : n;
            if (valid(min)) {
                return Optional.of(new Stars(dec(min), null));
            }
        }
        m = STAR_AT_MOST.matcher(q);
        if (m.find()) {
            int n = number(first(m)).orElseThrow();
            boolean strict = m.group(0).matches("(?s)^(under|below|less than|lower than|fewer than|worse than).*");
            int max = strict ? n - 1 : n;
            if (valid(max)) {
                return Optional.of(new Stars(null, dec(max)));
            }
        }
        m = STAR_EXACT.matcher(q);
        if (m.find()) {
            int n = number(m.group(1)).orElseThrow();
            if (valid(n)) {
                return Optional.of(new Stars(dec(n), dec(n)));
            }
        }
        if (LOW.matcher(q).find()) {
            return Optional.of(new Stars(null, dec(2)));
        }
        if (HIGH.matcher(q).find()) {
            return Optional.of(new Stars(dec(4), null));
        }
        return Optional.empty();
    }

    private static String first(Matcher m) {
        for (int g = 1; g <= m.groupCount(); g++) {
            if (m.group(g) != null) {
                return m.group(g);
            }
        }
        throw new IllegalStateException();
    }

    private static boolean valid(int stars) {
        return stars >= 1 && stars <= 5;
    }

    private static BigDecimal dec(int n) {
        return BigDecimal.valueOf(n);
    }

    private static final String MONTHS = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
    private static final String WHEN = "(?:" + MONTHS + "\\s+)?((?:19|20)\\d{2})";
    private static final Pattern BETWEEN = Pattern.compile("\\b(?:between|from)\\s+" + WHEN + "\\s+(?:and|to|until|till|through|-)\\s+" + WHEN + "\\b");
    private static final Pattern SINCE = Pattern.compile("\\b(since|from|starting(?: in)?|after|later than|before|prior to|until|till|up to|earlier than|in|during|throughout|of)\\s+(?:the (?:start|beginning) of\\s+)?" + WHEN + "\\b(\\s+on(?:wards?)?)?");
    private static final Pattern LAST_N = Pattern.compile("\\b(?:last|past|previous|recent)\\s+" + NUM + "?\\s*(days?|weeks?|months?|years?)\\b");
    private static final Pattern NAMED = Pattern.compile("\\b(last|this|past) (year|month)\\b|\\b(this|last) (calendar )?year\\b");
    private static final Set<String> BEFORE = Set.of("before", "prior to", "until", "till", "up to", "earlier than");

    static Optional<Dates> dates(String q, LocalDate today) {
        Matcher m = BETWEEN.matcher(q);
        if (m.find()) {
            return Optional.of(new Dates(start(m.group(1), m.group(2)), end(m.group(3), m.group(4))));
        }
        m = LAST_N.matcher(q);
        if (m.find()) {
            int n = m.group(1) == null ? 1 : number(m.group(1)).orElse(1);
            String unit = m.group(2);
            LocalDate from = unit.startsWith("day") ? today.minusDays(n) : unit.startsWith("week") ? today.minusWeeks(n)
                    : unit.startsWith("month") ? today.minusMonths(n) : today.minusYears(n);
            if (m.group(1) != null || !unit.startsWith("year") && !unit.startsWith("month")) {
                return Optional.of(new Dates(from, null));
            }
        }
        m = NAMED.matcher(q);
        if (m.find()) {
            String which = m.group(1) != null ? m.group(1) : m.group(3);
            String unit = m.group(2) != null ? m.group(2) : "year";
            if (unit.equals("year")) {
                int year = which.equals("this") ? today.getYear() : today.getYear() - 1;
                return Optional.of(which.equals("this") ? new Dates(LocalDate.of(year, 1, 1), null)
                        : new Dates(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)));
            }
            YearMonth month = which.equals("this") ? YearMonth.from(today) : YearMonth.from(today).minusMonths(1);
            return Optional.of(which.equals("this") ? new Dates(month.atDay(1), null)
                    : new Dates(month.atDay(1), month.atEndOfMonth()));
        }
        LocalDate from = null;
        LocalDate to = null;
        m = SINCE.matcher(q);
        while (m.find()) {
            String word = m.group(1);
            String month = m.group(2);
            String year = m.group(3);
            boolean onwards = m.group(4) != null;
            if (BEFORE.contains(word)) {
                to = start(month, year).minusDays(1);
            } else if (word.equals("after") || word.equals("later than")) {
                from = end(month, year).plusDays(1);
            } else if (word.startsWith("since") || word.startsWith("starting") || onwards) {
                from = start(month, year);
            } else {
                from = start(month, year);
                to = end(month, year);
            }
        }
        return from == null && to == null ? Optional.empty() : Optional.of(new Dates(from, to));
    }

    private static LocalDate start(String month, String year) {
        int y = Integer.parseInt(year);
        return month == null ? LocalDate.of(y, 1, 1) : LocalDate.of(y, month(month), 1);
    }

    private static LocalDate end(String month, String year) {
        int y = Integer.parseInt(year);
        return month == null ? LocalDate.of(y, 12, 31) : YearMonth.of(y, month(month)).atEndOfMonth();
    }

    private static Month month(String word) {
        for (Month m : Month.values()) {
            if (m.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT).startsWith(word.substring(0, 3))) {
                return m;
            }
        }
        throw new IllegalArgumentException(word);
    }

    private static final Pattern K = Pattern.compile("\\b(?:into|in|with|make it|make that|use|try|want|give me|show me|show|find|get|split|k\\s*=\\s*)\\s*(?:just\\s+|only\\s+|exactly\\s+)?"
            + NUM + "\\b(?!\\s*(?:-|\\s)?(?:stars?|★|months?|years?|weeks?|days?|%))(?:\\s+(?:\\w+\\s+)?(?:groups?|segments?|clusters?|personas?|buckets?|types|kinds|tribes|sub-?groups?|cohorts?))?");
    private static final Pattern K_NOUN = Pattern.compile("\\b" + NUM + "\\s+(?:\\w+\\s+)?(?:groups|segments|clusters|personas|buckets|types|kinds|tribes|sub-?groups|cohorts)\\b");
    private static final Pattern K_ONLY = Pattern.compile("^\\s*(?:ok(?:ay)?[,.]?\\s*|now\\s+|actually[,.]?\\s*|hmm[,.]?\\s*)?(?:make it|make that|try|use|go with|let'?s do|do)\\s+" + NUM + "\\b");

    private static final Pattern K_INTO = Pattern.compile("\\b(?:split|segment|cluster|break|divide|group|sort|bucket)\\w*\\b.*?\\binto\\s+" + NUM
            + "\\b(?!\\s*(?:-|\\s)?(?:stars?|★|months?|years?|weeks?|days?|%))");

    /** Segments asked for: "into 4 groups", "five segments", "make it 4", "split them into 3". */
    static Optional<Integer> k(String q) {
        Matcher into = K_INTO.matcher(q);
        if (into.find()) {
            return number(into.group(1)).filter(n -> n >= 2 && n <= 50);
        }
        Matcher m = K_NOUN.matcher(q);
        if (m.find()) {
            return number(m.group(1)).filter(n -> n >= 2 && n <= 50);
        }
        m = K_ONLY.matcher(q);
        if (m.find()) {
            return number(m.group(1)).filter(n -> n >= 2 && n <= 50);
        }
        m = K.matcher(q);
        while (m.find()) {
            if (m.group(0).matches("(?s).*(groups?|segments?|clusters?|personas?|buckets?|types|kinds|tribes|cohorts?)$")
                    || m.group(0).startsWith("make it") || m.group(0).startsWith("make that") || m.group(0).startsWith("k")) {
                return number(m.group(1)).filter(n -> n >= 2 && n <= 50);
            }
        }
        return Optional.empty();
    }
}
