package app.segmenta.ops;

import app.segmenta.assistant.llm.AssistantModels;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Whether the model server answers, as a detail: the app is ready without it (the offline planner answers), so
 * this check is always up and says which mode questions get, from which model on which server (provider ollama or
 * openai, and its URL).
 */
@Readiness
@ApplicationScoped
public class AssistantHealth implements HealthCheck {

    private final AssistantModels models;

    public AssistantHealth(AssistantModels models) {
        this.models = models;
    }

    @Override
    public HealthCheckResponse call() {
        AssistantModels.Availability a = models.availability();
        var b = HealthCheckResponse.named("assistant").up().withData("mode", a.available() ? "llm" : "offline")
                .withData("model", models.modelName()).withData("provider", models.provider()).withData("server", models.serverUrl());
        return (a.available() ? b : b.withData("reason", a.reason())).build();
    }
}
