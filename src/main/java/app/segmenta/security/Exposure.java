package app.segmenta.security;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Whether an HTTP bind address lets other machines in: anything but loopback does. */
public final class Exposure {

    private Exposure() {
    }

    public static boolean beyondLoopback(String host) {
        if (host == null || host.isBlank()) {
            return true;
        }
        if (host.strip().equalsIgnoreCase("localhost")) {
            return false;
        }
        try {
            return !InetAddress.getByName(host.strip()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            // A name that does not resolve here may still resolve for the server socket: treat it as exposed.
            return true;
        }
    }
}
