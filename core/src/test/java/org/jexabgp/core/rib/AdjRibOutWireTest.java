package org.jexabgp.core.rib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jexabgp.core.rib.RibFixtures.hex;
import static org.jexabgp.core.rib.RibFixtures.ibgp;
import static org.jexabgp.core.rib.RibFixtures.message;
import static org.jexabgp.core.rib.RibFixtures.session;

import java.util.List;
import org.jexabgp.core.model.AttributeSet;
import org.jexabgp.core.model.Route;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.attribute.AsPath;
import org.jexabgp.wire.attribute.Communities;
import org.jexabgp.wire.attribute.Community;
import org.jexabgp.wire.attribute.Med;
import org.jexabgp.wire.nlri.inet.InetNlri;
import org.junit.jupiter.api.Test;

/** The same packing with the real attribute records and {@link InetNlri}, as the reactor will use them. */
class AdjRibOutWireTest {
    @Test
    void confSplitWithRealAttributes() {
        AdjRibOut rib = new AdjRibOut();
        AttributeSet attributes =
                AttributeSet.of(List.of(new Med(200), Communities.of(new Community(174L << 16 | 666))));
        for (int i = 0; i < 2; i++) {
            rib.announce(new Route(
                    InetNlri.of(Family.IPV4_UNICAST, "172.10." + i + ".0/24"),
                    IpAddress.parse("192.0.2.1"), false, attributes, null, false, null));
        }
        String blob = "40010100 400200 400304C0000201 800404000000C8 40050400000064 C0080400AE029A";
        assertThat(hex(rib.drain(ibgp(65533, Family.IPV4_UNICAST), new PackingOptions(false), true)))
                .containsExactly(
                        message("003E 02 0000 0023" + blob + " 18 AC0A00"),
                        message("003E 02 0000 0023" + blob + " 18 AC0A01"));
    }

    @Test
    void configuredPathIsSentVerbatimWithAs4PathRightAfterIt() {
        // wire.md §7: configured as-path goes out as is on eBGP; without ASN4, 2-byte AS_PATH then AS4_PATH (RFC 6793)
        AdjRibOut rib = new AdjRibOut();
        Negotiated s = session(65000, 65001, Family.IPV4_UNICAST).withAsn4(false);
        rib.announce(Route.of(
                InetNlri.of(Family.IPV4_UNICAST, "10.0.0.0/24"),
                IpAddress.parse("10.0.1.254"),
                AttributeSet.of(List.of(AsPath.sequence(65000, 4200000000L)))));
        assertThat(hex(rib.drain(s, PackingOptions.DEFAULT, true)))
                .containsExactly(message("003C 02 0000 0021 40010100"
                        + " 40 02 06 02 02 FDE8 5BA0" // AS_SEQUENCE [65000, AS_TRANS]
                        + " C0 11 0A 02 02 0000FDE8 FA56EA00" // AS4_PATH [65000, 4200000000]
                        + " 40 03 04 0A0001FE" // NEXT_HOP after both
                        + " 18 0A0000"));
    }
}
