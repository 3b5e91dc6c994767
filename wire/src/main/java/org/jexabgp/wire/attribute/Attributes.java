package org.jexabgp.wire.attribute;

import static org.jexabgp.wire.Verdict.DISCARD_ATTRIBUTE;
import static org.jexabgp.wire.Verdict.RESET_SESSION;
import static org.jexabgp.wire.Verdict.TREAT_AS_WITHDRAW;

import java.util.List;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.WireWriter;

/**
 * The attribute table (ARCHITECTURE §5) and the framing of one attribute: {@code flags type length value}, RFC 4271
 * §4.3. Adding an attribute is one file and one row here.
 */
public final class Attributes {
    private Attributes() {}

    /**
     * Every attribute we decode. The error column follows RFC 7606 §7 (ExaBGP's sets for the first seven, wire.md
     * §12); where ExaBGP resets the session on COMMUNITY, ORIGINATOR_ID, CLUSTER_LIST and EXTENDED_COMMUNITIES errors
     * we use RFC 7606 §7.8, §7.9, §7.10, §7.14 (treat-as-withdraw); AS4_* errors discard (RFC 6793 §6); MP errors
     * cannot locate the NLRI, so they reset (RFC 7606 §5.3, §7.11).
     */
    public static final List<AttributeSpec> ALL = List.of(
            new AttributeSpec(AttributeCode.ORIGIN, "origin", 0x40, TREAT_AS_WITHDRAW, Origin.CODEC),
            new AttributeSpec(AttributeCode.AS_PATH, "as-path", 0x40, TREAT_AS_WITHDRAW, AsPath.CODEC),
            new AttributeSpec(AttributeCode.NEXT_HOP, "next-hop", 0x40, TREAT_AS_WITHDRAW, NextHop.CODEC),
            new AttributeSpec(AttributeCode.MED, "med", 0x80, TREAT_AS_WITHDRAW, Med.CODEC),
            new AttributeSpec(AttributeCode.LOCAL_PREF, "local-preference", 0x40, TREAT_AS_WITHDRAW, LocalPref.CODEC),
            new AttributeSpec(
                    AttributeCode.ATOMIC_AGGREGATE, "atomic-aggregate", 0x40, DISCARD_ATTRIBUTE, AtomicAggregate.CODEC),
            new AttributeSpec(AttributeCode.AGGREGATOR, "aggregator", 0xC0, DISCARD_ATTRIBUTE, Aggregator.CODEC),
            new AttributeSpec(AttributeCode.COMMUNITY, "community", 0xC0, TREAT_AS_WITHDRAW, Communities.CODEC),
            new AttributeSpec(
                    AttributeCode.ORIGINATOR_ID, "originator-id", 0x80, TREAT_AS_WITHDRAW, OriginatorId.CODEC),
            new AttributeSpec(AttributeCode.CLUSTER_LIST, "cluster-list", 0x80, TREAT_AS_WITHDRAW, ClusterList.CODEC),
            new AttributeSpec(AttributeCode.MP_REACH_NLRI, "mp-reach-nlri", 0x80, RESET_SESSION, MpReach.CODEC),
            new AttributeSpec(AttributeCode.MP_UNREACH_NLRI, "mp-unreach-nlri", 0x80, RESET_SESSION, MpUnreach.CODEC),
            new AttributeSpec(
                    AttributeCode.EXTENDED_COMMUNITY,
                    "extended-community",
                    0xC0,
                    TREAT_AS_WITHDRAW,
                    ExtendedCommunities.CODEC),
            new AttributeSpec(AttributeCode.AS4_PATH, "as4-path", 0xC0, DISCARD_ATTRIBUTE, As4Path.CODEC),
            new AttributeSpec(
                    AttributeCode.AS4_AGGREGATOR, "as4-aggregator", 0xC0, DISCARD_ATTRIBUTE, As4Aggregator.CODEC),
            // RFC 7606 §7 does not list PMSI_TUNNEL; RFC 6514 §5 carries no route, so a broken one is discarded
            new AttributeSpec(AttributeCode.PMSI_TUNNEL, "pmsi", 0xC0, DISCARD_ATTRIBUTE, PmsiTunnel.CODEC),
            // RFC 9830 §5: any error in the attribute or its TLVs makes an SR Policy route treat-as-withdraw (stricter
            // than RFC 9012 §13's attribute discard for other families; docs/differences.md)
            new AttributeSpec(
                    AttributeCode.TUNNEL_ENCAP, "tunnel-encap", 0xC0, TREAT_AS_WITHDRAW, TunnelEncap.CODEC),
            // RFC 7311 §3.1: a malformed AIGP attribute is discarded ("attribute discard")
            // RFC 7606 §7.14 applies to IPv6 extended communities as to the 8-byte ones (RFC 5701 §2)
            new AttributeSpec(
                    AttributeCode.IPV6_EXTENDED_COMMUNITY,
                    "attribute-0x19-0xC0",
                    0xC0,
                    TREAT_AS_WITHDRAW,
                    Ipv6ExtendedCommunities.CODEC),
            new AttributeSpec(AttributeCode.AIGP, "aigp", 0x80, DISCARD_ATTRIBUTE, Aigp.CODEC),
            // RFC 9552 §8.2.2: a malformed BGP-LS attribute is discarded (attribute discard)
            new AttributeSpec(AttributeCode.BGP_LS, "bgp-ls", 0x80, DISCARD_ATTRIBUTE, LinkState.CODEC),
            // RFC 8669 §6: a structurally malformed Prefix-SID (TLVs overrunning, wrong TLV lengths) is
            // treat-as-withdraw (ExaBGP resets the session)
            new AttributeSpec(
                    AttributeCode.BGP_PREFIX_SID, "bgp-prefix-sid", 0xC0, TREAT_AS_WITHDRAW, PrefixSid.CODEC),
            new AttributeSpec(
                    AttributeCode.LARGE_COMMUNITY,
                    "large-community",
                    0xC0,
                    TREAT_AS_WITHDRAW,
                    LargeCommunities.CODEC));

