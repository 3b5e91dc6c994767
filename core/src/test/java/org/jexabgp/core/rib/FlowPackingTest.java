package org.jexabgp.core.rib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jexabgp.core.rib.RibFixtures.hex;
import static org.jexabgp.core.rib.RibFixtures.ibgp;
import static org.jexabgp.core.rib.RibFixtures.message;

import org.jexabgp.core.config.ConfigError;
import org.jexabgp.core.config.RouteSyntax;
import org.jexabgp.core.model.Route;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.nlri.flow.FlowFamily;
import org.junit.jupiter.api.Test;

/** wire.md §5.1, §9.2–§9.6 for flow routes: bytes as in qa/encoding/api-flow.msg and api-broken-flow.msg. */
class FlowPackingTest {
    private static final PackingOptions NO_GROUP = new PackingOptions(false);
    private static final Negotiated SESSION = ibgp(1, FlowFamily.IPV4_FLOW_FAMILY);
    private static final String RULE = "match { source 170.170.170.170/32; destination 170.170.170.170/32; }";

    private static Route route(String text) throws ConfigError {
        return RouteSyntax.parseApiRoute(text).getFirst();
    }

    @Test
    void announceAndWithdrawCarryTheCommandsAttributes() throws ConfigError {
        AdjRibOut rib = new AdjRibOut();
        rib.announce(route("flow route { " + RULE + " then { rate-limit 1; } }"));
        // ORIGIN igp, empty AS_PATH, LOCAL_PREF 100 (iBGP), EXT_COMM traffic-rate 1.0f (3F800000),
        // MP_REACH 0001 85, next-hop length 0, reserved, NLRI 0C 01 20 AAAAAAAA 02 20 AAAAAAAA
        assertThat(hex(rib.drain(SESSION, NO_GROUP, true).getFirst()))
                .isEqualTo(message("0045 02 0000 002E 40010100 400200 40050400000064 C010088006 00003F800000"
                        + " 800E12 0001 85 00 00 0C0120AAAAAAAA0220AAAAAAAA"));
        rib.withdraw(route("flow route { " + RULE + " then { rate-limit 1; } }"));
        // a flow withdrawal keeps the full blob, then communities included (wire.md §9.6)
        assertThat(hex(rib.drain(SESSION, NO_GROUP, true).getFirst()))
                .isEqualTo(message("0043 02 0000 002C 40010100 400200 40050400000064 C010088006 00003F800000"
                        + " 800F10 0001 85 0C0120AAAAAAAA0220AAAAAAAA"));
        rib.announce(route("flow route { " + RULE + " then { rate-limit 1; } }"));
        rib.drain(SESSION, NO_GROUP, true);
        rib.withdraw(route("flow route { " + RULE + " }"));
        // without a then part the withdrawal has only the defaults (qa/encoding/api-flow.msg line 3)
        assertThat(hex(rib.drain(SESSION, NO_GROUP, true).getFirst()))
                .isEqualTo(message("0038 02 0000 0021 40010100 400200 40050400000064"
                        + " 800F10 0001 85 0C0120AAAAAAAA0220AAAAAAAA"));
    }

    @Test
    void firstPassWithdrawalLeavesOnlyTheBlob() throws ConfigError {
        AdjRibOut rib = new AdjRibOut();
        rib.withdraw(route("flow route { " + RULE + " }"));
        // wire.md §9.6: api-flow line 2, 0025 02 0000 000E + defaults only
        assertThat(hex(rib.drain(SESSION, NO_GROUP, false)))
                .containsExactly(message("0025 02 0000 000E 40010100 400200 40050400000064"));
    }

    @Test
    void redirectSetsTheMpNextHopWithoutNextHopAttribute() throws ConfigError {
        AdjRibOut rib = new AdjRibOut();
        rib.announce(route("flow route { match { destination 192.168.0.1/32; } then { redirect 1.2.3.4; } }"));
        // qa/encoding/conf-flow.msg: MP_REACH next-hop length 4 = 01020304, no NEXT_HOP (code 3) attribute
        assertThat(hex(rib.drain(SESSION, NO_GROUP, true)))
                .containsExactly(message("0043 02 0000 002C 40010100 400200 40050400000064 C010080800000000000000"
                        + " 800E10 0001 85 04 01020304 00 060120C0A80001"));
    }
}
