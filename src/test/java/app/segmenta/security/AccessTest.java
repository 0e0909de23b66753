package app.segmenta.security;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;

/** With credentials configured, nothing but health answers a caller who does not present them. */
@QuarkusTest
@TestProfile(Guarded.class)
class AccessTest {

    @TestHTTPResource("/")
    URI base;

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void everyRouteAsksStrangersToSignIn() {
        for (String path : new String[]{"/", "/api/imports", "/api/categories", "/api/assistant/status", "/q/metrics",
                "/q/openapi", "/_static/js/app.js"}) {
            given().get(path).then().statusCode(401)
                    .header("WWW-Authenticate", containsString("Basic realm=\"Segmenta\""))
                    .body(containsString("Sign in"));
        }
        given().contentType("application/json").body("{\"question\":\"who buys baby products?\"}")
                .post("/api/ask").then().statusCode(401);
    }

    @Test
    void theTokenOrAConfiguredUserLetsACallerIn() {
        given().header("Authorization", "Bearer " + Guarded.TOKEN).get("/api/categories").then().statusCode(200);
        // a browser's login prompt: any user name, the token as password
        given().header("Authorization", basic("marketing", Guarded.TOKEN)).get("/").then().statusCode(200);
        given().header("Authorization", basic(Guarded.USER, Guarded.PASSWORD)).get("/api/categories").then().statusCode(200);
    }

    @Test
    void wrongOrMalformedCredentialsAreRefused() {
        for (String header : new String[]{"Bearer wrong", "Bearer " + Guarded.TOKEN + "x", basic(Guarded.USER, "nope"),
                basic("bob", Guarded.PASSWORD), "Basic !!!not-base64", "Basic " + Base64.getEncoder().encodeToString(
                "no-colon".getBytes(StandardCharsets.UTF_8)), "Token " + Guarded.TOKEN, Guarded.TOKEN}) {
            given().header("Authorization", header).get("/api/categories").then().statusCode(401);
        }
    }

    @Test
    void healthStaysOpenForOrchestrators() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void theChatSocketNeedsCredentialsToo() throws Exception {
        URI ws = URI.create(base.toString().replaceFirst("^http", "ws") + "ws/chat/access-test");
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        CompletableFuture<WebSocket> refused = client.newWebSocketBuilder().buildAsync(ws, new WebSocket.Listener() { });
        assertThatThrownBy(() -> refused.join()).isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(WebSocketHandshakeException.class)
                .satisfies(e -> assertThat(((WebSocketHandshakeException) e).getResponse().statusCode()).isEqualTo(401));

        CompletableFuture<CharSequence> first = new CompletableFuture<>();
        WebSocket open = client.newWebSocketBuilder().header("Authorization", "Bearer " + Guarded.TOKEN)
                .buildAsync(ws, new WebSocket.Listener() {
                    @Override
                    public CompletableFuture<?> onText(WebSocket socket, CharSequence data, boolean last) {
                        first.complete(data);
                        return null;
                    }
                }).get(20, TimeUnit.SECONDS);
        assertThat(first.get(20, TimeUnit.SECONDS).toString()).contains("\"ready\"");
        open.abort();
    }

    @Test
    void listeningBeyondLoopbackWithoutCredentialsIsRefused() {
        Credentials none = new Credentials(java.util.Optional.empty(), java.util.Map.of());
        assertThat(Exposure.beyondLoopback("127.0.0.1")).isFalse();
        assertThat(Exposure.beyondLoopback("::1")).isFalse();
        assertThat(Exposure.beyondLoopback("localhost")).isFalse();
        assertThat(Exposure.beyondLoopback("0.0.0.0")).isTrue();
        assertThat(Exposure.beyondLoopback("::")).isTrue();
        assertThat(Exposure.beyondLoopback("192.168.1.20")).isTrue();
        assertThat(none.configured()).isFalse();
        assertThat(new Credentials(java.util.Optional.of("  "), java.util.Map.of()).configured()).isFalse();
        assertThat(new UnprotectedBindException("0.0.0.0").getMessage()).contains("SEGMENTA_AUTH_TOKEN");
    }
}
