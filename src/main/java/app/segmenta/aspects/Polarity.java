package app.segmenta.aspects;

import app.segmenta.catalog.Vocab;
import org.apache.jena.graph.Node;

import java.util.Locale;

/** Which way a review speaks of an aspect. The CLI and REST call complaint "negative" and praise "positive". */
public enum Polarity {
    COMPLAINT("Complaint", "negative"),
    PRAISE("Praise", "positive"),
    NEUTRAL("Neutral", "neutral");

    private final Node iri;
    private final String word;

    Polarity(String localName, String word) {
        this.iri = Vocab.core(localName);
        this.word = word;
    }

    public Node iri() {
        return iri;
    }

    /** "negative", "positive" or "neutral". */
    public String word() {
        return word;
    }

    public static Polarity ofIri(String iri) {
        for (Polarity p : values()) {
            if (p.iri.getURI().equals(iri)) {
                return p;
            }
        }
        throw new IllegalArgumentException("Not a polarity: " + iri);
    }

    /** Reads "negative"/"complaint", "positive"/"praise" or "neutral"; null for "any" or blank. */
    public static Polarity parse(String text) {
        if (text == null || text.isBlank() || text.equalsIgnoreCase("any")) {
            return null;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "negative", "complaint", "complaints", "complains" -> COMPLAINT;
            case "positive", "praise", "praises" -> PRAISE;
            case "neutral" -> NEUTRAL;
            default -> throw new IllegalArgumentException(
                    "Unknown polarity '" + text + "': use negative, positive, neutral or any.");
        };
    }
}
