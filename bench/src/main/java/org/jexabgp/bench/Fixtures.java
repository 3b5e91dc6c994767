package org.jexabgp.bench;

import java.util.List;
import java.util.Set;
import org.jexabgp.core.model.AttributeSet;
import org.jexabgp.core.model.Route;
import org.jexabgp.core.rib.AdjRibOut;
import org.jexabgp.core.rib.PackingOptions;
import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.WireWriter;
import org.jexabgp.wire.attribute.Attribute;
import org.jexabgp.wire.attribute.Med;
import org.jexabgp.wire.nlri.Prefix;
import org.jexabgp.wire.nlri.inet.InetNlri;

/** Routes and sessions the benchmarks share: the bench harness's shape (20.0.0.0 + i × 256, /24, one next hop). */
final class Fixtures {
    private Fixtures() {}

    static final IpAddress NEXT_HOP = IpAddress.parse("127.0.1.2");

    /** iBGP, ASN4, IPv4 and IPv6 unicast, 4096-byte messages. */
    static Negotiated session() {
        return new Negotiated(
                65000, 65000, true, Negotiated.STANDARD_SIZE, 180, List.of(Family.IPV4_UNICAST, Family.IPV6_UNICAST),
                Set.of(), Set.of(), Set.of(), Negotiated.Refresh.NORMAL, false, false, false);
    }

    /** The i-th /24 from 20.0.0.0. */
    static InetNlri prefix(int i) {
        return new InetNlri(Family.IPV4_UNICAST, new Prefix(IpAddress.v4((20L << 24) + ((long) i << 8)), 24), 0);
    }

    static AttributeSet attributes(long med) {
        return AttributeSet.of(List.<Attribute>of(new Med(med)));
    }

    static Route route(int i, AttributeSet attributes) {
        return Route.of(prefix(i), NEXT_HOP, attributes);
    }

    /** Prefixes in {@link #typicalUpdate()}. */
    static final int TYPICAL_PREFIXES = 500;

    /**
     * Issue 3's speed target (a), built by hand from RFC 4271 §4.3 rather than by our packer, so the decoder is
     * measured on bytes it did not write: 500 IPv4 /24s (20.0.0.0 + i × 256) with ORIGIN, AS_PATH, NEXT_HOP, MED,
     * LOCAL_PREF and COMMUNITIES. 2,072 bytes.
     */
    static byte[] typicalUpdate() {
        String attributes = "40010100" // ORIGIN (well-known, type 1, length 1): IGP
                + "40020a" + "0202" + "0000fde8" + "0000fde9" // AS_PATH: AS_SEQUENCE of 2 four-byte ASNs 65000 65001
                + "400304" + "7f000102" // NEXT_HOP 127.0.1.2
                + "800404" + "0000000a" // MULTI_EXIT_DISC (optional) 10
                + "400504" + "00000064" // LOCAL_PREF 100
                + "c00808" + "fde80001" + "fde80002"; // COMMUNITIES (optional transitive) 65000:1 65000:2
        WireWriter out = new WireWriter(4096);
        for (int i = 0; i < 16; i++) out.u8(0xFF); // marker
        out.u16(0).u8(2); // length (patched below), type UPDATE
        out.u16(0); // no withdrawn routes
        Bytes a = Bytes.fromHex(attributes);
        out.u16(a.length()).bytes(a);
        for (int i = 0; i < TYPICAL_PREFIXES; i++) {
            long address = (20L << 24) + ((long) i << 8);
            out.u8(24).u8((int) (address >>> 24)).u8((int) (address >>> 16) & 0xFF).u8((int) (address >>> 8) & 0xFF);
        }
        out.setU16(16, out.length());
        return out.toByteArray();
    }

    /** Full UPDATEs (header included) announcing {@code n} routes with one attribute set. */
    static List<byte[]> updates(int n) {
        AdjRibOut rib = new AdjRibOut();
        AttributeSet a = attributes(10);
        for (int i = 0; i < n; i++) rib.announce(route(i, a));
        return rib.drain(session(), PackingOptions.DEFAULT, true);
    }
}
