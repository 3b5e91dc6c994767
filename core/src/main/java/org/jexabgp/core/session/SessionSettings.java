package org.jexabgp.core.session;

/**
 * Environment settings a session needs (runtime.md §2.2).
 *
 * @param openWaitSeconds {@code bgp.openwait}: how long to wait for the peer's OPEN
 * @param attempts {@code tcp.attempts}: outgoing connection attempts before the peer stops, 0 = unlimited
 * @param passive {@code bgp.passive}: no neighbour connects out
 * @param version the version string for the software-version capability ({@code exabgp_version})
 * @param firstUpdateDelayNanos how long after ESTABLISHED the first batch of routes waits for the peer's first message,
 *     so that what the peer sends at once (its own first UPDATEs) is read and reported to the programs before ours go
 *     out, as ExaBGP's loop does (it reads before it sends, and takes a while to get there); an empty Adj-RIB-Out
 *     sends its End-of-RIB at once; 0 in tests that drive time by hand
 */
public record SessionSettings(
        int openWaitSeconds, int attempts, boolean passive, String version, long firstUpdateDelayNanos) {
    public static final SessionSettings DEFAULT = new SessionSettings(60, 0, false, "5.0.0", 0);

    /** The daemon's longest pause before the first routes: ample for a peer to send what it sends on OPEN. */
    public static final long FIRST_UPDATE_DELAY_NANOS = 100_000_000L;

    public SessionSettings {
        if (firstUpdateDelayNanos < 0) throw new IllegalArgumentException("negative delay");
    }

    public SessionSettings withFirstUpdateDelay(long nanos) {
        return new SessionSettings(openWaitSeconds, attempts, passive, version, nanos);
    }
}
