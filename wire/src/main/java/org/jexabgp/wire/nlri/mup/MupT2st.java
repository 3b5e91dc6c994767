package org.jexabgp.wire.nlri.mup;

import org.jexabgp.wire.Family;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.JsonSink;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.WireReader;
import org.jexabgp.wire.WireWriter;
import org.jexabgp.wire.nlri.RouteDistinguisher;

/**
 * Type 2 Session Transformed route, draft-mpmz-bess-mup-safi §3.1.4: RD, endpoint length in bits (address bits +
 * TEID bits), endpoint address, then the TEID in ceil(teidBits/8) bytes: the <b>last</b> bytes of its 4-byte form,
 * nothing when teidBits is 0 (wire.md §5).
 *
 * @param teidBits how many bits of the TEID are sent, 0..32; the TEID must fit in them
 */
public record MupT2st(Family family, RouteDistinguisher rd, IpAddress endpoint, long teid, int teidBits)
        implements Mup {
    public MupT2st {
        Mup.check(family, endpoint);
        if (teidBits < 0 || teidBits > 32) throw new IllegalArgumentException("teid length " + teidBits);
        if (teid < 0 || teidBits < 32 && teid >= 1L << teidBits)
            throw new IllegalArgumentException("teid " + teid + " does not fit in " + teidBits + " bits");
    }

    static MupT2st decodeBody(WireReader body, Family family) throws Malformed {
        RouteDistinguisher rd = RouteDistinguisher.decode(body);
        int bits = body.u8();
        int addressBits = Mup.addressBytes(family) * 8;
        if (bits < addressBits || bits > addressBits + 32)
            throw Malformed.update(10, family.name() + " t2st endpoint length " + bits);
        IpAddress endpoint = new IpAddress(body.bytes(addressBits / 8));
        int teidBits = bits - addressBits;
        int n = (teidBits + 7) / 8;
        if (body.remaining() != n)
            throw Malformed.update(10, family.name() + " t2st teid of " + body.remaining() + " bytes, expected " + n);
        long teid = 0;
        for (int i = 0; i < n; i++) teid = teid << 8 | body.u8();
        // bits beyond teidBits in the last byte: the TEID is read as the draft's left-aligned bit string
        if (teidBits % 8 != 0 && teidBits > 0) {
            long max = (1L << teidBits) - 1;
            if (teid > max) teid &= max;
        }
        return new MupT2st(family, rd, endpoint, teid, teidBits);
    }

    @Override
    public int architecture() {
        return ARCH_3GPP_5G;
    }

    @Override
    public int routeType() {
        return T2ST;
    }

    @Override
    public String name() {
        return "Type2SessionTransformedRoute";
    }

    @Override
    public void encodeBody(WireWriter out) {
        rd.encode(out);
        out.u8(endpoint.bytes().length() * 8 + teidBits);
        out.bytes(endpoint.bytes());
        int n = (teidBits + 7) / 8;
        // the last n bytes of the 4-byte TEID (wire.md §5, as ExaBGP)
        for (int i = 4 - n; i < 4; i++) out.u8((int) (teid >>> (8 * (3 - i))) & 0xFF);
    }

    @Override
    public void json(JsonSink out, boolean withPathId) {
        jsonHead(out);
        out.field("endpoint_len", endpoint.bytes().length() * 8 + teidBits);
        out.field("endpoint_ip", endpoint.toString());
        rd.json(out);
        out.field("teid", Long.toString(teid));
        out.field("raw", key().hex());
        out.endObject();
    }

    @Override
    public String text() {
        return "mup-t2st " + endpoint + " rd " + rd + " teid " + teid + "/" + teidBits;
    }
}
