package app.segmenta.assistant.rest;

import app.segmenta.assistant.Answer;
import app.segmenta.assistant.AssistantService;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Map;

/** One turn of a conversation over HTTP: the same answer as {@code ask --json}. */
@Path("/api/ask")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AskResource {

    /** @param session continue this conversation; absent = a new one, whose id the answer carries */
    public record AskRequest(String question, String session, Boolean offline) {
    }

    private final AssistantService assistant;

    public AskResource(AssistantService assistant) {
        this.assistant = assistant;
    }

    @POST
    @Blocking
    public Answer ask(AskRequest request) {
        if (request == null || request.question() == null || request.question().isBlank()) {
            throw new IllegalArgumentException("Send {\"question\": \"...\"}, e.g. who buys baby products and complains about shipping?");
        }
        return assistant.ask(new AssistantService.Question(request.question(), request.session(),
                Boolean.TRUE.equals(request.offline())), line -> { });
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
