package org.jexabgp.bench;

import java.util.List;
import java.util.Set;
import org.jexabgp.core.model.AttributeSet;
import org.jexabgp.core.model.Route;
import org.jexabgp.core.rib.AdjRibOut;
import org.jexabgp.core.rib.PackingOptions;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.Negotiated;
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

    /** Full UPDATEs (header included) announcing {@code n} routes with one attribute set. */
    static List<byte[]> updates(int n) {
        AdjRibOut rib = new AdjRibOut();
        AttributeSet a = attributes(10);
        for (int i = 0; i < n; i++) rib.announce(route(i, a));
        return rib.drain(session(), PackingOptions.DEFAULT, true);
    }
}
