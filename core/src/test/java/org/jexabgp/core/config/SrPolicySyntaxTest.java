package org.jexabgp.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.jexabgp.core.model.Route;
import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.WireWriter;
import org.jexabgp.wire.attribute.Attribute;
import org.jexabgp.wire.attribute.AttributeCode;
import org.jexabgp.wire.attribute.Attributes;
import org.jexabgp.wire.attribute.GenericAttribute;
import org.jexabgp.wire.nlri.srpolicy.SrPolicy;
import org.jexabgp.wire.nlri.srpolicy.SrPolicyFamily;
import org.junit.jupiter.api.Test;

/** docs/sr-policy.md: sr-policy routes and the tunnel-encap attribute, in files and API commands alike. */
class SrPolicySyntaxTest {
    private static final Negotiated SESSION = Negotiated.standalone(1, 1, List.of(Family.IPV4_UNICAST));

    private static final String TERMS = "distinguisher 1 color 100 endpoint 10.0.0.1 next-hop 192.0.2.1 preference 200"
            + " binding-sid 24000 segment-list [ weight 1 label [ 16001 16002 ] ]"
            + " segment-list [ weight 2 label [ 16003 ] ]";

    // RFC 9830 §2.4 (the same bytes as TunnelEncapTest.SR_POLICY_VALUE): C0 17 44, tunnel 000F length 0040,
    // preference 200, binding SID 24000 << 12, segment lists (weight 1: 16001, 16002) and (weight 2: 16003)
    static final String TUNNEL = "C01744000F0040" + "0C060000000000C8" + "0D06000005DC0000"
            + "8000190009060000000000010106000003E810000106000003E82000"
            + "8000110009060000000000020106000003E83000";

    private static String encode(Attribute a) {
        WireWriter w = new WireWriter();
        Attributes.encode(a, w, SESSION);
        return w.toBytes().hex();
    }

    private static Attribute tunnel(Route r) {
        return r.attributes().get(AttributeCode.TUNNEL_ENCAP);
    }

    @Test
    void fileAndApiAgree() throws ConfigError {
        List<Route> file = ConfigurationSyntaxTest.neighbor(
                        "family { ipv4 sr-policy; }\nannounce { ipv4 { sr-policy " + TERMS + "; } }")
                .routes();
        List<Route> api = RouteSyntax.parseApiRoute("ipv4 sr-policy " + TERMS);
        assertThat(file).isEqualTo(api).hasSize(1);
        Route r = api.getFirst();
        assertThat(r.nlri()).isEqualTo(new SrPolicy(SrPolicyFamily.IPV4, 1, 100, IpAddress.parse("10.0.0.1")));
        assertThat(r.nextHop()).isEqualTo(IpAddress.parse("192.0.2.1"));
        assertThat(encode(tunnel(r))).isEqualTo(TUNNEL);
    }

    @Test
    void ipv6AndSrv6Terms() throws ConfigError {
        Route r = RouteSyntax.parseApiRoute("ipv6 sr-policy distinguisher 2 color 200 endpoint 2001:db8::2 next-hop"
                        + " 2001:db8::ff priority 5 enlp 1 srv6-binding-sid 2001:db8::1"
                        + " segment-list [ sid [ 2001:db8:1:: 2001:db8:2:: ] ] policy-name pol")
                .getFirst();
        assertThat(r.nlri()).isEqualTo(new SrPolicy(SrPolicyFamily.IPV6, 2, 200, IpAddress.parse("2001:db8::2")));
        // C0 17 55: tunnel 000F length 0x51 (4 + 5 + 20 + 44 + 8): priority 0F02 0500, ENLP 0E03 000001, SRv6 BSID 1412 0000 <sid>,
        // segment list 800029 00 + two type B (0D12 0000 <sid>), policy name 820005 0000 "pol"
        assertThat(encode(tunnel(r)))
                .isEqualTo(Bytes.fromHex("C01755 000F0051 0F020500 0E03000001"
                                + "14120000 20010DB8000000000000000000000001"
                                + "800029 00 0D120000 20010DB8000100000000000000000000"
                                + "0D120000 20010DB8000200000000000000000000"
                                + "820005 0000 706F6C")
                        .hex());
    }

    @Test
    void withdrawNeedsOnlyTheNlri() throws ConfigError {
        Route w = RouteSyntax.parseApiRoute("ipv4 sr-policy distinguisher 1 color 100 endpoint 10.0.0.1", true)
                .getFirst();
        assertThat(w.nlri()).isEqualTo(new SrPolicy(SrPolicyFamily.IPV4, 1, 100, IpAddress.parse("10.0.0.1")));
        assertThat(w.nextHop()).isEqualTo(IpAddress.V4_ZERO);
        assertThat(w.attributes().isEmpty()).isTrue();
    }

