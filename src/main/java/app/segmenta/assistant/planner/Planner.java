package app.segmenta.assistant.planner;

import app.segmenta.assistant.Criteria;
import app.segmenta.assistant.Intent;
import app.segmenta.assistant.Reading;
import app.segmenta.catalog.Concept;
import app.segmenta.catalog.ConceptIndex;
import app.segmenta.catalog.ConceptRef;
import app.segmenta.ingest.CategorySimilarity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The offline planner: reads a marketer's question into the same tools the model would call, by rule. Concepts come
 * from the ontology's labels and synonyms, then the cue phrases of {@code assistant/cues.tsv}, then (for a product
 * no label names) the category nearest in meaning. A question that names no one, or starts like a refinement
 * ("only 1-2 stars", "make it 4", "compare with clothing buyers"), refines the conversation's previous reading.
 */
@jakarta.inject.Singleton
public class Planner {

    private static final Pattern LIST = Pattern.compile("\\bsegmentations\\b|\\b(saved|previous|past|earlier|existing|old|stored)\\s+(segmentations?|segments|analys[ie]s|runs|results|clusterings?)\\b|\\bwhat segmentations\\b");
    private static final Pattern EXPORT = Pattern.compile("\\b(export\\w*|download\\w*|save (it|them|this|that|these|those|the|as|to)|send me|email me|as (a |an )?(csv|pdf|markdown|json|spreadsheet|excel|md)|(to|into|in) (a |an )?(csv|pdf|spreadsheet|excel|markdown|json)( file)?|csv|pdf|spreadsheet)\\b");
    private static final Pattern COMPARE = Pattern.compile("\\b(compare\\w*|comparison|versus|vs\\.?|differ|differs|difference|differences|different from|stack up|side by side|contrast)\\b");
    private static final Pattern SEGMENT = Pattern.compile("\\b(segment(s|ation|ing)?|split\\w*|cluster\\w*|group (them|these|those|it|this|that|the)|groups|personas?|kinds of|types of|sorts of|break\\w* (them |it |this |these |that )?(down|up|into)|breakdown|sub-?groups|buckets|tribes|cohorts|archetypes)\\b");
    private static final Pattern CUSTOMER = Pattern.compile("\\bcustomer(?:\\s+(?:id|number|no\\.?|named|called))?\\s*[#\"'“‘]?\\s*([A-Za-z0-9][A-Za-z0-9_.@-]*)", Pattern.CASE_INSENSITIVE);
    private static final Set<String> NOT_IDS = Set.of("service", "services", "support", "care", "base", "segments", "segment",
            "reviews", "review", "who", "that", "which", "list", "lists", "data", "profile", "profiles", "s", "id",
            "experience", "satisfaction", "feedback", "journey", "and", "with", "in", "of", "for", "from", "the", "a", "an",
            "is", "are", "was", "has", "had", "did", "does", "to", "on", "at", "by", "ids", "number", "record", "records",
            "groups", "group", "personas", "persona", "insights", "sentiment", "count", "complaints", "questions", "loyalty",
            "retention", "churn", "lifetime", "types", "kinds", "bases", "named", "called", "whose", "level");
    private static final Pattern SEGMENT_NUMBER = Pattern.compile("\\bsegment\\s*(?:#|no\\.?|number)?\\s*(\\d+)\\b");
    private static final Pattern ALGORITHM = Pattern.compile("\\b(k-?means|x-?means|hdbscan)\\b");
    private static final Pattern PERSONAS = Pattern.compile("\\b(personas?|segments?|segmentation|profiles|summar\\w*|cards?)\\b");
    private static final Pattern MEANING = Pattern.compile("\\b(?:mention(?:s|ed|ing)?|talk(?:s|ed|ing)? about|say(?:s|ing)?|said|writ(?:e|es|ing) about|wrote about|describ(?:e|es|ed|ing)|refer(?:s|red|ring)? to|bring(?:s|ing)? up|brought up|speak(?:s|ing)? of)\\s+(.+?)(?=[?.!,;]|\\s+(?:and|but|who|whose|since|before|after|in (?:19|20)\\d\\d|last|this|with \\d|rated|between)\\b|$)");
    private static final Pattern REFINE = Pattern.compile("^\\s*(?:(?:ok(?:ay)?|and|now|also|but|then|great|cool|thanks|nice|hmm|so|actually)[,.!]?\\s+)*(only|just|what about|how about|instead|now|also|exclude|without|limit|restrict|narrow|filter|keep|drop|remove|add|make it|make that|same|split|segment|cluster|break|compare|export|download|save|send|and|but|from|in|since|before|after|with|rated|between|same thing|what if|try)\\b");
    private static final Pattern CLEAR_DATES = Pattern.compile("\\b(forget|drop|remove|ignore|clear|lose|without|no|any|all)\\s+(the\\s+|those\\s+|that\\s+)?(date|dates|date range|date limit|time (range|limit|window|frame)|period|years?)\\b|\\b(all[- ]time|any time)\\b");
    private static final Pattern CLEAR_STARS = Pattern.compile("\\b(forget|drop|remove|ignore|clear|lose|without|no|any|all)\\s+(the\\s+|those\\s+|that\\s+)?(stars?|ratings?|rating (limit|filter|range)|star (limit|filter|range))\\b");
    private static final Pattern ADDS = Pattern.compile("\\b(add|also|too|as well|plus|along with)\\b");
    private static final Pattern BACK_REFERENCE = Pattern.compile("^\\s*(those|the ones|them|ones|people|customers|folks|buyers|shoppers|the same|same)\\b");
    private static final Pattern SPLIT_COMPARE = Pattern.compile("\\b(?:compared? (?:to|with|against)|versus|vs\\.?|against|differ(?:s|ent)? from|with|to)\\b");
    private static final Pattern DIFFERENCE = Pattern.compile("^(.*?)\\b(?:difference between|compare|comparing|contrast|how do|how does|how)\\b\\s*(.*)$");
    private static final Pattern BUYERS_OF = Pattern.compile("\\b(?:buy(?:s|ing)?|bought|buyers of|shoppers of|purchas\\w*|customers of|owners of|reviewed|ordered|order(?:s|ing)?|fans of)\\s+(?:(?:a|an|the|our|their|some|any|new)\\s+)?([a-z][a-z' -]{2,40}?)(?=\\s+(?:who|that|and|with|but|because|since|in|from|about|on|for|last|this|before|after|which|or)\\b|[?.!,;]|$)");
    private static final Pattern NOUN_BUYERS = Pattern.compile("\\b([a-z][a-z'-]{2,20}(?:\\s+[a-z][a-z'-]{2,20})?)\\s+(?:buyers|shoppers|owners|customers|purchasers|users|reviewers)\\b");

