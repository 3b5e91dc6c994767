package org.jexabgp.wire.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.SplittableRandom;
import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.TestJsonSink;
import org.junit.jupiter.api.Test;

/** OPERATIONAL (type 6) bodies, wire.md §11 and draft-ietf-idr-operational-message; JSON json.md §5.9, text §8. */
class OperationalTest {
    private static final String MARKER = "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF";

    private static String hex(Bytes b) {
        return b.hex().toUpperCase(java.util.Locale.ROOT);
    }

    @Test
    void asmAdvisory() throws Malformed {
        OperationalContent asm = new OperationalContent.Advisory(OperationalType.ASM, Family.IPV4_UNICAST, "hi");
        // 0002 ASM | 0005 length: AFI(2)+SAFI(1)+"hi"(2) | 0001 ipv4 | 01 unicast | 6869 "hi"
        assertThat(hex(asm.encode())).isEqualTo("0002" + "0005" + "0001" + "01" + "6869");
        // the whole message: marker, length 19 + 9 = 28 (0x1C), type 6 (wire.md §11)
        Bytes wire = MessageCodec.encode(Operational.of(asm), Negotiated.standalone(1, 2, java.util.List.of()));
        assertThat(hex(wire)).isEqualTo(MARKER + "001C" + "06" + "000200050001016869");
        assertThat(OperationalContent.decode(asm.encode())).isEqualTo(asm);
        assertThat(TestJsonSink.object(asm::json))
                .isEqualTo("{\"operational\":{\"name\":\"ASM\",\"afi\":\"ipv4\",\"safi\":\"unicast\",\"advisory\":\"hi\"}}");
        assertThat(asm.text()).isEqualTo("ASM afi ipv4 safi unicast advisory \"hi\"");
    }

    @Test
    void queryAndReply() throws Malformed {
        IpAddress id = IpAddress.parse("10.0.0.1");
        OperationalContent q = new OperationalContent.Query(OperationalType.RPCQ, Family.IPV6_UNICAST, id, 7);
        // 0003 RPCQ | 000B = 3 + router-id 4 + sequence 4 | 0002 ipv6 | 01 | 0A000001 | 00000007
        assertThat(hex(q.encode())).isEqualTo("0003000B" + "000201" + "0A000001" + "00000007");
        OperationalContent r = new OperationalContent.Reply(OperationalType.LPCP, Family.IPV4_UNICAST, id, 7, 99);
        // 0008 LPCP | 000F = 3 + 4 + 4 + counter 4 | … | 00000063 = 99
        assertThat(hex(r.encode())).isEqualTo("0008000F" + "000101" + "0A000001" + "00000007" + "00000063");
        assertThat(OperationalContent.decode(q.encode())).isEqualTo(q);
        assertThat(OperationalContent.decode(r.encode())).isEqualTo(r);
        assertThat(TestJsonSink.object(r::json)).isEqualTo("{\"operational\":{\"name\":\"LPCP\",\"afi\":\"ipv4\","
                + "\"safi\":\"unicast\",\"router-id\":\"10.0.0.1\",\"sequence\":7,\"counter\":99}}");
        assertThat(q.text()).isEqualTo("RPCQ afi ipv6 safi unicast router-id 10.0.0.1 sequence 7");
    }

    @Test
    void badBodiesAreMalformedAndShownRaw() {
        for (String h : new String[] {
            "", // nothing: not even the type
            "0002", // type without length
            "00020004000101", // length says 4, 3 bytes follow
            "00090003000101", // type 9 is not one of ExaBGP's eight
            "000300070001010A000001", // RPCQ without its sequence
            "0004000B0001010A00000100000007", // RPCP without its counter
            "0003000C0001010A0000010000000700" // RPCQ with one byte too many
        }) {
            Bytes body = Bytes.of(HexFormat.of().parseHex(h));
            assertThatThrownBy(() -> OperationalContent.decode(body)).as(h).isInstanceOf(Malformed.class);
            assertThat(new Operational(body).content()).as(h).isNull();
        }
    }

    @Test
    void validation() {
        IpAddress v6 = IpAddress.parse("2001:db8::1");
        assertThatThrownBy(() -> new OperationalContent.Query(OperationalType.RPCQ, Family.IPV4_UNICAST, v6, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OperationalContent.Advisory(OperationalType.ASM, Family.IPV4_UNICAST, "x".repeat(2049)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OperationalContent.Advisory(OperationalType.RPCQ, Family.IPV4_UNICAST, "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void roundTrip() throws Malformed {
        long seed = System.nanoTime();
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < 2000; i++) {
            OperationalContent c = OperationalGenerators.content(random);
            assertThat(OperationalContent.decode(c.encode())).as("seed %d", seed).isEqualTo(c);
        }
    }
}
