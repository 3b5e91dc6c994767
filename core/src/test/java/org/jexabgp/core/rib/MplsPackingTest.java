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
import org.jexabgp.wire.attribute.Communities;
import org.jexabgp.wire.attribute.Community;
import org.jexabgp.wire.attribute.ExtendedCommunities;
import org.jexabgp.wire.attribute.ExtendedCommunity;
import org.jexabgp.wire.attribute.PrefixSid;
import org.jexabgp.wire.nlri.Labels;
import org.jexabgp.wire.nlri.Prefix;
import org.jexabgp.wire.nlri.RouteDistinguisher;
import org.jexabgp.wire.nlri.label.LabelFamily;
import org.jexabgp.wire.nlri.label.LabeledNlri;
import org.jexabgp.wire.nlri.vpn.VpnFamily;
import org.jexabgp.wire.nlri.vpn.VpnNlri;
import org.junit.jupiter.api.Test;

/** Labeled and VPN routes through the Adj-RIB-Out: the UPDATE bytes of wire.md §9 (vectors from qa/encoding). */
class MplsPackingTest {
    private static final String IBGP_DEFAULTS = "40010100 400200";

    @Test
    void vpnRouteAnnouncedThenWithdrawn() {
        // api-vpnv4: 1.4.0.0/16 rd 65000:1 next-hop 101.1.101.1 community 100:1 extended-community
        // 0x0002FDE900000001 label 1000
        Negotiated s = ibgp(1, VpnFamily.IPV4);
        AdjRibOut rib = new AdjRibOut();
        Route route = Route.of(
                new VpnNlri(
                        VpnFamily.IPV4, Prefix.parse("1.4.0.0/16"), Labels.of(1000), RouteDistinguisher.parse("65000:1"),
                        0),
                IpAddress.parse("101.1.101.1"),
                AttributeSet.of(List.of(
                        Communities.of(new Community(100L << 16 | 1)),
                        ExtendedCommunities.of(new ExtendedCommunity(
                                org.jexabgp.wire.Bytes.fromHex("0002FDE900000001"))))));
        rib.announce(route);
        String blob = IBGP_DEFAULTS
                + " 40030465016501" // wire.md §9.4: the IPv4 next hop also as NEXT_HOP
                + " 40050400000064 C0080400640001 C010080002FDE900000001";
        assertThat(hex(rib.drain(s, new PackingOptions(false), true)))
                .containsExactly(message("0060 02 0000 0049 " + blob
                        // MP_REACH: AFI 1, SAFI 128, next hop 12 = 8 zero bytes (RD) + 65016501, reserved
                        + " 800E1F 0001 80 0C 0000000000000000 65016501 00"
                        // 68 = 24+64+16, 003E81 = 1000<<4|1, RD 65000:1, 0104 = 1.4/16
                        + " 68 003E81 0000FDE800000001 0104"));
        // api.md §4.1: the withdrawal names the route by family, RD and prefix; the labels need not match
        rib.withdraw(route);
        // wire.md §9.6: a non-unicast MP withdrawal keeps the whole blob; the labels are withdrawn too (§5)
        assertThat(hex(rib.drain(s, new PackingOptions(false), true)))
                .containsExactly(
                        message("0052 02 0000 003B " + blob + " 800F11 0001 80 68 003E81 0000FDE800000001 0104"));
    }

    @Test
    void labeledRouteWithPrefixSid() {
        // conf-prefix-sid: 198.51.100.100/32 next-hop 198.51.100.1 label [ 800001 ] bgp-prefix-sid [ 777 ]
        Negotiated s = ibgp(65000, LabelFamily.IPV4);
        AdjRibOut rib = new AdjRibOut();
        rib.announce(Route.of(
                new LabeledNlri(LabelFamily.IPV4, Prefix.parse("198.51.100.100/32"), Labels.of(800001), 0),
                IpAddress.parse("198.51.100.1"),
                AttributeSet.of(List.of(PrefixSid.of(new PrefixSid.LabelIndex(777))))));
        assertThat(hex(rib.drain(s, new PackingOptions(false), true)))
                .containsExactly(message("004D 02 0000 0036 " + IBGP_DEFAULTS + " 400304C6336401 40050400000064"
                        + " C0280A 010007 00 0000 00000309" // Prefix-SID before MP_REACH (ascending code, then MP)
                        + " 800E11 0001 04 04 C6336401 00 38 C35011 C6336464"));
    }

    @Test
    void vpnWithAddPath() {
        // conf-addpath: path id 0000000A before the VPN NLRI when add-path send is negotiated for ipv4 mpls-vpn
        Negotiated s = ibgp(1, VpnFamily.IPV4).withAddPath(java.util.Set.of(VpnFamily.IPV4), java.util.Set.of());
        AdjRibOut rib = new AdjRibOut();
        rib.announce(Route.of(
                new VpnNlri(
                        VpnFamily.IPV4, Prefix.parse("10.0.0.0/24"), Labels.of(20012),
                        RouteDistinguisher.parse("100:100"), 10),
                IpAddress.parse("192.168.0.1"),
                AttributeSet.of(List.of())));
        assertThat(hex(rib.drain(s, new PackingOptions(false), true)))
                .containsExactly(message("0053 02 0000 003C " + IBGP_DEFAULTS + " 400304C0A80001 40050400000064"
                        + " 800E24 0001 80 0C 0000000000000000 C0A80001 00 0000000A 70 04E2C1 0000006400000064 0A0000"));
    }
}
