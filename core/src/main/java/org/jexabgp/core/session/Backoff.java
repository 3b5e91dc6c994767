package org.jexabgp.core.session;

/**
 * Reconnect delays as ExaBGP: 0, 1, 2, 3, 4, 5, 7, 9, 11, 14 … 60 seconds (runtime.md §8: next = min(int(1 + next ×
 * 1.2), 60)), reset once a session is established.
 */
final class Backoff {
    private int nextSeconds;

    int nextSeconds() {
        int now = nextSeconds;
        nextSeconds = Math.min((int) (1 + nextSeconds * 1.2), 60);
        return now;
    }

    void reset() {
        nextSeconds = 0;
    }
}
