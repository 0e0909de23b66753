package app.segmenta.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml cannot run here (no Docker engine), so it is held to the Compose Specification's own JSON schema
 * (compose-spec/compose-spec, schema/compose-spec.json at 170098ba, vendored in src/test/resources/compose), to what
 * the Ollama and Docker GPU docs ask for, and to the image it builds; Debian's docker-compose checks it too where
 * installed (.ci/run installs it).
 */
class ComposeFileTest {

    private static final Path COMPOSE = Path.of("docker-compose.yml");
    private static final Path DOCKERFILE = Path.of("src/main/docker/Dockerfile.jvm");
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

    private static JsonSchema schema() {
        // loaded by location: the schema's relative $id needs a base to resolve against
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                .getSchema(SchemaLocation.of("classpath:compose/compose-spec.json"));
    }

    private JsonNode compose() throws IOException {
        return yaml.readTree(COMPOSE.toFile());
    }

    @Test
    void theComposeFileFollowsTheComposeSpecification() throws IOException {
        Set<ValidationMessage> errors = schema().validate(compose());
        assertThat(errors).isEmpty();
    }

    @Test
    void theSchemaCatchesWhatAComposeEngineWouldRefuse() throws IOException {
        ObjectNode misspelt = (ObjectNode) compose();
        ((ObjectNode) misspelt.at("/services/ollama")).set("helthcheck", misspelt.at("/services/ollama/healthcheck"));
        assertThat(schema().validate(misspelt)).isNotEmpty();
        ObjectNode badGpu = (ObjectNode) compose();
        ((ObjectNode) badGpu.at("/services/ollama/deploy/resources/reservations/devices/0")).put("capabilities", "gpu");
        assertThat(schema().validate(badGpu)).isNotEmpty();
    }

    @Test
    void ollamaGetsTheGpuKeepsItsModelsAndReportsItsHealth() throws IOException {
        JsonNode ollama = compose().at("/services/ollama");
        JsonNode gpu = ollama.at("/deploy/resources/reservations/devices/0");
        // Docker's GPU support: driver nvidia, a count or device ids, and the gpu capability
        assertThat(gpu.path("driver").asText()).isEqualTo("nvidia");
        assertThat(gpu.path("capabilities").toString()).contains("\"gpu\"");
        assertThat(gpu.path("count").asText()).isEqualTo("all");
        // Ollama's image keeps pulled models under /root/.ollama
        assertThat(ollama.path("volumes").toString()).contains("ollama-models:/root/.ollama");
        assertThat(ollama.at("/healthcheck/test").toString()).contains("ollama").contains("list");
    }

    @Test
    void vllmIsAnOptInProfileTheAppCanPointAt() throws IOException {
        JsonNode compose = compose();
        JsonNode vllm = compose.at("/services/vllm");
        assertThat(vllm.path("profiles").toString()).isEqualTo("[\"vllm\"]");
        // vLLM calls tools only with auto tool choice and a parser for the model's format (hermes for Qwen2.5)
        assertThat(vllm.path("command").toString()).contains("--enable-auto-tool-choice", "--tool-call-parser", "hermes");
        assertThat(vllm.path("ipc").asText()).isEqualTo("host");
        assertThat(vllm.at("/deploy/resources/reservations/devices/0/capabilities").toString()).contains("gpu");
        assertThat(vllm.at("/healthcheck/test").toString()).contains(":8000/health");
        assertThat(compose.at("/services/segmenta/environment/SEGMENTA_ASSISTANT_OPENAI_URL").asText())
                .isEqualTo("http://vllm:8000/v1");
    }

    @Test
    void theModelIsPulledOnceAfterOllamaIsHealthy() throws IOException {
        JsonNode pull = compose().at("/services/ollama-pull");
        assertThat(pull.at("/depends_on/ollama/condition").asText()).isEqualTo("service_healthy");
        assertThat(pull.at("/environment/OLLAMA_HOST").asText()).isEqualTo("http://ollama:11434");
        assertThat(pull.path("entrypoint").toString()).contains("\"ollama\"", "\"pull\"", "SEGMENTA_ASSISTANT_MODEL");
        assertThat(pull.path("restart").asText()).isEqualTo("no");
    }