    @Test
    void tunnelEncapOnAnyRoute() throws ConfigError {
        Route r = RouteSyntax.parseApiRoute("route 10.0.0.0/24 next-hop 192.0.2.1 tunnel-encap [ vxlan color 100"
                        + " udp-port 4789 endpoint 192.0.2.1 ] [ 99 sub-tlv 200 0xAABBCC sub-tlv 77 0x01 ]")
                .getFirst();
        // TunnelEncapTest.VXLAN_VALUE without the encapsulation sub-TLV: 0008 length 001A (10 + 4 + 12), then 99
        assertThat(encode(tunnel(r)))
                .isEqualTo(Bytes.fromHex("C0172B 0008001A 0408030B000000000064 080212B5 060A000000000001C0000201"
                                + "00630009 C80003AABBCC 4D0101")
                        .hex());
        // the text form parses back to the same attribute
        String text = tunnel(r).text();
        Route again = RouteSyntax.parseApiRoute("route 10.0.0.0/24 next-hop 192.0.2.1 " + text).getFirst();
        assertThat(tunnel(again)).isEqualTo(tunnel(r));
    }

    @Test
    void genericAttribute23IsSentVerbatim() throws ConfigError {
        Route r = RouteSyntax.parseApiRoute("route 10.0.0.0/24 next-hop 192.0.2.1 attribute [ 0x17 0xC0 0x00080000 ]")
                .getFirst();
        assertThat(tunnel(r)).isEqualTo(new GenericAttribute(0x17, 0xC0, Bytes.fromHex("00080000")));
        assertThat(encode(tunnel(r))).isEqualTo("C0170400080000");
        // and an sr-policy route may carry its tunnel that way instead of with terms
        Route p = RouteSyntax.parseApiRoute("ipv4 sr-policy distinguisher 1 color 1 endpoint 10.0.0.1 next-hop 1.2.3.4"
                        + " attribute [ 0x17 0xC0 0x000F0000 ]")
                .getFirst();
        assertThat(encode(tunnel(p))).isEqualTo("C01704000F0000");
    }

    @Test
    void errors() {
        assertThatThrownBy(() -> RouteSyntax.parseApiRoute("ipv4 sr-policy color 1 endpoint 10.0.0.1 next-hop 1.2.3.4"))
                .isInstanceOf(ConfigError.class)
                .hasMessageContaining("distinguisher");
        assertThatThrownBy(() -> RouteSyntax.parseApiRoute("ipv4 sr-policy distinguisher 1 color 1 endpoint 10.0.0.1"))
                .isInstanceOf(ConfigError.class)
                .hasMessageContaining("next-hop");
        // RFC 9830 §2.1: the endpoint has the family's AFI
        assertThatThrownBy(() -> RouteSyntax.parseApiRoute(
                        "ipv4 sr-policy distinguisher 1 color 1 endpoint 2001:db8::1 next-hop 1.2.3.4"))
                .isInstanceOf(ConfigError.class);
        assertThatThrownBy(() -> RouteSyntax.parseApiRoute(
                        "ipv4 sr-policy distinguisher 1 color 1 endpoint 10.0.0.1 next-hop 1.2.3.4 binding-sid 2000000"))
                .isInstanceOf(ConfigError.class);
        assertThatThrownBy(() -> RouteSyntax.parseApiRoute(
                        "ipv4 sr-policy distinguisher 1 color 1 endpoint 10.0.0.1 next-hop 1.2.3.4 segment-list [ foo ]"))
                .isInstanceOf(ConfigError.class);
        assertThatThrownBy(() -> RouteSyntax.parseApiRoute(
                        "ipv4 sr-policy distinguisher 1 color 1 endpoint 10.0.0.1 next-hop 1.2.3.4 label 5"))
                .isInstanceOf(ConfigError.class);
        assertThatThrownBy(() -> RouteSyntax.parseApiRoute("route 10.0.0.0/24 next-hop 1.2.3.4 tunnel-encap [ vxlan"))
                .isInstanceOf(ConfigError.class);
        assertThatThrownBy(() -> RouteSyntax.parseApiRoute(
                        "route 10.0.0.0/24 next-hop 1.2.3.4 tunnel-encap [ vxlan sub-tlv 1 0x" + "00".repeat(256) + " ]"))
                .isInstanceOf(ConfigError.class);
    }

    @Test
    void familyBlockNamesSrPolicyButAllDoesNot() throws ConfigError {
        assertThat(ConfigurationSyntaxTest.neighbor("family { ipv6 sr-policy; }").families())
                .containsExactly(SrPolicyFamily.IPV6);
        assertThat(NeighborSyntax.ALL_FAMILIES).doesNotContain(SrPolicyFamily.IPV4, SrPolicyFamily.IPV6);
    }
}
