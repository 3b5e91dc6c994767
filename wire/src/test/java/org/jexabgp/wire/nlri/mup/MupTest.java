package org.jexabgp.wire.nlri.mup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.TestJsonSink;
import org.jexabgp.wire.WireWriter;
import org.jexabgp.wire.nlri.Nlri;
import org.jexabgp.wire.nlri.Prefix;
import org.jexabgp.wire.nlri.RouteDistinguisher;
import org.junit.jupiter.api.Test;

class MupTest {
    private static final Negotiated SESSION = Negotiated.standalone(1, 1, List.of(MupFamily.IPV4, MupFamily.IPV6));
    private static final RouteDistinguisher RD = RouteDistinguisher.parse("100:100");

    private static Nlri decode(String hex, Family f) throws Malformed {
        return Mup.CODEC.decode(Bytes.fromHex(hex).reader(), f, 0, SESSION);
    }

    private static String encode(Nlri n) {
        WireWriter w = new WireWriter();
        n.encode(w, false);
        return w.toBytes().hex();
    }

    private static void golden(String hex, Family f, Nlri expected) throws Malformed {
        Nlri n = decode(hex, f);
        assertThat(n).isEqualTo(expected);
        assertThat(encode(n)).isEqualTo(hex);
    }

    @Test
    void isdGoldenAndJson() throws Malformed {
        // json.md §5.6: arch 1, type 0001 ISD, length 12, RD 100:100, /24, 10.0.1
        String hex = "01" + "0001" + "0C" + "0000006400000064" + "18" + "0A0001";
        Nlri n = decode(hex, MupFamily.IPV4);
        golden(hex, MupFamily.IPV4, new MupIsd(MupFamily.IPV4, RD, Prefix.parse("10.0.1.0/24")));
        assertThat(TestJsonSink.object(s -> n.json(s, false)))
                .isEqualTo("{{\"name\":\"InterworkSegmentDiscoveryRoute\",\"arch\":1,\"code\":1,\"prefix_ip_len\":24,"
                        + "\"prefix_ip\":\"10.0.1.0\",\"rd\":\"100:100\",\"raw\":\"" + hex + "\"}}");
    }

    @Test
    void dsdAndT1stGolden() throws Malformed {
        // conf-srv6-mup: DSD 10.0.0.1
        golden("0100020C00000064000000640A000001", MupFamily.IPV4,
                new MupDsd(MupFamily.IPV4, RD, IpAddress.parse("10.0.0.1")));
        // T1ST: RD, /32 192.168.0.1, TEID 12345, QFI 9, endpoint /32 10.0.0.1
        golden("010003170000006400000064" + "20C0A80001" + "00003039" + "09" + "200A000001", MupFamily.IPV4,
                new MupT1st(MupFamily.IPV4, RD, Prefix.parse("192.168.0.1/32"), 12345, 9,
                        IpAddress.parse("10.0.0.1"), null));
        // conf-srv6-mup-v3: with source /32 10.0.1.1
        golden("0100031C0000006400000064" + "20C0A80002" + "00003039" + "09" + "200A000001" + "200A000101",
                MupFamily.IPV4, new MupT1st(MupFamily.IPV4, RD, Prefix.parse("192.168.0.2/32"), 12345, 9,
                        IpAddress.parse("10.0.0.1"), IpAddress.parse("10.0.1.1")));
    }

    @Test
    void t2stSendsTheLastTeidBytes() throws Malformed {
        // wire.md §5: length in bits = 32 + teid bits; then the last ceil(bits/8) bytes of the 4-byte TEID
        golden("010004110000006400000064" + "40" + "0A000001" + "00003039", MupFamily.IPV4,
                new MupT2st(MupFamily.IPV4, RD, IpAddress.parse("10.0.0.1"), 12345, 32));
        golden("010004100000006400000064" + "37" + "0A000001" + "003039", MupFamily.IPV4,
                new MupT2st(MupFamily.IPV4, RD, IpAddress.parse("10.0.0.1"), 12345, 23));
        golden("0100040D0000006400000064" + "20" + "0A000001", MupFamily.IPV4,
                new MupT2st(MupFamily.IPV4, RD, IpAddress.parse("10.0.0.1"), 0, 0));
        assertThatThrownBy(() -> new MupT2st(MupFamily.IPV4, RD, IpAddress.parse("10.0.0.1"), 12345, 8))
                .isInstanceOf(IllegalArgumentException.class);
        // endpoint length below the address size
        assertThatThrownBy(() -> decode("0100040D0000006400000064" + "1F" + "0A000001", MupFamily.IPV4))
                .isInstanceOf(Malformed.class);
    }

    @Test
    void unknownTypesAreOpaque() throws Malformed {
        golden("010009020102", MupFamily.IPV6, new MupOpaque(MupFamily.IPV6, 1, 9, Bytes.fromHex("0102")));
        golden("020001020102", MupFamily.IPV6, new MupOpaque(MupFamily.IPV6, 2, 1, Bytes.fromHex("0102")));
    }

    @Test
    void roundTrip() throws Malformed {
        long seed = Long.getLong("jexabgp.seed", System.nanoTime());
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < 1000; i++) {
            boolean v6 = r.nextBoolean();
            Family f = v6 ? MupFamily.IPV6 : MupFamily.IPV4;
            RouteDistinguisher rd = RouteDistinguisher.type0(r.nextInt(0x10000), r.nextLong(0x1_0000_0000L));
            Mup n = switch (r.nextInt(5)) {
                case 0 -> new MupIsd(f, rd, prefix(r, v6));
                case 1 -> new MupDsd(f, rd, address(r, v6));
                case 2 -> new MupT1st(f, rd, prefix(r, v6), r.nextLong(0x1_0000_0000L), r.nextInt(256),
                        address(r, r.nextBoolean()), r.nextBoolean() ? null : address(r, r.nextBoolean()));
                case 3 -> {
                    int bits = r.nextInt(33);
                    yield new MupT2st(f, rd, address(r, v6), bits == 0 ? 0 : r.nextLong(1L << bits), bits);
                }
                default -> new MupOpaque(f, 2 + r.nextInt(5), r.nextInt(0x10000), Bytes.of(new byte[r.nextInt(9)]));
            };
            assertThat(decode(encode(n), f)).as("seed %d", seed).isEqualTo(n);
        }
    }

    private static IpAddress address(SplittableRandom r, boolean v6) {
        byte[] b = new byte[v6 ? 16 : 4];
        r.nextBytes(b);
        return IpAddress.of(b);
    }

    /** A prefix with its host bits cleared, as the decoder reads them back. */
    private static Prefix prefix(SplittableRandom r, boolean v6) {
        byte[] b = new byte[v6 ? 16 : 4];
        int len = r.nextInt(b.length * 8 + 1);
        r.nextBytes(b);
        for (int bit = len; bit < b.length * 8; bit++) b[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        return new Prefix(IpAddress.of(b), len);
    }
}
