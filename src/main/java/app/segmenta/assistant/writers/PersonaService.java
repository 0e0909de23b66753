package app.segmenta.assistant.writers;

import app.segmenta.assistant.llm.AssistantModels;
import app.segmenta.audience.Audience;
import app.segmenta.catalog.CatalogService;
import app.segmenta.catalog.ConceptRef;
import app.segmenta.config.SegmentaConfig;
import app.segmenta.segmentation.Persona;
import app.segmenta.segmentation.Segment;
import app.segmenta.segmentation.Segmentation;
import app.segmenta.segmentation.SegmentationStore;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Puts a segmentation's facts into words with the model: one call names all segments (so labels can differ), one
 * call per segment writes its persona. Drafts pass the grounding check or give way to the template words every
 * segment already has; the result is stored. Without a model, or past the time budget, the template words stay.
 */
@ApplicationScoped
public class PersonaService {

    private static final Logger LOG = Logger.getLogger(PersonaService.class);

    private final AssistantModels models;
    private final CatalogService catalog;
    private final SegmentationStore store;
    private final ObjectMapper facts;
    private final ObjectMapper drafts;
    private final Duration budget;

    public PersonaService(AssistantModels models, CatalogService catalog, SegmentationStore store, ObjectMapper json,
                          SegmentaConfig config) {
        this.models = models;
        this.catalog = catalog;
        this.store = store;
        this.facts = FactSheet.inert(json);
        this.drafts = Drafts.lenient(json);
        this.budget = config.assistant().writerBudget();
    }

    /**
     * @param useModel whether this turn may call the model (not when the marketer asked for the offline planner)
     * @param audience how the audience was read, for the writers' context; may be null
     */
    public Segmentation write(Segmentation s, Audience.Interpretation audience, boolean useModel, Consumer<String> progress) {
        boolean templates = s.segments().stream().allMatch(seg -> seg.persona() != null);
        if (!useModel || s.segments().isEmpty() || !templates || !models.availability().available()) {
            return s;
        }
        long deadline = System.nanoTime() + budget.toNanos();
        ChatModel model = models.writerModel(budget);
        Object context = context(audience);
        Map<Integer, List<String>> corrections = new HashMap<>();
        progress.accept("Writing segment labels with " + models.modelName());
        Map<Integer, String> labels = labels(model, s, context, corrections);
        List<Segment> out = new ArrayList<>();
        for (Segment seg : s.segments()) {
            List<String> notes = corrections.getOrDefault(seg.number(), List.of());
            Persona persona;
            if (System.nanoTime() > deadline) {
                persona = seg.persona().corrected(notes, "persona: the model's time budget (" + budget.toSeconds()
                        + " s) ran out; the template persona is used");
            } else {
                progress.accept("Writing persona " + seg.number() + "/" + s.segments().size());
                persona = persona(model, s, seg, context, notes);
            }
            out.add(seg.withWords(labels.get(seg.number()), seg.description(), persona));
        }
        Segmentation written = s.withSegments(out);
        store.updateWords(written);
        return written;
    }

    /** Whether a segmentation still has only the words its templates wrote (a model never tried: no corrections). */
    public static boolean neverWritten(Segmentation s) {
        return s.segments().stream().map(Segment::persona).allMatch(p -> p != null
                && "template".equals(p.writer()) && p.corrections().isEmpty());
    }

    private Map<Integer, String> labels(ChatModel model, Segmentation s, Object context, Map<Integer, List<String>> corrections) {
        try {
            String reply = chat(model, "segment-labels.md", FactSheet.labels(s, context, facts).data());
            return Grounding.labels(Drafts.read(reply, Drafts.Labels.class, drafts), s.segments(), corrections);
        } catch (RuntimeException e) {
            LOG.warnf("Segment labels stay as templates: %s", reason(e));
            Map<Integer, String> out = new HashMap<>();
            for (Segment seg : s.segments()) {
                out.put(seg.number(), seg.label());
                corrections.computeIfAbsent(seg.number(), n -> new ArrayList<>())
                        .add("label: the model's labels could not be used (" + reason(e) + "); the template label is used");
            }
            return out;
        }
    }

    private Persona persona(ChatModel model, Segmentation s, Segment seg, Object context, List<String> notes) {
        try {
            FactSheet sheet = FactSheet.persona(s, seg, context, facts);
            String reply = chat(model, "persona-writer.md", sheet.data());
            Drafts.Persona draft = Drafts.read(reply, Drafts.Persona.class, drafts);
            Map<String, String> stored = catalog.reviewTexts(sheet.quotes().values().stream().map(Segment.Quote::reviewId).toList());
            Persona p = Grounding.persona(draft, sheet, stored, seg.persona(), "model:" + models.modelName());
            return p.corrected(notes);
        } catch (RuntimeException e) {
            LOG.warnf("The persona of segment %d stays a template: %s", seg.number(), reason(e));
            return seg.persona().corrected(notes, "persona: the model's draft could not be used (" + reason(e)
                    + "); the template persona is used");
        }
    }

    private static String chat(ChatModel model, String prompt, String facts) {
        ChatRequest request = ChatRequest.builder()
                .messages(SystemMessage.from(Prompts.get(prompt)), UserMessage.from(facts)).build();
        return model.chat(request).aiMessage().text();
    }

    private static Object context(Audience.Interpretation a) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (a != null) {
            out.put("categories", a.categories().stream().map(ConceptRef::label).toList());
            out.put("aspects", a.aspects().stream().map(ConceptRef::label).toList());
            if (a.polarity() != null) {
                out.put("polarity", a.polarity());
            }
            out.putAll(a.filters());
        }
        return out;
    }

    private static String reason(RuntimeException e) {
        Throwable t = e;
        while (t.getCause() != null && t.getMessage() == null) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.length() > 160 ? m.substring(0, 157) + "..." : m;
    }
}
