package app.segmenta.assistant;

import app.segmenta.assistant.llm.Agent;
import app.segmenta.assistant.llm.AssistantModels;
import app.segmenta.assistant.planner.Planner;
import app.segmenta.config.SegmentaConfig;
import app.segmenta.ingest.ImportJobs;
import app.segmenta.ops.Metrics;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * One turn of a conversation: the model with its tools when it answers, bounded by our own timeout; otherwise (no
 * server, model missing, error, timeout) the offline planner through the same tools, with a notice saying why.
 * The reading, counts and quotes in the answer always come from the tools' results.
 */
@ApplicationScoped
public class AssistantService {

    private static final Logger LOG = Logger.getLogger(AssistantService.class);

    /** @param offline force the planner */
    public record Question(String text, String session, boolean offline) {
    }

    private final Agent agent;
    private final AssistantModels models;
    private final Planner planner;
    private final PlanRunner runner;
    private final Turns turns;
    private final ImportJobs imports;
    private final Duration timeout;
    private final Clock clock;
    private final AnswerCheck check;
    private final Metrics metrics;
    private final ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();

    public AssistantService(Agent agent, AssistantModels models, Planner planner, PlanRunner runner, Turns turns,
                            ImportJobs imports, AnswerCheck check, Metrics metrics, SegmentaConfig config) {
        this.check = check;
        this.metrics = metrics;
        this.imports = imports;
        this.agent = agent;
        this.models = models;
        this.planner = planner;
        this.runner = runner;
        this.turns = turns;
        this.timeout = config.assistant().timeout();
        this.clock = Clock.systemDefaultZone();
    }

    public Answer ask(Question q, Consumer<Progress> progress) {
        return ask(q, progress, null);
    }

    /**
     * @param tokens receives the model's words as it writes them (the web chat); null to wait for the whole answer.
     *               The answer's {@code answer} is the checked text, which may differ from what was streamed.
     */
    public Answer ask(Question q, Consumer<Progress> progress, Consumer<String> tokens) {
        if (q.text() == null || q.text().isBlank()) {
            throw new IllegalArgumentException("Ask a question, e.g. \"who buys baby products and complains about shipping?\"");
        }
        String session = q.session() == null || q.session().isBlank() ? Sessions.newId() : Sessions.check(q.session().strip());
        Turn turn = turns.begin(session, q.text().strip(), progress);
        try {
            Conversation before = turns.conversation(session);
            String notice;
            if (q.offline()) {
                notice = null;
            } else {
                AssistantModels.Availability a = models.availability();
                if (a.available()) {
                    turn.modelAnswering = true;
                    try {
                        String today = LocalDate.now(clock).toString();
                        String words = withTimeout(() -> tokens == null ? agent.chat(session, turn.question, today)
                                : streamed(session, turn.question, today, tokens));
                        Reading reading = ReadingFromCalls.of(turn, turns.conversation(session));
                        turns.conversation(session, c -> c.withReading(reading));
                        AnswerCheck.Checked checked = check.check(words, turn.question + " " + today, turn.results());
                        String warnings = checked.warnings().isEmpty() ? null : String.join(" ", checked.warnings());
                        return answer("llm", models.modelName(), loading(warnings), session, checked.words(), reading, turn);
                    } catch (ModelFailure e) {
                        turn.modelAnswering = false;
                        turn.modelFailed = true;
                        notice = e.getMessage();
                        LOG.warn(e.getMessage());
                    }
                } else {
                    notice = "Offline mode: " + a.reason() + ".";
                }
            }
            return planned(session, planner.plan(turn.question, before.reading(), LocalDate.now(clock)), turn, before, notice);
        } finally {
            turns.end(session);
        }
    }

    /** A reading run through the tools without a model: the planner's, or one the marketer edited. */
    private Answer planned(String session, Reading reading, Turn turn, Conversation before, String notice) {
        try {
            runner.run(session, reading, turn.question, before);
        } catch (AssistantTools.ToolException e) {
            // recorded as a refused call; the answer says why
        }
        turns.conversation(session, c -> c.withReading(reading));
        return answer("offline", null, loading(notice), session, AnswerWriter.write(reading, turn), reading, turn);
    }

    private String streamed(String session, String question, String today, Consumer<String> tokens) {
        StringBuilder words = new StringBuilder();
        agent.stream(session, question, today).subscribe().asStream().forEach(t -> {
            words.append(t);
            tokens.accept(t);
        });
        return words.toString();
    }

    /**
     * Runs an interpretation the marketer edited (a chip removed or changed) through the tools, without reading
     * any text: the audience again, and its segmentation when the reading was one.
     */
    public Answer rerun(String session, Reading edited, Consumer<Progress> progress) {
        if (edited == null || (edited.intent() != Intent.AUDIENCE && edited.intent() != Intent.SEGMENT)) {
            throw new IllegalArgumentException("Only an audience or a segmentation can be run again from its interpretation.");
        }
        String id = Sessions.check(session == null ? "" : session.strip());
        Turn turn = turns.begin(id, "(the interpretation, edited)", progress);
        try {
            Reading reading = new Reading(edited.intent(), edited.criteria(), null, edited.k(), edited.algorithm(), null,
                    null, null, true);
            return planned(id, reading, turn, turns.conversation(id), null);
        } finally {
            turns.end(id);
        }
    }

    private static final Set<String> LOADING = Set.of("queued", "running", "embedding", "aspects");

    /** While imports are still running (the demo on a first start), counts are not final: say so. */
    private String loading(String notice) {
        long running = imports.list().stream().filter(j -> LOADING.contains(j.state())).count();
        if (running == 0) {
            return notice;
        }
        String more = running + (running == 1 ? " import is" : " imports are") + " still running (reading, embedding"
                + " or detecting complaints): counts will grow until they finish; progress at GET /api/imports.";
        return notice == null ? more : notice + " " + more;
    }

    private Answer answer(String mode, String model, String notice, String session, String words, Reading reading,
                          Turn t) {
        metrics.turn(mode.equals("offline") && t.modelFailed ? "fallback" : mode, System.nanoTime() - t.started);
        return new Answer(mode, model, notice, session, words, reading, t.audience, t.segmentation, t.comparison,
                t.customer, t.membership, t.export, t.segmentations, t.calls());
    }

    /** A model call that did not produce an answer in time, or at all. */
    static final class ModelFailure extends Exception {
        ModelFailure(String message) {
            super(message);
        }
    }

    private String withTimeout(java.util.concurrent.Callable<String> call) throws ModelFailure {
        Future<String> f = calls.submit(call);
        try {
            return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new ModelFailure("The model " + models.modelName() + " did not answer within " + timeout.toSeconds()
                    + " s; the offline planner answered instead.");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new ModelFailure("The model " + models.modelName() + " failed (" + brief(cause)
                    + "); the offline planner answered instead.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            f.cancel(true);
            throw new ModelFailure("Interrupted while the model was answering.");
        }
    }

    private static String brief(Throwable t) {
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        m = m.replaceAll("\\s+", " ");
        return m.length() > 160 ? m.substring(0, 160) + "…" : m;
    }
}
