package app.segmenta.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Who may call: one shared token (sent as {@code Authorization: Bearer T}, or as the password of HTTP basic auth under
 * any user name, which is what a browser's login prompt sends) and named users with passwords (basic auth).
 * Comparisons take the same time whatever matches, so timing tells an attacker nothing.
 */
public record Credentials(Optional<String> token, Map<String, String> users) {

    public Credentials {
        token = token.filter(t -> !t.isBlank());
        users = Map.copyOf(users);
    }

    public boolean configured() {
        return token.isPresent() || !users.isEmpty();
    }

    /** Whether an Authorization header value names a caller we know. */
    public boolean accepts(String authorization) {
        if (authorization == null) {
            return false;
        }
        int space = authorization.indexOf(' ');
        if (space < 0) {
            return false;
        }
        String scheme = authorization.substring(0, space);
        String value = authorization.substring(space + 1).strip();
        if (scheme.equalsIgnoreCase("Bearer")) {
            return token.map(t -> same(t, value)).orElse(false);
        }
        if (scheme.equalsIgnoreCase("Basic")) {
            return basic(value);
        }
        return false;
    }

    private boolean basic(String encoded) {
        String pair;
        try {
            pair = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        int colon = pair.indexOf(':');
        if (colon < 0) {
            return false;
        }
        String user = pair.substring(0, colon);
        String password = pair.substring(colon + 1);
        boolean byToken = token.map(t -> same(t, password)).orElse(false);
        String known = users.get(user);
        boolean byUser = known != null && same(known, password);
        return byToken | byUser;
    }

    private static boolean same(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