    private final ConceptIndex concepts;
    private final CategorySimilarity similarity;
    private final Cues cues;

    public Planner(ConceptIndex concepts, CategorySimilarity similarity) {
        this.concepts = concepts;
        this.similarity = similarity;
        this.cues = Cues.shipped();
    }

    /**
     * @param previous the conversation's last reading, or null at its start
     * @param today    what "last year" and "the last 6 months" count from
     */
    public Reading plan(String question, Reading previous, LocalDate today) {
        String original = question == null ? "" : question.strip();
        String q = normalize(original);
        Intent cue = intentCue(q, original);
        Integer k = Limits.k(q).orElse(null);
        if (cue == null && k != null) {
            cue = Intent.SEGMENT;
        }
        String algorithm = algorithm(q);
        if (cue == null && algorithm != null) {
            cue = Intent.SEGMENT;
        }
        String customer = cue == Intent.PROFILE ? customer(original).orElse(null) : null;
        Integer segment = segmentNumber(q);
        String format = cue == Intent.EXPORT ? format(q) : null;

        if (cue == Intent.LIST || cue == Intent.PROFILE) {
            return new Reading(cue, Criteria.EVERYONE, null, null, null, customer, segment, null, null);
        }
        if (cue == Intent.COMPARE) {
            return compare(q, previous, today);
        }
        Criteria own = criteria(q, today);
        boolean followUp = previous != null && previous.intent() != Intent.LIST && previous.intent() != Intent.PROFILE
                && (!own.namesSubject() || REFINE.matcher(q).find() && !startsOver(own));
        if (!followUp) {
            Intent intent = cue == null ? Intent.AUDIENCE : cue;
            return new Reading(intent, own, null, intent == Intent.SEGMENT ? k : null, intent == Intent.SEGMENT ? algorithm : null,
                    null, segment, intent == Intent.EXPORT ? format : null, null);
        }
        Criteria merged = merge(previous.criteria(), own, ADDS.matcher(q).find());
        if (CLEAR_DATES.matcher(q).find() && own.from() == null && own.to() == null) {
            merged = merged.withDates(null, null);
        }
        if (CLEAR_STARS.matcher(q).find() && own.minRating() == null && own.maxRating() == null) {
            merged = merged.withRatings(null, null);
        }
        Intent intent = cue == null ? previous.intent() : cue;
        if (intent == Intent.COMPARE) {
            intent = Intent.AUDIENCE;
        }
        boolean segmenting = intent == Intent.SEGMENT;
        boolean wasSegmenting = previous.intent() == Intent.SEGMENT;
        return new Reading(intent, merged, null,
                segmenting ? (k != null ? k : wasSegmenting ? previous.k() : null) : null,
                segmenting ? (algorithm != null ? algorithm : wasSegmenting ? previous.algorithm() : null) : null,
                null, segment, intent == Intent.EXPORT ? format : null, true);
    }

