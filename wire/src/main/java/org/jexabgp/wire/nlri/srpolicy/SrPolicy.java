package org.jexabgp.wire.nlri.srpolicy;

import org.jexabgp.wire.Afi;
import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.JsonSink;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.WireReader;
import org.jexabgp.wire.WireWriter;
import org.jexabgp.wire.nlri.Nlri;
import org.jexabgp.wire.nlri.NlriCodec;

/**
 * An SR Policy NLRI, RFC 9830 §2.1: {@code length-in-bits(1)} (96 for an IPv4 endpoint, 192 for IPv6), distinguisher
 * (4), policy color (4), endpoint (4 or 16, of the family's AFI). The candidate path itself travels in the Tunnel
 * Encapsulation attribute ({@link org.jexabgp.wire.attribute.TunnelEncap}).
 */
public record SrPolicy(Family family, long distinguisher, long color, IpAddress endpoint) implements Nlri {
    public static final NlriCodec CODEC = new NlriCodec() {
        @Override
        public Nlri decode(WireReader in, Family family, long pathId, Negotiated session) throws Malformed {
            return SrPolicy.decode(in, family);
        }

        /** ExaBGP sends path identifiers only for INET, labeled and VPN types (wire.md §5). */
        @Override
        public boolean carriesPathId() {
            return false;
        }
    };

    public SrPolicy {
        if (!family.safi().equals(org.jexabgp.wire.Safi.SR_POLICY)) throw new IllegalArgumentException("not sr-policy");
        if (distinguisher < 0 || distinguisher > 0xFFFF_FFFFL)
            throw new IllegalArgumentException("distinguisher " + distinguisher);
        if (color < 0 || color > 0xFFFF_FFFFL) throw new IllegalArgumentException("color " + color);
        if (!endpoint.afi().equals(family.afi()))
            throw new IllegalArgumentException("an " + family.afi().name() + " endpoint is needed");
    }

    /**
     * RFC 9830 §2.1: the length must be the one of the family's endpoint. A wrong one cannot be skipped reliably, so it
     * is an NLRI encoding error (RFC 7606 §5.3, 3/10), which MP_REACH turns into a session reset (RFC 9830 §5).
     */
    public static SrPolicy decode(WireReader in, Family family) throws Malformed {
        int bits = in.u8();
        int want = family.afi().equals(Afi.IPV6) ? 192 : 96;
        if (bits != want) throw Malformed.update(10, family.name() + " NLRI length " + bits + ", not " + want);
        if (in.remaining() < want / 8)
            throw Malformed.update(10, family.name() + " NLRI of " + want + " bits overruns the attribute");
        long distinguisher = in.u32();
        long color = in.u32();
        IpAddress endpoint = new IpAddress(in.bytes(want / 8 - 8));
        return new SrPolicy(family, distinguisher, color, endpoint);
    }

    @Override
    public long pathId() {
        return 0;
    }

    @Override
    public void encode(WireWriter out, boolean withPathId) {
        out.u8(endpoint.isV4() ? 96 : 192).u32(distinguisher).u32(color).bytes(endpoint.bytes());
    }

    /** Every field is identity (RFC 9830 §2.1: distinguisher, color and endpoint name one candidate path). */
    @Override
    public Bytes key() {
        WireWriter w = new WireWriter(25);
        encode(w, false);
        return w.toBytes();
    }

    /** {@code {"distinguisher": 1, "color": 100, "endpoint": "10.0.0.1"}} (docs/differences.md, extensions). */
    @Override
    public void json(JsonSink out, boolean withPathId) {
        out.beginObject();
        out.field("distinguisher", distinguisher);
        out.field("color", color);
        out.field("endpoint", endpoint.toString());
        out.endObject();
    }

    /** The words of the route syntax (docs/sr-policy.md). */
    @Override
    public String text() {
        return "sr-policy distinguisher " + distinguisher + " color " + color + " endpoint " + endpoint;
    }
}
