package org.jexabgp.wire.nlri.vpls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.TestJsonSink;
import org.jexabgp.wire.WireWriter;
import org.jexabgp.wire.nlri.RouteDistinguisher;
import org.junit.jupiter.api.Test;

class VplsTest {
    private static final Negotiated SESSION = Negotiated.standalone(1, 1, List.of(VplsFamily.FAMILY));

    /** wire.md §5 VPLS row (conf-l2vpn): rd 192.168.201.1:123 endpoint 5 offset 1 size 8 base 10702. */
    private static final String GOLDEN = "0011" // length 17 (RFC 4761 §3.2.2)
            + "0001C0A8C901007B" // RD type 1: 192.168.201.1 : 123
            + "0005" // VE ID (endpoint) 5
            + "0001" // VE block offset 1
            + "0008" // VE block size 8
            + "029CE1"; // label base 10702 << 4 | bottom of stack = 0x029CE1

    @Test
    void goldenDecodesEncodesAndRenders() throws Malformed {
        Vpls v = (Vpls) Vpls.CODEC.decode(Bytes.fromHex(GOLDEN).reader(), VplsFamily.FAMILY, 0, SESSION);
        assertThat(v).isEqualTo(new Vpls(RouteDistinguisher.parse("192.168.201.1:123"), 5, 1, 8, 10702));
        WireWriter w = new WireWriter();
        v.encode(w, true); // never a path id for VPLS
        assertThat(w.toBytes().hex()).isEqualTo(GOLDEN);
        assertThat(TestJsonSink.object(s -> v.json(s, false)))
                .isEqualTo("{{\"rd\":\"192.168.201.1:123\",\"endpoint\":5,\"base\":10702,\"offset\":1,\"size\":8}}");
        assertThat(v.text()).isEqualTo("vpls rd 192.168.201.1:123 endpoint 5 base 10702 offset 1 size 8");
    }

    @Test
    void shortLengthIsMalformed() {
        assertThatThrownBy(() -> Vpls.CODEC.decode(Bytes.fromHex("0010" + GOLDEN.substring(4, 36)).reader(),
                        VplsFamily.FAMILY, 0, SESSION))
                .isInstanceOf(Malformed.class);
        assertThatThrownBy(() -> Vpls.CODEC.decode(Bytes.fromHex(GOLDEN.substring(0, 20)).reader(),
                        VplsFamily.FAMILY, 0, SESSION))
                .isInstanceOf(Malformed.class);
    }

    @Test
    void roundTrip() throws Malformed {
        long seed = Long.getLong("jexabgp.seed", System.nanoTime());
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < 500; i++) {
            Vpls v = new Vpls(RouteDistinguisher.type0(r.nextInt(0x10000), r.nextLong(0x1_0000_0000L)),
                    r.nextInt(0x10000), r.nextInt(0x10000), r.nextInt(0x10000), r.nextInt(0x100000));
            WireWriter w = new WireWriter();
            v.encode(w, false);
            assertThat(w.length()).as("seed %d", seed).isEqualTo(19);
            assertThat(Vpls.CODEC.decode(w.toBytes().reader(), VplsFamily.FAMILY, 0, SESSION))
                    .as("seed %d", seed)
                    .isEqualTo(v);
        }
    }
}
