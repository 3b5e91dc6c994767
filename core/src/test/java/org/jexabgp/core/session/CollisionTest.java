package org.jexabgp.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.jexabgp.wire.IpAddress;
import org.junit.jupiter.api.Test;

/** RFC 4271 §6.8 collision resolution: reading the identifier of a held connection's OPEN and comparing. */
class CollisionTest {
    private static final String MARKER = "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF";
    /** An OPEN: version 4, AS 65002, hold 180, BGP identifier 10.0.0.9, no parameters. */
    private static final String OPEN = MARKER + "001D01" + "04FDEA00B40A00000900";

    @Test
    void theIdentifierIsReadOnceItsFourBytesArrived() {
        byte[] b = HexFormat.of().parseHex(OPEN);
        assertThat(Collision.openIdentifier(b, 27)).isEqualTo(-1);
        assertThat(Collision.openIdentifier(b, 28)).isEqualTo(0x0A000009L);
        assertThat(Collision.notAnOpen(b, b.length)).isFalse();
    }

    @Test
    void aKeepaliveFirstIsNotAnOpen() {
        byte[] b = HexFormat.of().parseHex(MARKER + "001304" + "0000000000000000000000");
        assertThat(Collision.openIdentifier(b, b.length)).isEqualTo(-1);
        assertThat(Collision.notAnOpen(b, b.length)).isTrue();
        assertThat(Collision.notAnOpen(b, 10)).isFalse();
    }

    @Test
    void theHigherIdentifierWinsComparedUnsigned() {
        IpAddress ours = IpAddress.parse("10.0.0.1");
        assertThat(Collision.peerConnectionWins(0x0A000009L, 65002, ours, 65001)).isTrue();
        assertThat(Collision.peerConnectionWins(0x01010101L, 65002, ours, 65001)).isFalse();
        // 200.0.0.1 is above 10.0.0.1 as unsigned 32-bit numbers (a signed compare would get this wrong)
        assertThat(Collision.peerConnectionWins(0xC8000001L, 1, ours, 2)).isTrue();
        assertThat(Collision.peerConnectionWins(0x0A000001L, 1, IpAddress.parse("200.0.0.1"), 2)).isFalse();
    }

    @Test
    void equalIdentifiersAreBrokenByTheLargerAsNumber() {
        IpAddress ours = IpAddress.parse("10.0.0.1");
        assertThat(Collision.peerConnectionWins(0x0A000001L, 65002, ours, 65001)).isTrue();
        assertThat(Collision.peerConnectionWins(0x0A000001L, 65000, ours, 65001)).isFalse();
    }
}
