package org.jexabgp.wire.nlri.rtc;

import java.util.Locale;
import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.JsonSink;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.WireReader;
import org.jexabgp.wire.WireWriter;
import org.jexabgp.wire.attribute.ExtendedCommunity;
import org.jexabgp.wire.nlri.Nlri;
import org.jexabgp.wire.nlri.NlriCodec;

/**
 * Route Target membership NLRI, RFC 4684 §4: {@code length-in-bits(1)}, then the origin AS (4) and as much of the
 * route target (8) as the length covers. Length 0 is the default (wildcard) membership; otherwise it is 32 to 96.
 * Decode only (wire.md §4).
 *
 * @param bits the prefix length: 0, or 32 to 96
 * @param prefix the origin AS and the carried part of the route target, ceil(bits/8) bytes; the route target's type
 *     byte has its transitive/IANA bits cleared, as ExaBGP stores it
 */
public record Rtc(int bits, Bytes prefix) implements Nlri {
    public static final Family IPV4_RTC = new Family(org.jexabgp.wire.Afi.IPV4, org.jexabgp.wire.Safi.RTC);

    private static final int FULL = 96;
    private static final int ORIGIN_ONLY = 32;

    public static final NlriCodec CODEC = new NlriCodec() {
        @Override
        public Nlri decode(WireReader in, Family family, long pathId, Negotiated session) throws Malformed {
            int bits = in.u8();
            if (bits == 0) return new Rtc(0, Bytes.EMPTY);
            // RFC 4684 §4: the origin AS is always there, the route target at most whole
            if (bits < ORIGIN_ONLY || bits > FULL) throw Malformed.update(10, "incorrect RTC length " + bits);
            byte[] b = in.bytes((bits + 7) / 8).toArray();
            if (b.length > 4) b[4] &= (byte) 0x3F; // RFC 4360 §2: the type's high bits are flags, not identity
            return new Rtc(bits, Bytes.of(b));
        }

        @Override
        public boolean carriesPathId() {
            return false;
        }
    };

    public Rtc {
        if (bits != 0 && (bits < ORIGIN_ONLY || bits > FULL)) throw new IllegalArgumentException("rtc length " + bits);
        if (prefix.length() != (bits + 7) / 8) throw new IllegalArgumentException("rtc prefix of wrong size");
    }

    public long origin() {
        if (bits == 0) return 0;
        return (long) prefix.u8(0) << 24 | prefix.u8(1) << 16 | prefix.u8(2) << 8 | prefix.u8(3);
    }

    @Override
    public Family family() {
        return IPV4_RTC;
    }

    @Override
    public long pathId() {
        return 0;
    }

    @Override
    public void encode(WireWriter out, boolean withPathId) {
        out.u8(bits).bytes(prefix);
    }

    @Override
    public Bytes key() {
        return new WireWriter(13).u8(bits).bytes(prefix).toBytes();
    }

    private String targetPrefix() {
        return "0x" + Bytes.of(prefix.toArray(), 4, prefix.length() - 4).hex().toUpperCase(Locale.ROOT);
    }

    private String target() {
        return new ExtendedCommunity(Bytes.of(prefix.toArray(), 4, 8)).text();
    }

    /** ExaBGP's object: {@code { "origin": 65000, "route-target": "target:65000:1" }}; null for the wildcard. */
    @Override
    public void json(JsonSink out, boolean withPathId) {
        out.beginObject();
        out.field("origin", origin());
        if (bits == FULL) out.field("route-target", target());
        else {
            out.fieldNull("route-target");
            if (bits != 0) out.field("prefix-length", bits).field("route-target-prefix", targetPrefix());
        }
        out.endObject();
    }

    @Override
    public String text() {
        if (bits == FULL) return "rtc " + origin() + ":" + target();
        if (bits != 0) return "rtc " + origin() + ":" + targetPrefix() + "/" + bits;
        return "rtc wildcard";
    }
}
