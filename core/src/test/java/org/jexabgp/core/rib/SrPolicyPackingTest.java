package org.jexabgp.core.rib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jexabgp.core.rib.RibFixtures.hex;
import static org.jexabgp.core.rib.RibFixtures.ibgp;
import static org.jexabgp.core.rib.RibFixtures.message;

import java.util.List;
import org.jexabgp.core.model.AttributeSet;
import org.jexabgp.core.model.Route;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.attribute.TunnelEncap;
import org.jexabgp.wire.attribute.TunnelSubTlv;
import org.jexabgp.wire.nlri.srpolicy.SrPolicy;
import org.jexabgp.wire.nlri.srpolicy.SrPolicyFamily;
import org.junit.jupiter.api.Test;

/** SR Policy routes (RFC 9830) through the Adj-RIB-Out: MP_REACH with the Tunnel Encapsulation attribute. */
class SrPolicyPackingTest {
    // RFC 9830 §2.4: SR Policy tunnel (000F, 64 bytes): preference 200, binding SID label 24000, two segment lists
    static final String TUNNEL = "C01744 000F0040 0C060000000000C8 0D06000005DC0000"
            + " 800019 00 09060000 00000001 01060000 03E81000 01060000 03E82000"
            + " 800011 00 09060000 00000002 01060000 03E83000";
    // RFC 9830 §2.1: 96 bits, distinguisher 1, color 100, endpoint 10.0.0.1
    static final String NLRI = "60 00000001 00000064 0A000001";

    static Route route() {
        return Route.of(
                new SrPolicy(SrPolicyFamily.IPV4, 1, 100, IpAddress.parse("10.0.0.1")),
                IpAddress.parse("192.0.2.1"),
                AttributeSet.of(List.of(TunnelEncap.of(TunnelEncap.Tunnel.of(
                        TunnelEncap.SR_POLICY,
                        new TunnelSubTlv.Preference(200),
                        TunnelSubTlv.BindingSid.label(0, 24000),
                        new TunnelSubTlv.SegmentList(List.of(
                                new TunnelSubTlv.Weight(0, 1),
                                TunnelSubTlv.SegmentA.label(16001),
                                TunnelSubTlv.SegmentA.label(16002))),
                        new TunnelSubTlv.SegmentList(
                                List.of(new TunnelSubTlv.Weight(0, 2), TunnelSubTlv.SegmentA.label(16003))))))));
    }

    @Test
    void announcedThenWithdrawn() {
        Negotiated s = ibgp(65000, SrPolicyFamily.IPV4);
        AdjRibOut rib = new AdjRibOut();
        rib.announce(route());
        // 0085 = 19 + 4 + 110; attributes: ORIGIN IGP, empty AS_PATH, LOCAL_PREF 100 (iBGP defaults, wire.md §9.3),
        // no NEXT_HOP attribute (RFC 9830 §2.1: the next hop is MP_REACH's), the tunnel (code 23) before MP_REACH
        assertThat(hex(rib.drain(s, new PackingOptions(false), true)))
                .containsExactly(message("0085 02 0000 006E 40010100 400200 40050400000064 " + TUNNEL
                        // RFC 4760 §3: AFI 1, SAFI 73 (0x49), next hop 4 bytes 192.0.2.1, reserved
                        + " 800E16 0001 49 04 C0000201 00 " + NLRI));
        rib.withdraw(route());
        List<String> out = hex(rib.drain(s, new PackingOptions(false), true));
        assertThat(out).hasSize(1);
        // RFC 4760 §4: MP_UNREACH, AFI 1 SAFI 73 and the same NLRI (length 3 + 13)
        assertThat(out.getFirst()).endsWith(("800F10 0001 49 " + NLRI).replace(" ", ""));
    }
}
