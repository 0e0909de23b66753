package app.segmenta.catalog;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.ErrorHandlerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The shipped product ontology, read from the classpath (the build copies {@code ontology/*.ttl} there).
 * Parse errors and warnings are failures: a broken ontology must stop the build, not the first query.
 */
public final class Ontology {

    /** Every file in {@code ontology/}; a test checks that none is missing from this list. */
    public static final List<String> FILES = List.of("segmenta.ttl", "categories.ttl", "aspects.ttl");

    private static volatile Ontology shipped;

    private final Model model;
    private final String hash;

    private Ontology(Model model, String hash) {
        this.model = model;
        this.hash = hash;
    }

    /** The ontology shipped with this build, parsed once. */
    public static Ontology shipped() {
        Ontology o = shipped;
        if (o == null) {
            synchronized (Ontology.class) {
                if (shipped == null) {
                    shipped = load();
                }
                o = shipped;
            }
        }
        return o;
    }

    private static Ontology load() {
        Model model = ModelFactory.createDefaultModel();
        MessageDigest digest = sha256();
        for (String file : FILES) {
            byte[] bytes = read("ontology/" + file);
            digest.update(bytes);
            parseStrict(model, new String(bytes, StandardCharsets.UTF_8), file);
        }
        return new Ontology(model, HexFormat.of().formatHex(digest.digest()));
    }

    /** Parses Turtle into the model, turning every parser warning into an exception. */
    public static void parseStrict(Model into, String turtle, String name) {
        RDFParser.create()
                .fromString(turtle)
                .lang(Lang.TURTLE)
                .base("https://segmenta.app/ns/")
                .errorHandler(ErrorHandlerFactory.errorHandlerStrictNoLogging)
                .parse(into);
    }

    public Model model() {
        return model;
    }

    /** Hash of the ontology files, stored with the graph so an upgrade replaces the old ontology. */
    public String hash() {
        return hash;
    }

    private static byte[] read(String resource) {
        try (InputStream in = Ontology.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Ontology file missing from the build: " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
