package org.jexabgp.wire;

import java.util.List;
import java.util.Set;

/**
 * What both OPENs agreed on: every codec receives one, so no encoder can forget ASN4, add-path or the message size.
 * Built by the session after the OPEN exchange (core's negotiation), or by tools such as {@code decode}.
 *
 * @param localAs our ASN (as configured, or copied from the peer with {@code local-as auto})
 * @param peerAs the peer's ASN (the 4-byte one when ASN4 was negotiated)
 * @param asn4 both sides sent the 4-octet ASN capability
 * @param messageSize 4096, or 65535 when both sides sent extended-message
 * @param holdTimeSeconds min of both OPEN hold times
 * @param families the common families, in the peer's MP capability order
 * @param addPathSend families where we prefix NLRIs we send with a path identifier
 * @param addPathReceive families where NLRIs we receive carry a path identifier
 * @param extendedNextHop (family, next-hop AFI) pairs both sides accept
 * @param refresh route refresh variant both support
 */
public record Negotiated(
        long localAs,
        long peerAs,
        boolean asn4,
        int messageSize,
        int holdTimeSeconds,
        List<Family> families,
        Set<Family> addPathSend,
        Set<Family> addPathReceive,
        Set<NextHopFamily> extendedNextHop,
        Refresh refresh,
        boolean multisession,
        boolean operational,
        boolean aigp) {

    public static final int STANDARD_SIZE = 4096;
    public static final int EXTENDED_SIZE = 65535;

    public enum Refresh {
        ABSENT,
        NORMAL,
        ENHANCED;

        public String jsonName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** An extended next-hop pair (RFC 8950): routes of family may carry a next hop of nextHopAfi. */
    public record NextHopFamily(Family family, Afi nextHopAfi) {}

    public Negotiated {
        families = List.copyOf(families);
        addPathSend = Set.copyOf(addPathSend);
        addPathReceive = Set.copyOf(addPathReceive);
        extendedNextHop = Set.copyOf(extendedNextHop);
    }

    /**
     * A permissive context for reading messages outside a session (the decode command, tests): ASN4, extended message,
     * no add-path.
     */
    public static Negotiated standalone(long localAs, long peerAs, List<Family> families) {
        return new Negotiated(
                localAs, peerAs, true, EXTENDED_SIZE, 180, families, Set.of(), Set.of(), Set.of(), Refresh.ABSENT,
                false, false, false);
    }

    public boolean ibgp() {
        return localAs == peerAs;
    }

    public boolean sendsPathId(Family f) {
        return addPathSend.contains(f);
    }

    public boolean receivesPathId(Family f) {
        return addPathReceive.contains(f);
    }

    public Negotiated withAddPath(Set<Family> send, Set<Family> receive) {
        return new Negotiated(
                localAs, peerAs, asn4, messageSize, holdTimeSeconds, families, send, receive, extendedNextHop, refresh,
                multisession, operational, aigp);
    }

    public Negotiated withAsn4(boolean value) {
        return new Negotiated(
                localAs, peerAs, value, messageSize, holdTimeSeconds, families, addPathSend, addPathReceive,
                extendedNextHop, refresh, multisession, operational, aigp);
    }
}
