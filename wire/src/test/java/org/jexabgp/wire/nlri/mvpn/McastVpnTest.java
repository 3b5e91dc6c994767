package org.jexabgp.wire.nlri.mvpn;

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
import org.jexabgp.wire.nlri.RouteDistinguisher;
import org.junit.jupiter.api.Test;

class McastVpnTest {
    private static final Negotiated SESSION =
            Negotiated.standalone(1, 1, List.of(McastVpnFamily.IPV4, McastVpnFamily.IPV6));
    private static final RouteDistinguisher RD = RouteDistinguisher.parse("65000:99999");

    /** json.md §5.6 example, RFC 6514 §4.5 layout. */
    private static final String SOURCE_AD = "05" // route type 5: Source Active A-D
            + "12" // length 18
            + "0000FDE80001869F" // RD type 0 65000:99999
            + "20" + "0A630C04" // source /32 10.99.12.4
            + "20" + "EFFBFFE4"; // group /32 239.251.255.228

    /** RFC 6514 §4.6, wire.md §10 conf-mvpn: shared-join rp 10.99.199.1, source-as 65000. */
    private static final String SHARED_JOIN = "06" + "16" // type 6, length 22
            + "0000FDE80001869F" // RD
            + "0000FDE8" // source AS 65000
            + "20" + "0A63C701" // rp /32 10.99.199.1
            + "20" + "EFFBFFE4"; // group

    private static Nlri decode(String hex, Family f) throws Malformed {
        return McastVpn.CODEC.decode(Bytes.fromHex(hex).reader(), f, 0, SESSION);
    }

    private static String encode(Nlri n) {
        WireWriter w = new WireWriter();
        n.encode(w, false);
        return w.toBytes().hex();
    }

    @Test
    void sourceAd() throws Malformed {
        Nlri n = decode(SOURCE_AD, McastVpnFamily.IPV4);
        assertThat(n).isEqualTo(new McastVpnSourceAd(McastVpnFamily.IPV4, RD, IpAddress.parse("10.99.12.4"),
                IpAddress.parse("239.251.255.228")));
        assertThat(encode(n)).isEqualTo(SOURCE_AD);
        assertThat(TestJsonSink.object(s -> n.json(s, false)))
                .isEqualTo("{{\"code\":5,\"parsed\":true,\"raw\":\"" + SOURCE_AD + "\",\"name\":\"Source Active A-D Route\","
                        + "\"rd\":\"65000:99999\",\"source\":\"10.99.12.4\",\"group\":\"239.251.255.228\"}}");
    }

    @Test
    void sharedJoinAndSourceJoin() throws Malformed {
        Nlri n = decode(SHARED_JOIN, McastVpnFamily.IPV4);
        assertThat(n).isEqualTo(new McastVpnJoin(McastVpnFamily.IPV4, 6, RD, 65000, IpAddress.parse("10.99.199.1"),
                IpAddress.parse("239.251.255.228")));
        assertThat(encode(n)).isEqualTo(SHARED_JOIN);
        assertThat(n.text())
                .isEqualTo("mcast-vpn shared-join rp 10.99.199.1 group 239.251.255.228 rd 65000:99999 source-as 65000");
        String sourceJoin = "07" + SHARED_JOIN.substring(2);
        assertThat(((McastVpnJoin) decode(sourceJoin, McastVpnFamily.IPV4)).sharedTree()).isFalse();
    }

    @Test
    void ipv6SourceAd() throws Malformed {
        // conf-mvpn: type 5, length 42 = RD 8 + 1 + 16 + 1 + 16
        String hex = "052A" + "0000FDE80001869F" + "80" + "FD120000000000000000000000000004" // source /128
                + "80" + "FF0E0000000000000000000000000001"; // group /128 ff0e::1
        Nlri n = decode(hex, McastVpnFamily.IPV6);
        assertThat(((McastVpnSourceAd) n).source()).isEqualTo(IpAddress.parse("fd12::4"));
        assertThat(encode(n)).isEqualTo(hex);
    }

    @Test
    void otherTypesAreOpaqueAndBadLengthsMalformed() throws Malformed {
        Nlri n = decode("0103AABBCC", McastVpnFamily.IPV4);
        assertThat(n).isEqualTo(new McastVpnOpaque(McastVpnFamily.IPV4, 1, Bytes.fromHex("AABBCC")));
        assertThat(encode(n)).isEqualTo("0103AABBCC");
        // an IPv6 source length inside ipv4 mcast-vpn
        assertThatThrownBy(() -> decode("05120000FDE80001869F800A630C0420EFFBFFE4", McastVpnFamily.IPV4))
                .isInstanceOf(Malformed.class);
        // length past the end
        assertThatThrownBy(() -> decode("0513" + SOURCE_AD.substring(4), McastVpnFamily.IPV4))
                .isInstanceOf(Malformed.class);
    }

    @Test
    void roundTrip() throws Malformed {
        long seed = Long.getLong("jexabgp.seed", System.nanoTime());
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < 500; i++) {
            boolean v6 = r.nextBoolean();
            Family f = v6 ? McastVpnFamily.IPV6 : McastVpnFamily.IPV4;
            RouteDistinguisher rd = RouteDistinguisher.type2(r.nextLong(0x1_0000_0000L), r.nextInt(0x10000));
            McastVpn n = switch (r.nextInt(3)) {
                case 0 -> new McastVpnSourceAd(f, rd, address(r, v6), address(r, v6));
                case 1 -> new McastVpnJoin(f, 6 + r.nextInt(2), rd, r.nextLong(0x1_0000_0000L), address(r, v6),
                        address(r, v6));
                default -> new McastVpnOpaque(f, r.nextInt(5), Bytes.of(new byte[r.nextInt(30)]));
            };
            assertThat(decode(encode(n), f)).as("seed %d", seed).isEqualTo(n);
        }
    }

    private static IpAddress address(SplittableRandom r, boolean v6) {
        byte[] b = new byte[v6 ? 16 : 4];
        r.nextBytes(b);
        return IpAddress.of(b);
    }
}
