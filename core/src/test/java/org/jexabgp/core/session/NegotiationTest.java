package org.jexabgp.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.jexabgp.core.config.ConfigurationSyntax;
import org.jexabgp.core.config.ProgramCheck;
import org.jexabgp.core.model.Neighbor;
import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.capability.Asn4;
import org.jexabgp.wire.capability.Capability;
import org.jexabgp.wire.capability.EnhancedRouteRefresh;
import org.jexabgp.wire.capability.ExtendedMessage;
import org.jexabgp.wire.capability.MultiSession;
import org.jexabgp.wire.capability.Multiprotocol;
import org.jexabgp.wire.capability.Operational;
import org.jexabgp.wire.capability.RouteRefresh;
import org.jexabgp.wire.message.Open;
import org.junit.jupiter.api.Test;

/** Each capability negotiation looks for counts when both OPENs carry it, and only then. */
class NegotiationTest {
    private static final Neighbor NEIGHBOR = neighbor();

    private static Neighbor neighbor() {
        try {
            return ConfigurationSyntax.parse("""
                    neighbor 192.0.2.2 { router-id 192.0.2.1; local-address 192.0.2.1; local-as 65001; peer-as 65002; }
                    """, "t.conf", ProgramCheck.ANY).neighbors().getFirst();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Open open(long asn, String routerId, Capability... extra) {
        List<Capability> caps = new ArrayList<>(List.of(new Multiprotocol(Family.IPV4_UNICAST)));
        caps.addAll(List.of(extra));
        return new Open(4, asn, 90, IpAddress.parse(routerId), caps);
    }

    private static Negotiated negotiate(Capability[] ours, Capability[] theirs) {
        Negotiation.Result r = Negotiation.negotiate(NEIGHBOR, open(65001, "192.0.2.1", ours),
                open(65002, "192.0.2.2", theirs));
        assertThat(r.error()).isNull();
        return r.negotiated();
    }

    private static Capability[] caps(Capability... c) {
        return c;
    }

    @Test
    void aCapabilityCountsWhenBothSidesCarryIt() {
        Capability[] all = caps(new Asn4(65001), new RouteRefresh(), new EnhancedRouteRefresh(), new ExtendedMessage(),
                new Operational());
        Negotiated both = negotiate(all, caps(new Asn4(65002), new RouteRefresh(), new EnhancedRouteRefresh(),
                new ExtendedMessage(), new Operational()));
        assertThat(both.asn4()).isTrue();
        assertThat(both.refresh()).isEqualTo(Negotiated.Refresh.ENHANCED);
        assertThat(both.messageSize()).isEqualTo(Negotiated.EXTENDED_SIZE);
        assertThat(both.operational()).isTrue();

        Negotiated oneSide = negotiate(all, caps());
        assertThat(oneSide.asn4()).isFalse();
        assertThat(oneSide.refresh()).isEqualTo(Negotiated.Refresh.ABSENT);
        assertThat(oneSide.messageSize()).isEqualTo(Negotiated.STANDARD_SIZE);
        assertThat(oneSide.operational()).isFalse();
        assertThat(negotiate(caps(), all).asn4()).isFalse();

        // each alone: only its own outcome changes
        assertThat(negotiate(caps(new RouteRefresh()), caps(new RouteRefresh())).refresh())
                .isEqualTo(Negotiated.Refresh.NORMAL);
        assertThat(negotiate(caps(new EnhancedRouteRefresh()), caps(new EnhancedRouteRefresh())).refresh())
                .isEqualTo(Negotiated.Refresh.ENHANCED);
        assertThat(negotiate(caps(new RouteRefresh(), new EnhancedRouteRefresh()), caps(new RouteRefresh())).refresh())
                .isEqualTo(Negotiated.Refresh.NORMAL);
        Negotiated extended = negotiate(caps(new ExtendedMessage()), caps(new ExtendedMessage()));
        assertThat(extended.messageSize()).isEqualTo(Negotiated.EXTENDED_SIZE);
        assertThat(extended.asn4()).isFalse();
        assertThat(extended.operational()).isFalse();
        assertThat(negotiate(caps(new Operational()), caps(new Operational())).operational()).isTrue();
        assertThat(negotiate(caps(new Asn4(65001)), caps(new Asn4(65002))).asn4()).isTrue();
    }

    @Test
    void multiSessionOfOursAloneIsRefused() {
        MultiSession ours = new MultiSession(false, Bytes.of((byte) 0));
        assertThat(negotiate(caps(ours), caps(new MultiSession(false, Bytes.of((byte) 0)))).multisession()).isTrue();
        assertThat(negotiate(caps(), caps(ours)).multisession()).isFalse();
        Negotiation.Result refused = Negotiation.negotiate(NEIGHBOR, open(65001, "192.0.2.1", ours),
                open(65002, "192.0.2.2"));
        assertThat(refused.negotiated()).isNull();
        assertThat(refused.error().code()).isEqualTo(2);
        assertThat(refused.error().subcode()).isEqualTo(9);
    }
}
