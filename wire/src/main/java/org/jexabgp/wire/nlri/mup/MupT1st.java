package org.jexabgp.wire.nlri.mup;

import org.jexabgp.wire.Family;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.JsonSink;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.WireReader;
import org.jexabgp.wire.WireWriter;
import org.jexabgp.wire.nlri.Prefix;
import org.jexabgp.wire.nlri.RouteDistinguisher;
import org.jspecify.annotations.Nullable;

/**
 * Type 1 Session Transformed route, draft-mpmz-bess-mup-safi §3.1.3 with the 3GPP 5G part: RD, prefix, TEID (4), QFI
 * (1), endpoint, and (draft -03) an optional source address. Endpoint and source may be of either AFI.
 */
public record MupT1st(
        Family family,
        RouteDistinguisher rd,
        Prefix prefix,
        long teid,
        int qfi,
        IpAddress endpoint,
        @Nullable IpAddress source)
        implements Mup {
    public MupT1st {
        Mup.check(family, prefix.address());
        if (teid < 0 || teid > 0xFFFF_FFFFL) throw new IllegalArgumentException("teid " + teid);
        if (qfi < 0 || qfi > 0xFF) throw new IllegalArgumentException("qfi " + qfi);
    }

    static MupT1st decodeBody(WireReader body, Family family) throws Malformed {
        RouteDistinguisher rd = RouteDistinguisher.decode(body);
        Prefix prefix = Mup.readPrefix(body, family);
        long teid = body.u32();
        int qfi = body.u8();
        IpAddress endpoint = Mup.readAddress(body, "endpoint");
        IpAddress source = body.hasRemaining() ? Mup.readAddress(body, "source") : null;
        return new MupT1st(family, rd, prefix, teid, qfi, endpoint, source);
    }

    @Override
    public int architecture() {
        return ARCH_3GPP_5G;
    }

    @Override
    public int routeType() {
        return T1ST;
    }

    @Override
    public String name() {
        return "Type1SessionTransformedRoute";
    }

    @Override
    public void encodeBody(WireWriter out) {
        rd.encode(out);
        Mup.writePrefix(out, prefix);
        out.u32(teid).u8(qfi);
        out.u8(endpoint.bytes().length() * 8).bytes(endpoint.bytes());
        if (source != null) out.u8(source.bytes().length() * 8).bytes(source.bytes());
    }

    /** ExaBGP's keys; teid and qfi are strings there. ExaBGP's missing comma after endpoint_ip is not reproduced. */
    @Override
    public void json(JsonSink out, boolean withPathId) {
        jsonHead(out);
        out.field("prefix_ip_len", prefix.length());
        out.field("prefix_ip", prefix.address().toString());
        out.field("teid", Long.toString(teid));
        out.field("qfi", Integer.toString(qfi));
        rd.json(out);
        out.field("endpoint_ip_len", endpoint.bytes().length() * 8);
        out.field("endpoint_ip", endpoint.toString());
        if (source != null) {
            out.field("source_ip_len", source.bytes().length() * 8);
            out.field("source_ip", source.toString());
        }
        out.field("raw", key().hex());
        out.endObject();
    }

    @Override
    public String text() {
        return "mup-t1st " + prefix + " rd " + rd + " teid " + teid + " qfi " + qfi + " endpoint " + endpoint
                + (source == null ? "" : " source " + source);
    }
}
