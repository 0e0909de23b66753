package app.segmenta.assistant;

import app.segmenta.segmentation.Segmentation;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.function.Consumer;

/**
 * Puts a segmentation's facts into words. Every segment already carries template words (label, description,
 * persona) from the segmentation pipeline; with a model answering, its drafts replace them once they pass the
 * grounding check.
 */
@ApplicationScoped
public class PersonaService {

    public Segmentation write(Segmentation s, Consumer<String> progress) {
        return s;
    }
}
