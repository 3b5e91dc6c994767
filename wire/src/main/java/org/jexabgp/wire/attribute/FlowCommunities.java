package org.jexabgp.wire.attribute;

import org.jexabgp.wire.IpAddress;

/**
 * The extended communities of FlowSpec actions (RFC 8955 §7, wire.md §8, config.md §13.3) and of the redirect and
 * interface-set drafts. Each returns one 8-byte {@link ExtendedCommunity}.
 */
public final class FlowCommunities {
    private FlowCommunities() {}

    /** RFC 8955 §7.3: traffic-rate-bytes, ASN 0 and an IEEE-754 float32 rate; 0 means discard. */
    public static ExtendedCommunity trafficRate(int asn, float bytesPerSecond) {
        long bits = Float.floatToIntBits(bytesPerSecond) & 0xFFFF_FFFFL;
        return ExtendedCommunity.of(0x8006L << 48 | (long) asn << 32 | bits);
    }

    /** RFC 8955 §7.6: traffic-action, sample 0x02 and terminal 0x01 in the last byte. */
    public static ExtendedCommunity trafficAction(boolean sample, boolean terminal) {
        return ExtendedCommunity.of(0x8007L << 48 | (sample ? 2 : 0) | (terminal ? 1 : 0));
    }

    /**
     * RFC 8955 §7.4: redirect to the VRF of a route target; 2-byte AS {@code 80 08 asn16 value32}, or, for an AS past
     * 65535, the 4-byte-AS form {@code 82 08 asn32 value16} (RFC 7674).
     */
    public static ExtendedCommunity redirect(long asn, long value) {
        if (asn <= 0xFFFF) {
            if (value > 0xFFFF_FFFFL) throw new IllegalArgumentException("redirect value " + value);
            return ExtendedCommunity.of(0x8008L << 48 | asn << 32 | value);
        }
        if (asn > 0xFFFF_FFFFL || value > 0xFFFF)
            throw new IllegalArgumentException("redirect " + asn + ":" + value + " out of range");
        return ExtendedCommunity.of(0x8208L << 48 | asn << 16 | value);
    }

    /** RFC 8955 §7.5: traffic-marking, the DSCP in the last 6 bits. */
    public static ExtendedCommunity trafficMarking(int dscp) {
        if (dscp < 0 || dscp > 63) throw new IllegalArgumentException("dscp " + dscp);
        return ExtendedCommunity.of(0x8009L << 48 | dscp);
    }

    /** draft-simpson-idr-flowspec-redirect: {@code 08 00}, copy bit in the last byte; the address is the next hop. */
    public static ExtendedCommunity redirectToNextHop(boolean copy) {
        return ExtendedCommunity.of(0x0800L << 48 | (copy ? 1 : 0));
    }

    /** draft-ietf-idr-flowspec-redirect-ip: IPv4-address-specific {@code 01 0C ip4 000c}. */
    public static ExtendedCommunity redirectToIpv4NextHop(IpAddress ipv4, boolean copy) {
        if (!ipv4.isV4()) throw new IllegalArgumentException("an IPv4 address is needed");
        return ExtendedCommunity.of(0x010CL << 48 | ipv4.v4Value() << 16 | (copy ? 1 : 0));
    }

    /**
     * draft-ietf-idr-flowspec-interfaceset §3: type 0x07 (transitive) or 0x47 (non-transitive), subtype 0x02, AS(4),
     * direction (2 bits: input 1, output 2, both 3) and a 14-bit group id.
     */
    public static ExtendedCommunity interfaceSet(boolean transitive, int direction, long asn, int group) {
        if (direction < 1 || direction > 3) throw new IllegalArgumentException("interface-set direction " + direction);
        if (asn < 0 || asn > 0xFFFF_FFFFL) throw new IllegalArgumentException("interface-set asn " + asn);
        if (group < 0 || group > 0x3FFF) throw new IllegalArgumentException("interface-set group " + group);
        long type = transitive ? 0x07 : 0x47;
        return ExtendedCommunity.of(type << 56 | 0x02L << 48 | asn << 16 | (long) direction << 14 | group);
    }
}
