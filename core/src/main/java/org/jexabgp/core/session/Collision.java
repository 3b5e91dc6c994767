package org.jexabgp.core.session;

import org.jexabgp.wire.IpAddress;

/**
 * Connection collision resolution (RFC 4271 §6.8) with ExaBGP's choices (runtime.md §8): when the peer opens a second
 * connection while ours is in OPENSENT or OPENCONFIRM, the connection opened by the speaker with the higher BGP
 * identifier survives and the other is closed with Cease / Connection Collision Resolution (6/7). Pure functions: the
 * reactor holds the second connection and asks here.
 */
public final class Collision {
    /** NOTIFICATION Cease / Connection Collision Resolution (RFC 4486 §3). */
    public static final int CEASE = 6;

    public static final int COLLISION_RESOLUTION = 7;

    private static final int HEADER = 19;
    /** Header, version (1), my AS (2), hold time (2), then the 4-byte BGP identifier (RFC 4271 §4.2). */
    private static final int IDENTIFIER_OFFSET = HEADER + 5;

    private Collision() {}

    /**
     * The BGP identifier of the OPEN at the start of {@code buf}, as an unsigned 32-bit value; -1 while fewer bytes
     * than the identifier's end arrived, or when the first message is not an OPEN (then the connection is left to the
     * session, which answers it as the FSM says).
     */
    public static long openIdentifier(byte[] buf, int length) {
        if (length < IDENTIFIER_OFFSET + 4) return -1;
        if (buf[18] != 1) return -1;
        long v = 0;
        for (int i = IDENTIFIER_OFFSET; i < IDENTIFIER_OFFSET + 4; i++) v = v << 8 | (buf[i] & 0xFF);
        return v;
    }

    /** True when the first message buffered is something other than an OPEN (the session will refuse it). */
    public static boolean notAnOpen(byte[] buf, int length) {
        return length >= HEADER && buf[18] != 1;
    }

    /**
     * RFC 4271 §6.8 step 3: the connection opened by the peer survives when the peer's identifier is the higher one
     * (compared as unsigned 32-bit integers); otherwise ours does. Equal identifiers (only possible in eBGP) are broken
     * by the AS numbers as RFC 6286 §2.3 says, the larger AS's connection surviving, so both sides agree on one.
     */
    public static boolean peerConnectionWins(
            long peerIdentifier, long peerAs, IpAddress localIdentifier, long localAs) {
        long local = unsigned(localIdentifier);
        if (peerIdentifier != local) return peerIdentifier > local;
        return peerAs > localAs;
    }

    /** A BGP identifier as the unsigned 32-bit number RFC 4271 §6.8 compares (the last four bytes). */
    public static long unsigned(IpAddress id) {
        byte[] b = id.bytes().toArray();
        long v = 0;
        for (int i = b.length - 4; i < b.length; i++) v = v << 8 | (b[i] & 0xFF);
        return v;
    }
}
