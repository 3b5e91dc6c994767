package org.jexabgp.reactor;

import java.util.List;
import java.util.Map;
import org.jexabgp.core.session.SessionSettings;

/**
 * The environment settings the reactor acts on (runtime.md §2.2), already typed.
 *
 * @param tcpPort {@code tcp.port}: listening port, and destination port of neighbours without {@code connect}
 * @param bind {@code tcp.bind}: addresses to listen on; empty = do not listen
 * @param session per-session settings (open wait, attempts, passive, version)
 * @param ack {@code api.ack}: answer done/error by default
 * @param respawn {@code api.respawn}
 * @param version the version string shown by the {@code version} command
 * @param processEnvironment extra variables for API programs (they inherit the daemon's environment anyway)
 * @param jsonVersion {@code api.json-version}: 5 for ExaBGP 5.0's JSON events, 4 for 4.x's (json.md §11)
 */
public record ReactorOptions(
        int tcpPort,
        List<Endpoint> bind,
        SessionSettings session,
        boolean ack,
        boolean respawn,
        String version,
        Map<String, String> processEnvironment,
        int jsonVersion) {
    public ReactorOptions {
        bind = List.copyOf(bind);
        processEnvironment = Map.copyOf(processEnvironment);
        if (jsonVersion != 4 && jsonVersion != 5) throw new IllegalArgumentException("json version " + jsonVersion);
    }

    /** With the default JSON dialect (5). */
    public ReactorOptions(int tcpPort, List<Endpoint> bind, SessionSettings session, boolean ack, boolean respawn,
            String version, Map<String, String> processEnvironment) {
        this(tcpPort, bind, session, ack, respawn, version, processEnvironment, 5);
    }
}
