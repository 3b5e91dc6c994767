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
 * ExaBGP only decodes it; jexabgp also announces it (docs/evpn.md).
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

    /** The default membership, RFC 4684 §4: length 0, "send me every route target". */
    public static final Rtc WILDCARD = new Rtc(0, Bytes.EMPTY);

    /**
     * The membership of {@code bits} bits (32 to 96) for an origin AS and the leading bytes of a route target.
     *
     * @param target the route target's first ceil((bits - 32) / 8) bytes; bits past the length must be zero
     */
    public static Rtc of(long origin, int bits, Bytes target) {
        if (origin < 0 || origin > 0xFFFF_FFFFL) throw new IllegalArgumentException("rtc origin AS " + origin);
        if (bits < ORIGIN_ONLY || bits > FULL) throw new IllegalArgumentException("rtc length " + bits);
        if (target.length() != (bits - ORIGIN_ONLY + 7) / 8)
            throw new IllegalArgumentException(
                    "a membership of " + bits + " bits has " + (bits - ORIGIN_ONLY + 7) / 8 + " route target bytes");
        byte[] b = new byte[(bits + 7) / 8];
        b[0] = (byte) (origin >>> 24);
        b[1] = (byte) (origin >>> 16);
        b[2] = (byte) (origin >>> 8);
        b[3] = (byte) origin;
        target.copyTo(b, 4);
        // RFC 4684 §4: the prefix is a bit string; what lies past its length is not part of it
        if (bits % 8 != 0 && (b[b.length - 1] & 0xFF >>> bits % 8) != 0)
            throw new IllegalArgumentException("route target prefix has bits set past /" + bits);
        // as decoded: the type's flag bits do not take part (RFC 4360 §2)
        if (b.length > 4) b[4] &= (byte) 0x3F;
        return new Rtc(bits, Bytes.of(b));
    }

    /** The whole membership for one route target (8 bytes, RFC 4360 §2): length 96. */
    public static Rtc of(long origin, Bytes target) {
        if (target.length() != 8) throw new IllegalArgumentException("a route target has 8 bytes");
        return of(origin, FULL, target);
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
