package app.segmenta.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/** Imports over REST as the Data page does: upload a CSV, then follow its job until it ends. */
public final class Uploader {

    private static final String[][] PRODUCTS = {{"Jogging Stroller", "Strollers"}, {"Baby Monitor", "Baby monitors"},
            {"Glass Cleaner", "Glass Cleaners"}, {"Summer Dress", "Dresses"}, {"Dish Soap", "Kitchen Cleaners"}};
    private static final String[] SAYS = {"arrived late and the box was crushed", "works perfectly and was cheap",
            "broke after a week", "is lovely and fits well", "took a month to ship", "is great value for the money"};

    private final HttpClient http;
    private final URI base;
    private final String authorization;
    private final ObjectMapper json;

    Uploader(HttpClient http, URI base, String authorization, ObjectMapper json) {
        this.http = http;
        this.base = base;
        this.authorization = authorization;
        this.json = json;
    }

    /** Reviews by {@code rows / 4} customers of a few categories; {@code tag} keeps ids apart between files. */
    static String reviews(String tag, int rows) {
        return reviews(tag, rows, Math.max(1, rows / 4));
    }

    /** As a store's export: {@code rows} reviews by {@code customers} customers ({@code TAG-cN}), each text different. */
    public static String reviews(String tag, int rows, int customers) {
        StringBuilder out = new StringBuilder("review_id,product_name,category,review_text,rating,customer_id,date\n");
        for (int i = 0; i < rows; i++) {
            String[] p = PRODUCTS[i % PRODUCTS.length];
            out.append(tag).append('-').append(i).append(',').append(p[0]).append(',').append(p[1]).append(",\"The ")
                    .append(p[0].toLowerCase()).append(' ').append(SAYS[(i / 5) % SAYS.length]).append(" (order ")
                    .append(tag).append('-').append(i).append(").\",").append(1 + i % 5).append(',').append(tag)
                    .append("-c").append(i % customers).append(",2025-0").append(1 + i % 9).append("-1")
                    .append(i % 10).append('\n');
        }
        return out.toString();
    }

    /** @return the finished job (state completed or failed) */
    JsonNode importAndWait(String fileName, String csv, Duration max) throws Exception {
        String boundary = UUID.randomUUID().toString();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
        HttpResponse<String> r = http.send(request("/api/imports").header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 202) {
            throw new IllegalStateException("upload answered " + r.statusCode() + ": " + r.body());
        }
        String id = json.readTree(r.body()).path("id").asText();
        long end = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < end) {
            JsonNode job = json.readTree(http.send(request("/api/imports/" + id + "?waitSeconds=30").GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            String state = job.path("state").asText();
            if (state.equals("completed") || state.equals("failed")) {
                return job;
            }
        }
        throw new IllegalStateException("import " + id + " did not finish in " + max);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(90));
        return authorization == null ? b : b.header("Authorization", authorization);
    }
}
