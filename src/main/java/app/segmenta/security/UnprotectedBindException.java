package app.segmenta.security;

/** Start-up refused: the app would listen where other machines reach it, with nothing asking who they are. */
public class UnprotectedBindException extends IllegalStateException {

    public UnprotectedBindException(String host) {
        super("Segmenta would listen on " + host + ", which other machines can reach, without authentication. "
                + "Set a token (segmenta.auth.token, or the environment variable SEGMENTA_AUTH_TOKEN) or users "
                + "(segmenta.auth.users.NAME=PASSWORD), or listen on 127.0.0.1 (the default).");
    }
}
