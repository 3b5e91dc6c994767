package org.jexabgp.wire.capability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.WireWriter;
import org.jexabgp.wire.message.MessageCodec;
import org.jexabgp.wire.message.Open;
import org.junit.jupiter.api.Test;

/**
 * The capabilities ExaBGP does not decode (ORF, BGP role, dynamic capability, LLGR, link-local next hop): malformed
 * values are OPEN errors (RFC 4271 §6.2, subcode 0 as ExaBGP), and link-local next hop is sent although empty. The
 * well-formed vectors are the golden files {@code capability/<code>.golden}.
 */
class NewCapabilitiesTest {
    private static Capability decode(int code, String hex) throws Malformed {
        return Capabilities.decode(code, Bytes.fromHex(hex).reader());
    }

    private static void malformed(int code, String hex) {
        assertThatThrownBy(() -> decode(code, hex))
                .as("code %d value %s", code, hex)
                .isInstanceOfSatisfying(Malformed.class, m -> {
                    assertThat(m.code()).isEqualTo(2);
                    assertThat(m.subcode()).isZero();
                });
    }

    @Test
    void malformedValuesAreOpenErrors() {
        malformed(9, ""); // RFC 9234 §4.1: one byte
        malformed(9, "0300");
        malformed(71, "000101800E10"); // RFC 9494 §3: 7 bytes per family, 6 here
        malformed(3, "00010001"); // RFC 5291 §4: the count byte is missing
        malformed(3, "0001000102" + "4003"); // two ORF types announced, one present
        malformed(77, "00"); // draft-ietf-idr-linklocal-capability: empty value
    }

    @Test
    void unassignedValuesAreKeptAndPrintedAsNumbers() throws Malformed {
        assertThat(((BgpRole) decode(9, "07")).roleName()).isEqualTo("7");
        OutboundRouteFiltering orf = (OutboundRouteFiltering) decode(3, "0001000101" + "0905");
        assertThat(orf.entries().getFirst().orfs().getFirst().typeName()).isEqualTo("9");
        assertThat(orf.entries().getFirst().orfs().getFirst().modeName()).isEqualTo("5");
        assertThat(BgpRole.roleOf("Customer")).isEqualTo(3);
        assertThat(BgpRole.roleOf("boss")).isEqualTo(-1);
    }

    @Test
    void linkLocalNextHopIsSentWhileExaBgpEmptyCapabilitiesAreNot() {
        Open open = new Open(4, 65001, 90, IpAddress.parse("10.0.0.1"),
                List.of(new RouteRefresh(), new LinkLocalNextHop()));
        Bytes wire = MessageCodec.encode(open, Negotiated.standalone(65001, 65002, List.of()));
        // RFC 5492 §4: optional parameters length 4 = one parameter 02 02 holding capability 4D (77) with length 0;
        // route refresh (02 00) is dropped (wire.md §3.1 quirk)
        assertThat(MessageCodec.bodyOf(wire).hex()).isEqualTo("04" + "FDE9" + "005A" + "0A000001" + "04" + "02024D00");
    }

    @Test
    void constructorsRefuseValuesTheWireCannotCarry() {
        assertThatThrownBy(() -> new LongLivedGracefulRestart.Entry(
                        org.jexabgp.wire.Family.IPV4_UNICAST, 0, 1 << 24))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BgpRole(256)).isInstanceOf(IllegalArgumentException.class);
        WireWriter w = new WireWriter();
        new BgpRole(4).encodeValue(w);
        assertThat(w.toBytes().hex()).isEqualTo("04");
    }
}