    /** A question naming both a category and what they felt about something is a new question, whatever its first word. */
    private static boolean startsOver(Criteria own) {
        return !own.categories().isEmpty() && (!own.aspects().isEmpty() || own.polarity() != null);
    }

    private static Criteria merge(Criteria before, Criteria now, boolean adding) {
        Criteria c = before;
        if (!now.categories().isEmpty()) {
            c = c.withCategories(adding ? union(before.categories(), now.categories()) : now.categories());
        }
        if (!now.aspects().isEmpty()) {
            c = c.withAspects(adding ? union(before.aspects(), now.aspects()) : now.aspects(),
                    now.polarity() != null ? now.polarity() : before.polarity());
        } else if (now.polarity() != null) {
            c = c.withAspects(c.aspects(), now.polarity());
        }
        if (now.text() != null) {
            c = c.withText(now.text());
        }
        if (now.minRating() != null || now.maxRating() != null) {
            c = c.withRatings(now.minRating(), now.maxRating());
        }
        if (now.from() != null || now.to() != null) {
            c = c.withDates(now.from(), now.to());
        }
        return c;
    }

    private static List<ConceptRef> union(List<ConceptRef> a, List<ConceptRef> b) {
        Set<ConceptRef> out = new LinkedHashSet<>(a);
        out.addAll(b);
        return List.copyOf(out);
    }

    private Reading compare(String q, Reading previous, LocalDate today) {
        String left;
        String right;
        Matcher d = DIFFERENCE.matcher(q);
        String body = d.find() ? (d.group(2).isBlank() ? d.group(1) : d.group(2)) : q;
        int split = splitAt(body);
        if (split >= 0) {
            Matcher m = SPLIT_COMPARE.matcher(body);
            m.find(split);
            left = body.substring(0, split);
            right = body.substring(m.end());
        } else {
            int and = body.indexOf(" and ");
            left = and >= 0 ? body.substring(0, and) : body;
            right = and >= 0 ? body.substring(and + 5) : "";
        }
        Criteria first = criteria(left, today);
        Criteria second = criteria(right, today);
        boolean usesPrevious = !first.namesSubject() && previous != null && previous.intent() != Intent.LIST
                && previous.intent() != Intent.PROFILE;
        if (usesPrevious) {
            first = merge(previous.criteria(), first, false);
        }
        if (second.categories().isEmpty() && !first.categories().isEmpty()
                && (BACK_REFERENCE.matcher(right).find() || !second.namesSubject() || !second.aspects().isEmpty())) {
            second = second.withCategories(first.categories());
        }
        return new Reading(Intent.COMPARE, first, second, null, null, null, null, null, usesPrevious ? true : null);
    }

    /** Where the second audience of a comparison starts: the last "with"/"to"/"versus" that leaves both sides some words. */
    private static int splitAt(String body) {
        Matcher m = SPLIT_COMPARE.matcher(body);
        int strong = -1;
        int weak = -1;
        while (m.find()) {
            String w = m.group();
            boolean isStrong = !w.equals("with") && !w.equals("to");
            if (isStrong && strong < 0) {
                strong = m.start();
            } else if (!isStrong && weak < 0 && !body.substring(0, m.start()).matches("(?s).*\\b(complain\\w*|unhappy|happy|annoyed|frustrated|problems?|issues?|satisfied|disappointed|delighted|pleased|impressed)\\s*$")) {
                weak = m.start();
            }
        }
        return strong >= 0 ? strong : weak;
    }

