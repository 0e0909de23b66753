package app.segmenta.assistant.rest;

import app.segmenta.assistant.Answer;
import app.segmenta.assistant.AssistantService;
import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Map;

/** One turn of a conversation over HTTP: the same answer as {@code ask --json}. */
@Path("/api/ask")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AskResource {

    /**
     * @param question the marketer's words; read as JSON, so that a number or an object is refused rather than
     *                 turned into text
     * @param session  continue this conversation; absent = a new one, whose id the answer carries
     */
    public record AskRequest(@Schema(implementation = String.class) JsonNode question, String session, Boolean offline) {
    }

    private static final String SEND = "Send {\"question\": \"...\"}, e.g. who buys baby products and complains about shipping?";

    private final AssistantService assistant;

    public AskResource(AssistantService assistant) {
        this.assistant = assistant;
    }

    @POST
    @Blocking
    public Answer ask(AskRequest request) {
        JsonNode question = request == null ? null : request.question();
        if (question != null && !question.isNull() && !question.isTextual()) {
            throw new IllegalArgumentException("The question must be a string, not " + kind(question) + ". " + SEND);
        }
        if (question == null || question.isNull() || question.asText().isBlank()) {
            throw new IllegalArgumentException(SEND);
        }
        return assistant.ask(new AssistantService.Question(question.asText(), request.session(),
                Boolean.TRUE.equals(request.offline())), line -> { });
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case NUMBER -> "a number";
            case BOOLEAN -> "true or false";
            case ARRAY -> "a list";
            default -> "an object";
        };
    }

    @ServerExceptionMapper
    public Response refused(IllegalArgumentException e) {
        return error(Response.Status.BAD_REQUEST, e.getMessage());
    }

    /** The conversation is still answering its previous question. */
    @ServerExceptionMapper
    public Response busy(IllegalStateException e) {
        return error(Response.Status.CONFLICT, e.getMessage());
    }

    private static Response error(Response.Status status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(Map.of("error", message)).build();
    }
}
