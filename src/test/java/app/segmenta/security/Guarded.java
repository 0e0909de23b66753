package app.segmenta.security;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** The app as an operator would expose it: a token, a named user, and small upload limits to reach. */
public class Guarded implements QuarkusTestProfile {

    public static final String TOKEN = "s3cret-token-for-tests";
    public static final String USER = "alice";
    public static final String PASSWORD = "wonderland";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("segmenta.auth.token", TOKEN, "segmenta.auth.users." + USER, PASSWORD,
                "segmenta.ingest.max-upload-mb", "1", "segmenta.ingest.max-upload-rows", "50");
    }
}
