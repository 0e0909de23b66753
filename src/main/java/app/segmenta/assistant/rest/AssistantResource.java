package app.segmenta.assistant.rest;

import app.segmenta.assistant.Examples;
import app.segmenta.assistant.llm.AssistantModels;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** What the web app shows around the chat: which mode would answer now, and questions to start from. */
@Path("/api/assistant")
@Produces(MediaType.APPLICATION_JSON)
public class AssistantResource {

    /** @param reason why offline, in words a marketer can act on; absent when the model answers */
    public record Status(String mode, String model, String server, String reason) {
    }

    private final AssistantModels models;
    private final Examples examples;

    public AssistantResource(AssistantModels models, Examples examples) {
        this.models = models;
        this.examples = examples;
    }

    /** Probes the model server (cached for a few seconds), so the page can switch mode without a reload. */
    @GET
    @Path("status")
    public Status status() {
        AssistantModels.Availability a = models.availability();
        return new Status(a.available() ? "llm" : "offline", models.modelName(), models.serverUrl(), a.reason());
    }

    @GET
    @Path("examples")
    public List<String> examples() {
        return examples.questions();
    }
}
