package app.segmenta.segmentation;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Picks a segment's representative reviews: from the members nearest its centre, greedily the review that is most
 * central yet least like those already picked (maximal marginal relevance over review embeddings), one per
 * customer. Quotes are whole sentences cut from the stored text, so they are verbatim by construction.
 */
final class Representatives {

    static final int CANDIDATE_CUSTOMERS = 25;
    static final int QUOTE_CHARS = 280;
    /** How much being unlike the picked reviews counts against being central. */
    static final double DIVERSITY = 0.5;

    private Representatives() {
    }

    /** @param members the segment's member rows (indices into customers), nearest the centre first */
    static List<Segment.Quote> pick(List<Integer> members, AudienceData data, int count) {
        List<String> candidates = new ArrayList<>();
        List<Double> centrality = new ArrayList<>();
        for (int rank = 0; rank < Math.min(CANDIDATE_CUSTOMERS, members.size()); rank++) {
            CustomerData c = data.customers().get(members.get(rank));
            String best = c.reviews().stream().filter(r -> !data.texts().getOrDefault(r, "").isBlank())
                    .max(Comparator.comparingInt(r -> Math.min(QUOTE_CHARS, data.texts().get(r).length())))
                    .orElse(null);
            if (best != null) {
                candidates.add(best);
                centrality.add(1.0 - (double) rank / CANDIDATE_CUSTOMERS);
            }
        }
        List<String> picked = new ArrayList<>();
        Set<Integer> used = new HashSet<>();
        while (picked.size() < count && used.size() < candidates.size()) {
            int bestIndex = -1;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < candidates.size(); i++) {
                if (used.contains(i)) {
                    continue;
                }
                double likeness = 0;
                for (String p : picked) {
                    likeness = Math.max(likeness, similarity(data.reviewMeanings(), candidates.get(i), p));
                }
                double score = centrality.get(i) - DIVERSITY * likeness;
                if (score > bestScore) {
                    bestScore = score;
                    bestIndex = i;
                }
            }
            used.add(bestIndex);
            picked.add(candidates.get(bestIndex));
        }
        return picked.stream().map(r -> {
            AudienceData.ReviewInfo info = data.reviews().get(r);
            return new Segment.Quote(r, info.customerId(), info.source(), info.sourceRow(), excerpt(data.texts().get(r)));
        }).toList();
    }

    /** Whole sentences from the start of the text up to about {@value #QUOTE_CHARS} characters (at least one). */
    static String excerpt(String text) {
        String t = text.strip();
        if (t.length() <= QUOTE_CHARS) {
            return t;
        }
        BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        sentences.setText(t);
        int end = sentences.next();
        int next = sentences.next();
        while (next != BreakIterator.DONE && next <= QUOTE_CHARS) {
            end = next;
            next = sentences.next();
        }
        if (end > QUOTE_CHARS * 2) {
            int space = t.lastIndexOf(' ', QUOTE_CHARS);
            end = space > 0 ? space : QUOTE_CHARS;
        }
        return t.substring(0, end).strip();
    }

    private static double similarity(Map<String, float[]> meanings, String a, String b) {
        float[] x = meanings.get(a);
        float[] y = meanings.get(b);
        if (x == null || y == null) {
            return a.equals(b) ? 1 : 0;
        }
        double dot = 0;
        double nx = 0;
        double ny = 0;
        for (int i = 0; i < x.length; i++) {
            dot += x[i] * y[i];
            nx += x[i] * x[i];
            ny += y[i] * y[i];
        }
        return dot / Math.max(1e-12, Math.sqrt(nx * ny));
    }
}
