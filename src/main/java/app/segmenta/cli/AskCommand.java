package app.segmenta.cli;

import app.segmenta.assistant.Answer;
import app.segmenta.assistant.AssistantService;
import app.segmenta.assistant.ToolCall;
import jakarta.enterprise.context.Dependent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

@Command(name = "ask", mixinStandardHelpOptions = true,
        description = "Ask the assistant one question, e.g. \"who buys baby products and complains about shipping?\". "
                + "With a model server it answers with the model and its tools; otherwise the offline planner answers. "
                + "--session ID continues a conversation (\"split them\", \"only 1-2 stars\").")
@Dependent
public class AskCommand implements Callable<Integer> {

    @Parameters(arity = "1", paramLabel = "QUESTION", description = "The question, in plain English (quote it).")
    String question;

    @Option(names = "--session", paramLabel = "ID", description = "Continue this conversation (letters, digits, - and _); "
            + "without it a new one starts and its id is printed.")
    String session;

    @Option(names = "--offline", description = "Answer with the offline planner even when a model server is up.")
    boolean offline;

    @Option(names = "--json", description = "Print the whole answer as JSON.")
    boolean json;

    private final AssistantService assistant;
    private final DataPresence data;
    private final Output output;

    public AskCommand(AssistantService assistant, DataPresence data, Output output) {
        this.assistant = assistant;
        this.data = data;
        this.output = output;
    }

    @Override
    public Integer call() {
        if (data.missing(output)) {
            return 1;
        }
        Answer a = assistant.ask(new AssistantService.Question(question, session, offline), line -> output.err().println("  " + line));
        if (json) {
            output.json(a);
            return 0;
        }
        output.err().println("session " + a.session() + (session == null ? " (continue with --session " + a.session() + ")" : ""));
        output.out().println("[" + ("llm".equals(a.mode()) ? "model " + a.model() : "offline mode") + "]");
        if (a.notice() != null) {
            output.out().println(a.notice());
        }
        output.out().println(a.answer());
        if (a.segmentation() != null) {
            output.out().println();
            SegmentsCommand.print(a.segmentation(), output.out());
        }
        output.out().println();
        for (ToolCall c : a.toolCalls()) {
            output.out().printf("  %s %s %s → %s (%d ms)%n", c.refused() ? "✗" : "·", c.tool(), c.arguments(), c.result(), c.millis());
        }
        return 0;
    }
}