    private static final AttributeSpec[] BY_CODE = new AttributeSpec[256];

    static {
        for (AttributeSpec s : ALL) BY_CODE[s.code().value()] = s;
    }

    /** The row for a type code, or null for an attribute we carry raw. */
    public static @org.jspecify.annotations.Nullable AttributeSpec spec(int code) {
        return code >= 0 && code < 256 ? BY_CODE[code] : null;
    }

    /**
     * Writes the whole attribute: header (extended length when the value exceeds 255 bytes, or when a generic
     * attribute's configured flags ask for it) and value. Without ASN4, an AS_PATH or AGGREGATOR whose ASN needs four
     * bytes is followed at once by its AS4_PATH / AS4_AGGREGATOR (RFC 6793 §4.2.2, wire.md §7). An optional attribute
     * with an empty value is not written (wire.md §6).
     */
    public static void encode(Attribute attribute, WireWriter out, Negotiated session) {
        WireWriter value = new WireWriter(64);
        attribute.encodeValue(value, session);
        int flags = attribute.flags();
        if ((flags & 0x80) != 0 && value.length() == 0) return;
        writeHeader(out, flags, attribute.code().value(), value.length());
        out.writer(value);
        if (!session.asn4()) {
            if (attribute instanceof AsPath p && p.needsAs4()) encode(As4Path.of(p), out, session);
            else if (attribute instanceof Aggregator a && a.asn() > 0xFFFF)
                encode(new As4Aggregator(a.asn(), a.address()), out, session);
        }
    }

    /** Writes all attributes in the given order. */
    public static void encodeAll(List<Attribute> attributes, WireWriter out, Negotiated session) {
        for (Attribute a : attributes) encode(a, out, session);
    }

    static void writeHeader(WireWriter out, int flags, int code, int length) {
        if (length > 0xFFFF) throw new IllegalArgumentException("attribute " + code + " is too long: " + length);
        boolean extended = (flags & 0x10) != 0 || length > 0xFF;
        if (extended) out.u8(flags | 0x10).u8(code).u16(length);
        else out.u8(flags).u8(code).u8(length);
    }

    /** ExaBGP's list text: a single item bare (unless always), several in {@code [ ]}. */
    static String listText(List<String> items, boolean always) {
        if (items.size() == 1 && !always) return items.getFirst();
        return "[ " + String.join(" ", items) + (items.isEmpty() ? "]" : " ]");
    }
}
