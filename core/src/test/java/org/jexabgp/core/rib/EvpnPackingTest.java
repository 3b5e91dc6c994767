package org.jexabgp.core.rib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jexabgp.core.rib.RibFixtures.hex;
import static org.jexabgp.core.rib.RibFixtures.ibgp;
import static org.jexabgp.core.rib.RibFixtures.message;

import java.util.List;
import org.jexabgp.core.model.AttributeSet;
import org.jexabgp.core.model.Route;
import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.attribute.ExtendedCommunities;
import org.jexabgp.wire.attribute.ExtendedCommunity;
import org.jexabgp.wire.nlri.RouteDistinguisher;
import org.jexabgp.wire.nlri.evpn.Esi;
import org.jexabgp.wire.nlri.evpn.Evpn;
import org.jexabgp.wire.nlri.evpn.EvpnFamily;
import org.jexabgp.wire.nlri.evpn.EvpnMacIp;
import org.jexabgp.wire.nlri.evpn.Mac;
import org.jexabgp.wire.nlri.rtc.Rtc;
import org.junit.jupiter.api.Test;

/**
 * EVPN and RTC routes through the Adj-RIB-Out (our extension, docs/evpn.md): MP_REACH/MP_UNREACH only (RFC 4760 §3,
 * no NEXT_HOP attribute), and a withdrawal without the label removes the route (RFC 7432 §7.2 route key).
 */
class EvpnPackingTest {
    private static final String IBGP_DEFAULTS = "40010100 400200 40050400000064"; // ORIGIN IGP, AS_PATH empty, LP 100

    private static EvpnMacIp macIp(List<Integer> labels) {
        return new EvpnMacIp(RouteDistinguisher.parse("1.1.1.1:1"), Esi.ZERO, 0, Mac.parse("00:11:22:33:44:55"),
                IpAddress.parse("10.0.0.1"), labels.isEmpty() ? Evpn.NO_LABEL : Evpn.labelFields(labels));
    }

    // RFC 7432 §7.2: type 2, length 37, RD 1.1.1.1:1, ESI 0, tag 0, MAC /48, IP /32 10.0.0.1
    private static final String MAC_IP =
            "02 25 0001010101010001 00000000000000000000 00000000 30 001122334455 20 0A000001";

    @Test
    void macIpAnnouncedThenWithdrawnWithoutItsLabel() {
        Negotiated s = ibgp(65000, EvpnFamily.L2VPN_EVPN_FAMILY);
        AdjRibOut rib = new AdjRibOut();
        rib.announce(Route.of(macIp(List.of(100)), IpAddress.parse("1.1.1.1"),
                AttributeSet.of(List.of(ExtendedCommunities.of(ExtendedCommunity.target(65000, 1))))));
        assertThat(hex(rib.drain(s, new PackingOptions(true), true)))
                .containsExactly(message("0063 02 0000 004C " + IBGP_DEFAULTS
                        + " C0 10 08 0002FDE800000001" // EXTENDED_COMMUNITIES target:65000:1
                        // MP_REACH 48 bytes: AFI 25 SAFI 70, next hop 4 bytes 1.1.1.1, reserved, the NLRI
                        + " 80 0E 30 0019 46 04 01010101 00 " + MAC_IP + " 000641"));
        // the withdrawal names the route without its label (api text: withdraw evpn mac-ip … without label)
        rib.withdraw(Route.of(macIp(List.of()), IpAddress.V4_ZERO, AttributeSet.EMPTY));
        assertThat(rib.routes()).isEmpty();
        // wire.md §9.6: a non-unicast MP withdrawal carries the blob; MP_UNREACH 42 bytes, label field zero
        assertThat(hex(rib.drain(s, new PackingOptions(true), true)))
                .containsExactly(message("0052 02 0000 003B " + IBGP_DEFAULTS
                        + " 80 0F 2A 0019 46 " + MAC_IP + " 000000"));
    }

    @Test
    void aNewLabelReplacesTheRoute() {
        Negotiated s = ibgp(65000, EvpnFamily.L2VPN_EVPN_FAMILY);
        AdjRibOut rib = new AdjRibOut();
        rib.announce(Route.of(macIp(List.of(100)), IpAddress.parse("1.1.1.1"), AttributeSet.EMPTY));
        rib.drain(s, new PackingOptions(true), true);
        rib.announce(Route.of(macIp(List.of(200)), IpAddress.parse("1.1.1.1"), AttributeSet.EMPTY));
        assertThat(rib.routes()).hasSize(1);
    }

    @Test
    void rtcMembership() {
        Negotiated s = ibgp(65000, Rtc.IPV4_RTC);
        AdjRibOut rib = new AdjRibOut();
        rib.announce(Route.of(Rtc.of(65000, Bytes.fromHex("0002FDE800000064")), IpAddress.parse("1.1.1.1"),
                AttributeSet.EMPTY));
        // MP_REACH 22 bytes: AFI 1 SAFI 132, next hop 1.1.1.1, reserved, RFC 4684 §4 NLRI: 96 bits, AS 65000, RT
        assertThat(hex(rib.drain(s, new PackingOptions(true), true)))
                .containsExactly(message("003E 02 0000 0027 " + IBGP_DEFAULTS
                        + " 80 0E 16 0001 84 04 01010101 00 60 0000FDE8 0002FDE800000064"));
    }
}
