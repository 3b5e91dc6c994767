package org.jexabgp.core.session;

/**
 * Environment settings a session needs (runtime.md §2.2).
 *
 * @param openWaitSeconds {@code bgp.openwait}: how long to wait for the peer's OPEN
 * @param attempts {@code tcp.attempts}: outgoing connection attempts before the peer stops, 0 = unlimited
 * @param passive {@code bgp.passive}: no neighbour connects out
 * @param version the version string for the software-version capability ({@code exabgp_version})
 */
public record SessionSettings(int openWaitSeconds, int attempts, boolean passive, String version) {
    public static final SessionSettings DEFAULT = new SessionSettings(60, 0, false, "5.0.0");
}