    @Test
    void theAppWaitsForOllamaKeepsItsDataAndAsksForCredentials() throws IOException {
        JsonNode compose = compose();
        JsonNode app = compose.at("/services/segmenta");
        assertThat(app.at("/depends_on/ollama/condition").asText()).isEqualTo("service_healthy");
        assertThat(app.at("/environment/SEGMENTA_ASSISTANT_OLLAMA_URL").asText()).isEqualTo("http://ollama:11434");
        // inside the container the app listens on all interfaces, so compose must demand a token
        assertThat(app.at("/environment/SEGMENTA_AUTH_TOKEN").asText()).startsWith("${SEGMENTA_AUTH_TOKEN:?");
        assertThat(app.at("/healthcheck/test").toString()).contains("/q/health/ready");
        String dataMount = app.path("volumes").get(0).asText();
        assertThat(dataMount).isEqualTo("segmenta-data:" + dockerfileEnv("SEGMENTA_DATA_DIR"));
        for (String volume : new String[]{"segmenta-data", "ollama-models", "huggingface-cache"}) {
            assertThat(compose.path("volumes").has(volume)).as(volume).isTrue();
        }
        assertThat(app.path("ports").get(0).asText()).startsWith("127.0.0.1:").endsWith(":" + dockerfileExposed());
        assertThat(app.at("/build/dockerfile").asText()).isEqualTo(DOCKERFILE.toString());
    }

    @Test
    void theImageRunsJava25WithSmilesNativeLibrariesOnTheQuarkusLayout() throws IOException {
        String dockerfile = Files.readString(DOCKERFILE);
        assertThat(dockerfile).containsPattern("(?m)^FROM \\S+:25[-\\w.]*$");
        // OpenBLAS and ARPACK come from the build's target/natives, on the loader's path; no Debian packages for them
        assertThat(dockerfile).contains("COPY --chown=185 target/natives/ /deployments/natives/")
                .contains("LD_LIBRARY_PATH=/deployments/natives/linux-x86_64:/deployments/natives/linux-arm64")
                .doesNotContain("libopenblas-dev", "libarpack2-dev");
        for (String layout : new String[]{"target/quarkus-app/lib/", "target/quarkus-app/app/", "target/quarkus-app/quarkus/"}) {
            assertThat(dockerfile).contains("COPY --chown=185 " + layout);
        }
        assertThat(dockerfile).contains("quarkus-run.jar").contains("USER 185").contains("QUARKUS_HTTP_HOST=0.0.0.0");
        assertThat(dockerfileExposed()).isEqualTo("8080");
    }

    @Test
    void debiansDockerComposeAcceptsIt() throws Exception {
        Path binary = Path.of("/usr/bin/docker-compose");
        Assumptions.assumeTrue(Files.isExecutable(binary), "docker-compose is not installed (.ci/run installs it)");
        ProcessBuilder pb = new ProcessBuilder(binary.toString(), "-f", COMPOSE.toString(), "config", "-q").redirectErrorStream(true);
        pb.environment().put("SEGMENTA_AUTH_TOKEN", "a-token");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }

    private static String dockerfileEnv(String name) throws IOException {
        Matcher m = Pattern.compile(name + "=(\\S+)").matcher(Files.readString(DOCKERFILE));
        assertThat(m.find()).as(name).isTrue();
        return m.group(1);
    }

    private static String dockerfileExposed() throws IOException {
        List<String> ports = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^EXPOSE (\\d+)").matcher(Files.readString(DOCKERFILE));
        while (m.find()) {
            ports.add(m.group(1));
        }
        assertThat(ports).hasSize(1);
        return ports.getFirst();
    }
}