    /** Categories, aspects, polarity, limits and meaning named in one stretch of a question. */
    Criteria criteria(String q, LocalDate today) {
        String meaning = meaning(q).orElse(null);
        String matchable = blankIgnored(q);
        List<Cues.Hit> aspectHits = cues.find(Cues.Kind.ASPECT, matchable);
        Set<Concept> aspectSet = new LinkedHashSet<>();
        concepts.findIn(Concept.Scheme.ASPECTS, matchable).forEach(m -> aspectSet.add(m.concept()));
        aspectHits.forEach(h -> concept(Concept.Scheme.ASPECTS, h.cue().name()).ifPresent(aspectSet::add));
        Set<Concept> categorySet = new LinkedHashSet<>();
        concepts.findIn(Concept.Scheme.CATEGORIES, withoutAspectPhrases(matchable, aspectHits)).forEach(m -> categorySet.add(m.concept()));
        cues.find(Cues.Kind.CATEGORY, matchable).forEach(h -> concept(Concept.Scheme.CATEGORIES, h.cue().name()).ifPresent(categorySet::add));
        if (categorySet.isEmpty()) {
            nearestCategory(q).ifPresent(categorySet::add);
        }
        List<ConceptRef> categories = concepts.mostSpecific(List.copyOf(categorySet)).stream().map(ConceptRef::of).toList();
        List<ConceptRef> aspects = aspectSet.stream().map(ConceptRef::of).toList();
        String polarity = polarity(q, aspectHits);
        if (meaning != null && (!concepts.findIn(Concept.Scheme.ASPECTS, meaning).isEmpty()
                || !cues.find(Cues.Kind.ASPECT, meaning).isEmpty() || !concepts.findIn(Concept.Scheme.CATEGORIES, meaning).isEmpty())) {
            meaning = null;
        }
        Limits.Stars stars = Limits.stars(q).orElse(null);
        Limits.Dates dates = Limits.dates(q, today).orElse(null);
        return new Criteria(categories, aspects, polarity, meaning, stars == null ? null : stars.min(),
                stars == null ? null : stars.max(), dates == null ? null : dates.from(), dates == null ? null : dates.to(),
                null);
    }

    private String withoutAspectPhrases(String q, List<Cues.Hit> aspectHits) {
        StringBuilder b = new StringBuilder(q);
        for (Cues.Hit h : aspectHits) {
            if (h.cue().polarity() != null) {
                for (int i = h.start(); i < h.end(); i++) {
                    b.setCharAt(i, ' ');
                }
            }
        }
        return b.toString();
    }

    private String blankIgnored(String q) {
        StringBuilder b = new StringBuilder(q);
        for (Cues.Hit h : cues.find(Cues.Kind.IGNORE, q)) {
            for (int i = h.start(); i < h.end(); i++) {
                b.setCharAt(i, ' ');
            }
        }
        return b.toString();
    }

    private Optional<Concept> nearestCategory(String q) {
        List<String> phrases = new ArrayList<>();
        Matcher m = BUYERS_OF.matcher(q);
        while (m.find()) {
            phrases.add(m.group(1).strip());
        }
        m = NOUN_BUYERS.matcher(q);
        while (m.find()) {
            phrases.add(m.group(1).strip());
        }
        for (String p : phrases) {
            if (p.split(" ").length <= 4 && !p.matches("(?s).*\\b(who|what|which|our|the|some|people|stuff|things?|products?|items?|it|them)$")) {
                Optional<CategorySimilarity.Match> near = similarity.nearest(p);
                if (near.isPresent()) {
                    return Optional.of(near.get().concept());
                }
            }
        }
        return Optional.empty();
    }

    private static final Pattern NEGATED_POSITIVE = Pattern.compile("\\b(not|never|no longer|don'?t|didn'?t|doesn'?t|isn'?t|aren'?t|wasn'?t|weren'?t|hardly)\\s+(?:\\w+\\s+)?(happy|love\\w*|satisfied|pleased|impressed|thrilled|enjoy\\w*|like\\w*)\\b");

