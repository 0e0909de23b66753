package app.segmenta.audience.rest;

import app.segmenta.audience.Audience;
import app.segmenta.audience.AudienceQuery;
import app.segmenta.audience.AudienceService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The same audience search as {@code segmenta audience}, with the same JSON. */
@Path("/api/audience")
@Produces(MediaType.APPLICATION_JSON)
public class AudienceResource {

    private final AudienceService audiences;

    public AudienceResource(AudienceService audiences) {
        this.audiences = audiences;
    }

    @GET
    public Audience find(@QueryParam("category") String category, @QueryParam("aspect") String aspect,
                         @QueryParam("polarity") String polarity, @QueryParam("text") String text,
                         @QueryParam("minRating") BigDecimal minRating, @QueryParam("maxRating") BigDecimal maxRating,
                         @QueryParam("from") String from, @QueryParam("to") String to,
                         @QueryParam("attribute") List<String> attributes) {
        return audiences.find(new AudienceQuery(category, aspect, polarity, text, minRating, maxRating, date(from),
                date(to), pairs(attributes)));
    }

    private static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Dates are written YYYY-MM-DD: '" + text + "'.");
        }
    }

    /** {@code attribute=region=CA} → region → CA. */
    private static Map<String, String> pairs(List<String> attributes) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String a : attributes == null ? List.<String>of() : attributes) {
            int eq = a.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("An attribute limit is NAME=VALUE: '" + a + "'.");
            }
            out.put(a.substring(0, eq).strip(), a.substring(eq + 1).strip());
        }
        return out;
    }

    @ServerExceptionMapper
    public Response badQuestion(IllegalArgumentException e) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", e.getMessage())).build();
    }
}
