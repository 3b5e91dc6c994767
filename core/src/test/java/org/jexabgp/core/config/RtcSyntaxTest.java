package org.jexabgp.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import org.jexabgp.core.model.Route;
import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.TestJsonSink;
import org.jexabgp.wire.WireWriter;
import org.jexabgp.wire.nlri.rtc.Rtc;
import org.jexabgp.wire.nlri.rtc.RtcGenerators;
import org.junit.jupiter.api.Test;

/** The RTC route syntax (docs/evpn.md, an extension): config and API alike, every membership form, refused forms. */
class RtcSyntaxTest {
    private static Route api(String text, boolean withdraw) throws ConfigError {
        List<Route> r = RouteSyntax.parseApiRoute(text, withdraw);
        assertThat(r).hasSize(1);
        return r.getFirst();
    }

    private static String hex(Route r) {
        WireWriter w = new WireWriter();
        r.nlri().encode(w, false);
        return w.toBytes().hex();
    }

    @Test
    void membershipFormsEncodeAsRfc4684Lays() throws ConfigError {
        // RFC 4684 §4: length in bits, origin AS, route target (RFC 4360 §4: 0x0002 AS2 target 65000:100)
        Route full = api("rtc origin 65000 route-target target:65000:100 next-hop 1.1.1.1", false);
        assertThat(hex(full)).isEqualTo("60" + "0000FDE8" + "0002FDE800000064");
        assertThat(full.family()).isEqualTo(Rtc.IPV4_RTC);
        assertThat(full.nextHop()).isEqualTo(IpAddress.parse("1.1.1.1"));
        assertThat(api("rtc origin 65000 rt target:65000:100 next-hop 1.1.1.1", false)).isEqualTo(full);
        assertThat(api("ipv4 rtc origin 65000 route-target target:65000:100 next-hop 1.1.1.1", false)).isEqualTo(full);
        assertThat(ConfigurationSyntaxTest.neighbor(
                        "announce {\n ipv4 {\n rtc origin 65000 route-target target:65000:100 next-hop 1.1.1.1;\n }\n}")
                .routes()).containsExactly(full);
        // an IPv4-address route target (type 0x01) and a 4-octet AS one (type 0x02, RFC 5668 §2)
        assertThat(hex(api("rtc origin 1 route-target target:1.2.3.4:5 next-hop 1.1.1.1", false)))
                .isEqualTo("60" + "00000001" + "0102" + "01020304" + "0005");
        assertThat(hex(api("rtc wildcard next-hop 1.1.1.1", false))).isEqualTo("00");
        assertThat(hex(api("rtc origin 0 route-target null next-hop 1.1.1.1", false))).isEqualTo("00");
        assertThat(hex(api("rtc origin 65000 next-hop 1.1.1.1", false))).isEqualTo("20" + "0000FDE8");
        assertThat(hex(api("rtc origin 65000 prefix-length 48 route-target-prefix 0x0002 next-hop 1.1.1.1", false)))
                .isEqualTo("30" + "0000FDE8" + "0002");
        // JSON members of a partial membership, null route target included
        assertThat(hex(api("rtc origin 65000 route-target null prefix-length 40 route-target-prefix 0x00"
                        + " next-hop 1.1.1.1", false)))
                .isEqualTo("28" + "0000FDE8" + "00");
        // a withdrawal needs no next hop
        assertThat(api("rtc origin 65000 route-target target:65000:100", true).nextHop())
                .isEqualTo(IpAddress.V4_ZERO);
    }

    @Test
    void refusedForms() {
        refused("rtc route-target target:65000:100 next-hop 1.1.1.1", "origin");
        refused("rtc origin 65000 route-target target:65000:100", "next-hop");
        refused("rtc wildcard origin 65000 next-hop 1.1.1.1", "rtc wildcard alone");
        refused("rtc origin 65000 route-target origin:65000:100 next-hop 1.1.1.1", "a route target (target:…)");
        refused("rtc origin 65000 prefix-length 97 next-hop 1.1.1.1", "a prefix length (32..96)");
        refused("rtc origin 65000 prefix-length 48 route-target-prefix 0x00 next-hop 1.1.1.1",
                "a route-target-prefix of 2 bytes for prefix-length 48");
        refused("rtc origin 65000 prefix-length 44 route-target-prefix 0x0001 next-hop 1.1.1.1",
                "a route-target-prefix of 2 bytes for prefix-length 44");
        refused("rtc origin 65000 prefix-length 48 route-target target:1:1 next-hop 1.1.1.1",
                "route-target or prefix-length, not both");
        refused("rtc origin 65000 route-target-prefix 0002 prefix-length 48 next-hop 1.1.1.1",
                "0x and the route target's leading bytes");
        refused("rtc origin 65000 label 5 next-hop 1.1.1.1", "an rtc field or attribute");
        refused("ipv6 rtc origin 65000 next-hop 1.1.1.1", "a safi (unicast, multicast, ...)");
    }

    private static void refused(String command, String expected) {
        assertThatThrownBy(() -> api(command, false))
                .as(command)
                .isInstanceOfSatisfying(ConfigError.class, e -> assertThat(e.expected()).isEqualTo(expected));
    }

    @Test
    void familyBlockMayNameIpv4Rtc() throws ConfigError {
        assertThat(ConfigurationSyntaxTest.neighbor("family {\n ipv4 rtc;\n}\n announce {\n ipv4 {\n"
                        + " rtc wildcard next-hop 1.1.1.1;\n }\n}")
                .families()).contains(Rtc.IPV4_RTC);
    }

    /** docs/evpn.md: the received JSON members, written {@code key value}, give the same membership back. */
    @Test
    void receivedJsonTurnsBackIntoTheCommand() throws ConfigError {
        long seed = Long.getLong("jexabgp.seed", System.nanoTime());
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < 300; i++) {
            Rtc n = RtcGenerators.rtc(r);
            // a route target whose type the text form cannot name prints as hex; those come back only via raw bytes
            if (n.bits() == 96 && !isTarget(n)) continue;
            TestJsonSink s = new TestJsonSink();
            n.json(s, false);
            String command = "rtc " + EvpnSyntaxTest.JsonWords.words(s.toString(), List.of()) + " next-hop 1.1.1.1";
            assertThat(api(command, false).nlri()).as("seed %d: %s", seed, command).isEqualTo(n);
        }
    }

    /**
     * A route target whose text form reads back as itself: the 2-octet AS and IPv4 types. A 4-octet AS one (type 02)
     * prints as {@code target:<asn>:<n>}, which ExaBGP's syntax reads as the IPv4 type when the AS is over 65535 and as
     * the 2-octet AS type otherwise (config.md §12.1), so it comes back otherwise.
     */
    private static boolean isTarget(Rtc n) {
        Bytes p = n.prefix();
        return p.u8(5) == 0x02 && p.u8(4) <= 1;
    }
}
