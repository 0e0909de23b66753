package app.segmenta.assistant.writers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The writers' prompts, read from the class path ({@code prompts/} in the repository, packaged by the build). */
final class Prompts {

    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private Prompts() {
    }

    static String get(String name) {
        return CACHE.computeIfAbsent(name, Prompts::read);
    }

    private static String read(String name) {
        try (InputStream in = Prompts.class.getClassLoader().getResourceAsStream("prompts/" + name)) {
            if (in == null) {
                throw new IllegalStateException("The prompt prompts/" + name + " is missing from the build.");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
