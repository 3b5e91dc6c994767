package org.jexabgp.core.rib;

import java.util.List;
import org.jexabgp.core.model.AttributeSet;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.WireWriter;
import org.jexabgp.wire.attribute.Attribute;
import org.jexabgp.wire.attribute.AttributeCode;
import org.jexabgp.wire.attribute.Attributes;
import org.jspecify.annotations.Nullable;

/**
 * The path attributes shared by every message of one UPDATE group (wire.md §9.3 step 4): ascending type codes, with
 * ExaBGP's defaults filled in and the per-session rules applied. MP_REACH/MP_UNREACH are not part of it: the packer
 * appends them after the blob.
 */
final class AttributeBlob {
    private static final int TRANSITIVE = 0x40;
    private static final int OPTIONAL_TRANSITIVE = 0xC0;
    /** RFC 6793 §9: stands in for a 4-byte ASN in 2-byte fields. */
    private static final long AS_TRANS = 23456;

    private static final int AS_SEQUENCE = 2;

    /**
     * Writes the blob for routes sharing {@code attributes} and {@code nextHop}.
     *
     * @param family the family of the group (decides whether an IPv4 next hop becomes a NEXT_HOP attribute)
     */
    void encode(
            AttributeSet attributes, @Nullable IpAddress nextHop, Family family, Negotiated session, WireWriter out) {
        boolean ibgp = session.ibgp();
        List<Attribute> all = attributes.all(); // already in ascending code order
        int i = 0;
        // Defaults and the NEXT_HOP sit at codes 1, 2, 3 and 5: merge them into the sorted list as we pass those codes.
        boolean originDone = false, asPathDone = false, nextHopDone = false, localPrefDone = false;
        while (true) {
            Attribute next = i < all.size() ? all.get(i) : null;
            int code = next == null ? 256 : next.code().value();
            if (!originDone && code >= AttributeCode.ORIGIN.value()) {
                originDone = true;
                if (code != AttributeCode.ORIGIN.value()) defaultOrigin(out);
            }
            if (!asPathDone && code >= AttributeCode.AS_PATH.value()) {
                asPathDone = true;
                if (code != AttributeCode.AS_PATH.value()) defaultAsPath(session, out);
            }
            if (!nextHopDone && code >= AttributeCode.NEXT_HOP.value()) {
                nextHopDone = true;
                // wire.md §9.4: only an IPv4 next hop becomes a NEXT_HOP attribute, also on MP families
                if (nextHop != null && nextHop.isV4() && PackingRules.nextHopAttribute(family)) {
                    out.u8(TRANSITIVE).u8(AttributeCode.NEXT_HOP.value()).u8(4).bytes(nextHop.bytes());
                }
            }
            if (!localPrefDone && code >= AttributeCode.LOCAL_PREF.value()) {
                localPrefDone = true;
                // wire.md §6: LOCAL_PREF 100 by default on iBGP (RFC 4271 §5.1.5: never sent to external peers)
                if (code != AttributeCode.LOCAL_PREF.value() && ibgp) {
                    out.u8(TRANSITIVE).u8(AttributeCode.LOCAL_PREF.value()).u8(4).u32(100);
                }
            }
            if (next == null) return;
            i++;
            if (skipped(next, ibgp, session)) continue;
            // the framework writes the header (extended length as needed) and, without ASN4, AS4_PATH/AS4_AGGREGATOR
            // right after AS_PATH/AGGREGATOR (wire.md §7)
            Attributes.encode(next, out, session);
        }
    }

    private static boolean skipped(Attribute a, boolean ibgp, Negotiated session) {
        AttributeCode c = a.code();
        // The route's next hop is written from the route; MP attributes are built by the packer.
        if (c.equals(AttributeCode.NEXT_HOP)
                || c.equals(AttributeCode.MP_REACH_NLRI)
                || c.equals(AttributeCode.MP_UNREACH_NLRI)) return true;
        // RFC 4271 §5.1.5: LOCAL_PREF is not sent to eBGP peers, even when configured (wire.md §9.3 step 4)
        if (c.equals(AttributeCode.LOCAL_PREF)) return !ibgp;
        // RFC 7311 §3: AIGP crosses AS borders only where it was enabled (capability aigp)
        if (c.equals(AttributeCode.AIGP)) return !ibgp && !session.aigp();
        return false;
    }

    /** ORIGIN IGP (RFC 4271 §5.1.1), ExaBGP's default. */
    private static void defaultOrigin(WireWriter out) {
        out.u8(TRANSITIVE).u8(AttributeCode.ORIGIN.value()).u8(1).u8(0);
    }

    /**
     * wire.md §7: iBGP gets an empty AS_PATH, eBGP one AS_SEQUENCE with the local AS. Without ASN4 a local AS above
     * 65535 becomes AS_TRANS and the real path follows in AS4_PATH (RFC 6793 §4.2.2).
     */
    private static void defaultAsPath(Negotiated session, WireWriter out) {
        if (session.ibgp()) {
            out.u8(TRANSITIVE).u8(AttributeCode.AS_PATH.value()).u8(0);
            return;
        }
        long local = session.localAs();
        if (session.asn4()) {
            out.u8(TRANSITIVE).u8(AttributeCode.AS_PATH.value()).u8(6).u8(AS_SEQUENCE).u8(1).u32(local);
            return;
        }
        boolean wide = local > 0xFFFF;
        out.u8(TRANSITIVE).u8(AttributeCode.AS_PATH.value()).u8(4).u8(AS_SEQUENCE).u8(1);
        out.u16((int) (wide ? AS_TRANS : local));
        if (wide) out.u8(OPTIONAL_TRANSITIVE).u8(AttributeCode.AS4_PATH.value()).u8(6).u8(AS_SEQUENCE).u8(1).u32(local);
    }
}
