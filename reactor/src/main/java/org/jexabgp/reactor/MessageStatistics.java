package org.jexabgp.reactor;

/**
 * Per-peer counts of the messages sent and received on the current session, by type (runtime.md §9 "Statistics"),
 * shown by {@code show neighbor}. Reset when a new TCP session starts, as ExaBGP resets them with the protocol.
 */
final class MessageStatistics {
    /** The kinds ExaBGP lists, in its order; index = BGP message type - 1 (RFC 4271 §4.1, type 6 is OPERATIONAL). */
    static final String[] NAMES = {"open", "update", "notification", "keepalive", "refresh", "operational"};

    private final long[] sent = new long[NAMES.length];
    private final long[] received = new long[NAMES.length];
    private long otherSent;
    private long otherReceived;

    void count(int type, boolean wasReceived) {
        if (type >= 1 && type <= NAMES.length) {
            (wasReceived ? received : sent)[type - 1]++;
        } else if (wasReceived) {
            otherReceived++;
        } else {
            otherSent++;
        }
    }

    void reset() {
        java.util.Arrays.fill(sent, 0);
        java.util.Arrays.fill(received, 0);
        otherSent = 0;
        otherReceived = 0;
    }

    long sent(String name) {
        return sent[index(name)];
    }

    long received(String name) {
        return received[index(name)];
    }

    long total(boolean wasReceived) {
        long t = wasReceived ? otherReceived : otherSent;
        for (long v : wasReceived ? received : sent) t += v;
        return t;
    }

    private static int index(String name) {
        for (int i = 0; i < NAMES.length; i++) if (NAMES[i].equals(name)) return i;
        throw new IllegalArgumentException(name);
    }
}
