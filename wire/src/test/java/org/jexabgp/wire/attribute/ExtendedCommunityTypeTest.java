package org.jexabgp.wire.attribute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.Generators;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.RoundTrip;
import org.jexabgp.wire.message.Update;
import org.junit.jupiter.api.Test;

/**
 * The extended-community registry (wire.md §8): rows are unique and looked up by {@code (type & 0x0F, subtype)} as
 * ExaBGP's; unknown types stay raw. The per-row vectors are the golden files {@code extended-community/<id>.golden}.
 */
class ExtendedCommunityTypeTest {
    private static String text(String hex) {
        return new ExtendedCommunity(Bytes.fromHex(hex)).text();
    }

    @Test
    void rowsAreUniqueAndFoundById() {
        Set<String> ids = new HashSet<>();
        for (ExtendedCommunityType t : ExtendedCommunityType.ALL) {
            assertThat(ids.add(t.id())).as("duplicate %s", t.id()).isTrue();
            assertThat(ExtendedCommunityType.byId(t.id())).isSameAs(t);
        }
        assertThat(ids).contains("0002", "0102", "0202", "0600", "8006", "4004", "030c", "0314", "0601", "0603");
    }

    @Test
    void unknownTypesStayRaw() {
        // RFC 4360 §2: unknown is data; 00 05 (unassigned 2-octet AS subtype) and 0F 0F print as 0x<hex>
        assertThat(text("0005000100000002")).isEqualTo("0x0005000100000002");
        assertThat(text("0F0F000000000000")).isEqualTo("0x0F0F000000000000");
        assertThat(new ExtendedCommunity(Bytes.fromHex("0005000100000002")).kind()).isNull();
    }

    @Test
    void nonTransitiveVariantsShareTheRow() {
        // wire.md §8: keyed by type & 0x0F; 0x43 0C is the non-transitive twin of the encapsulation community
        assertThat(text("430C000000000008")).isEqualTo("encap:VXLAN");
        assertThat(text("4013FDEA00000001")).isEqualTo("rtrecord:65002:1");
    }

    @Test
    void rateAndBandwidthFloats() {
        // IEEE-754 float32: 0x3FC00000 = 1.5, 0x7F800000 = +infinity
        assertThat(text("800600003FC00000")).isEqualTo("rate-limit:1.5");
        assertThat(text("4004000A7F800000")).isEqualTo("bandwidth:10:Infinity");
    }

    @Test
    void ipv6EntriesText() {
        // RFC 5701 §2: type, subtype, IPv6, local; 000C with copy bit 1 is the copy form
        Bytes copy = Bytes.fromHex("000C20010DB8000000000000000000000001" + "0001");
        Bytes unknown = Bytes.fromHex("00FF20010DB8000000000000000000000001" + "0001");
        assertThat(Ipv6ExtendedCommunities.text(copy)).isEqualTo("copy-to-nexthop-ietf 2001:db8::1");
        assertThat(Ipv6ExtendedCommunities.text(unknown)).isEqualTo("0x" + unknown.hex());
    }

    @Test
    void lengthNotAMultipleOfEightIsMalformed() {
        // RFC 7606 §7.14: EXTENDED_COMMUNITIES of 7 bytes → treat-as-withdraw
        Negotiated s = Negotiated.standalone(65001, 65002, Generators.FAMILIES);
        assertThatThrownBy(() -> RoundTrip.decodeAttribute(Bytes.fromHex("C010070002FDEA000000").reader(), s))
                .isInstanceOf(Malformed.class);
        assertThatThrownBy(() -> RoundTrip.decodeAttribute(Bytes.fromHex("C01913" + "00".repeat(19)).reader(), s))
                .isInstanceOf(Malformed.class);
    }

    @Test
    void globalAndLinkLocalNextHopDecodeAndPrintBoth() throws Malformed {
        // RFC 2545 §3: next-hop length 32 = global 2001:db8::1 then link-local fe80::1; json.md: the NLRIs are listed
        // under each address, as ExaBGP does
        String mp = "800E2C" + "0002" + "01" + "20" + "20010DB8000000000000000000000001"
                + "FE800000000000000000000000000001" + "00" + "30" + "20010DB80001";
        Negotiated s = Negotiated.standalone(65001, 65002, List.of(Family.IPV6_UNICAST));
        MpReach r = (MpReach) RoundTrip.decodeAttribute(Bytes.fromHex(mp).reader(), s);
        assertThat(r.nextHops()).containsExactly(IpAddress.parse("2001:db8::1"), IpAddress.parse("fe80::1"));
        Update u = new Update(List.of(), List.of(r), List.of());
        assertThat(u.announcements())
                .extracting(Update.Announcement::nextHop)
                .containsExactly("2001:db8::1", "fe80::1");
        // draft-ietf-idr-linklocal-capability: a link-local address alone is a 16-byte next hop
        String alone = "800E1C" + "0002" + "01" + "10" + "FE800000000000000000000000000001" + "00" + "30"
                + "20010DB80001";
        MpReach l = (MpReach) RoundTrip.decodeAttribute(Bytes.fromHex(alone).reader(), s);
        assertThat(l.nextHops()).containsExactly(IpAddress.parse("fe80::1"));
    }
}
