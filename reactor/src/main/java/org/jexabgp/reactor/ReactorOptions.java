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
 */
public record ReactorOptions(
        int tcpPort,
        List<Endpoint> bind,
        SessionSettings session,
        boolean ack,
        boolean respawn,
        String version,
        Map<String, String> processEnvironment) {
    public ReactorOptions {
        bind = List.copyOf(bind);
        processEnvironment = Map.copyOf(processEnvironment);
    }
}