    private String polarity(String q, List<Cues.Hit> aspectHits) {
        List<Cues.Hit> hits = cues.find(Cues.Kind.POLARITY, q);
        List<int[]> negatedSpans = new ArrayList<>();
        Matcher m = NEGATED_POSITIVE.matcher(q);
        int negative = 0;
        while (m.find()) {
            negatedSpans.add(new int[]{m.start(), m.end()});
            negative++;
        }
        int positive = 0;
        for (Cues.Hit h : hits) {
            boolean insideNegated = negatedSpans.stream().anyMatch(s -> h.start() >= s[0] && h.end() <= s[1]);
            if ("negative".equals(h.cue().polarity())) {
                negative++;
            } else if (!insideNegated && hits.stream().noneMatch(o -> o != h && "negative".equals(o.cue().polarity())
                    && o.start() <= h.start() && o.end() >= h.end())) {
                positive++;
            }
        }
        for (Cues.Hit h : aspectHits) {
            if ("negative".equals(h.cue().polarity())) {
                negative++;
            } else if ("positive".equals(h.cue().polarity())) {
                positive++;
            }
        }
        if (negative == 0 && positive == 0) {
            return null;
        }
        return negative >= positive ? "negative" : "positive";
    }

    private Optional<String> meaning(String q) {
        Matcher m = MEANING.matcher(q);
        if (!m.find()) {
            return Optional.empty();
        }
        String phrase = m.group(1).replaceAll("^(a|an|the|their|our|that|how|when|being)\\s+", "").strip();
        return phrase.length() < 3 ? Optional.empty() : Optional.of(phrase);
    }

    private Optional<Concept> concept(Concept.Scheme scheme, String localName) {
        return concepts.concepts(scheme).stream().filter(c -> c.iri().endsWith("/" + localName) || c.iri().endsWith("#" + localName))
                .findFirst();
    }

    private static Intent intentCue(String q, String original) {
        if (LIST.matcher(q).find() && !EXPORT.matcher(q).find()) {
            return Intent.LIST;
        }
        if (EXPORT.matcher(q).find()) {
            return Intent.EXPORT;
        }
        if (customer(original).isPresent()) {
            return Intent.PROFILE;
        }
        if (COMPARE.matcher(q).find()) {
            return Intent.COMPARE;
        }
        if (SEGMENT.matcher(q).find()) {
            return Intent.SEGMENT;
        }
        return null;
    }

    /** True when the user's own words ask for an export: the guard that keeps review text from triggering one. */
    public static boolean asksForExport(String question) {
        return question != null && EXPORT.matcher(normalize(question)).find();
    }

    static Optional<String> customer(String original) {
        Matcher m = CUSTOMER.matcher(original);
        while (m.find()) {
            String id = m.group(1).replaceAll("'s$", "").replaceAll("[.'’-]+$", "");
            if (!id.isEmpty() && !NOT_IDS.contains(id.toLowerCase(Locale.ROOT))) {
                return Optional.of(id);
            }
        }
        return Optional.empty();
    }

    private static Integer segmentNumber(String q) {
        Matcher m = SEGMENT_NUMBER.matcher(q);
        return m.find() ? Integer.parseInt(m.group(1)) : null;
    }

    private static String algorithm(String q) {
        Matcher m = ALGORITHM.matcher(q);
        return m.find() ? m.group(1).replace("-", "") : null;
    }

    private static String format(String q) {
        if (q.matches("(?s).*\\bpdf\\b.*")) {
            return "pdf";
        }
        if (q.matches("(?s).*\\b(markdown|md)\\b.*")) {
            return "md";
        }
        if (q.matches("(?s).*\\bjson\\b.*")) {
            return "json";
        }
        if (q.matches("(?s).*\\b(csv|spreadsheet|excel|xlsx|sheet)\\b.*")) {
            return "csv";
        }
        return PERSONAS.matcher(q).find() ? "md" : "csv";
    }

    static String normalize(String question) {
        return question.toLowerCase(Locale.ROOT)
                .replace('’', '\'').replace('‘', '\'').replace('“', '"').replace('”', '"')
                .replace('–', '-').replace('—', '-')
                .replaceAll("\\s+", " ").strip();
    }
}
