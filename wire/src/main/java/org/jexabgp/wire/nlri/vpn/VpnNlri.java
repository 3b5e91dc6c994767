package org.jexabgp.wire.nlri.vpn;

import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.JsonSink;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.WireReader;
import org.jexabgp.wire.WireWriter;
import org.jexabgp.wire.nlri.Labels;
import org.jexabgp.wire.nlri.Nlri;
import org.jexabgp.wire.nlri.NlriCodec;
import org.jexabgp.wire.nlri.Prefix;
import org.jexabgp.wire.nlri.RouteDistinguisher;

/**
 * A VPN-IPv4/IPv6 prefix (SAFI 128, RFC 4364 §4.3.4, RFC 4659 §3.2): {@code length} in bits covering labels, RD and
 * prefix, the label stack, the 8-byte route distinguisher, the prefix bytes; a 4-byte path identifier first with
 * add-path (RFC 7911 §3).
 */
public record VpnNlri(Family family, Prefix prefix, Labels labels, RouteDistinguisher rd, long pathId) implements Nlri {
    public static final NlriCodec CODEC = VpnNlri::decode;

    private static final int RD_BITS = 64;

    public VpnNlri {
        if (!family.afi().equals(prefix.address().afi()))
            throw new IllegalArgumentException(prefix + " is not a prefix of " + family.name());
        if (pathId < 0 || pathId > 0xFFFFFFFFL) throw new IllegalArgumentException("path-id " + pathId);
        if (24 * labels.size() + RD_BITS + prefix.length() > 255)
            throw new IllegalArgumentException("too many labels for one NLRI: " + labels.size());
    }

    public static VpnNlri decode(WireReader in, Family family, long pathId, Negotiated session) throws Malformed {
        int bits = in.u8();
        Labels labels = Labels.decode(in, bits, RD_BITS);
        RouteDistinguisher rd = RouteDistinguisher.decode(in);
        Prefix prefix = Prefix.decode(in, family.afi(), bits - 24 * labels.size() - RD_BITS);
        return new VpnNlri(family, prefix, labels, rd, pathId);
    }

    @Override
    public void encode(WireWriter out, boolean withPathId) {
        if (withPathId) out.u32(pathId);
        out.u8(24 * labels.size() + RD_BITS + prefix.length());
        labels.encode(out);
        rd.encode(out);
        prefix.encodeBytes(out);
    }

    /**
     * Path id, RD, mask length, prefix: the RD is part of the route's identity, the labels are not (config.md §11);
     * the RD sorts before the prefix (wire.md §9.3).
     */
    @Override
    public Bytes key() {
        WireWriter w = new WireWriter(4 + 8 + 1 + 16);
        w.u32(pathId);
        rd.encode(w);
        w.u8(prefix.length());
        prefix.encodeBytes(w);
        return w.toBytes();
    }

    /** json.md §5.6: {@code { "nlri": "…", "label": [ [300] ], "rd": "65002:2" }}. */
    @Override
    public void json(JsonSink out, boolean withPathId) {
        out.beginObject();
        out.field("nlri", prefix.toString());
        if (withPathId) out.field("path-information", IpAddress.v4(pathId).toString());
        labels.json(out);
        out.field("rd", rd.toString());
        out.endObject();
    }

    /** json.md §8: {@code 10.3.0.0/24 label 100 rd 65002:1}. */
    @Override
    public String text() {
        return head() + " rd " + rd;
    }

    /** json.md §8: the next hop sits between the labels and the RD. */
    @Override
    public String text(String nextHop) {
        return head() + " next-hop " + nextHop + " rd " + rd;
    }

    private String head() {
        String p = pathId == 0 ? prefix.toString() : prefix + " path-information " + IpAddress.v4(pathId);
        return p + " " + labels.text();
    }
}
