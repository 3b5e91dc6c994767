package org.jexabgp.wire.attribute;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.TestJsonSink;
import org.jexabgp.wire.Verdict;
import org.jexabgp.wire.WireWriter;
import org.jexabgp.wire.message.DecodedUpdate;
import org.jexabgp.wire.message.UpdateCodec;
import org.jexabgp.wire.nlri.inet.InetNlri;
import org.junit.jupiter.api.Test;

/**
 * Golden vectors, one per attribute: the TLV hex (flags, type, length, value) ↔ the value ↔ ExaBGP's JSON and text.
 * Bytes come from wire.md §6-§10 or are derived from the RFC layout named in each comment.
 */
class AttributeVectorsTest {
    static final Negotiated ASN4 =
            Negotiated.standalone(65001, 65002, List.of(Family.IPV4_UNICAST, Family.IPV6_UNICAST));
    static final Negotiated ASN2 = ASN4.withAsn4(false);

    /** Decodes one TLV through the UPDATE framework (an UPDATE with no NLRI around it). */
    static List<Attribute> decode(String tlvHex, Negotiated session) throws Malformed {
        DecodedUpdate d = UpdateCodec.decode(body(tlvHex).reader(), session);
        // an MP_REACH alone announces without ORIGIN/AS_PATH: RFC 7606 §3d, not this test's concern
        boolean announces = d.update().attributes().stream().anyMatch(a -> a instanceof MpReach);
        if (!announces) assertThat(d.verdict()).as("%s", d.problems()).isEqualTo(Verdict.ACCEPT);
        return d.update().attributes();
    }

    static Bytes body(String tlvHex) {
        Bytes tlv = Bytes.fromHex(tlvHex);
        return new WireWriter().u16(0).u16(tlv.length()).bytes(tlv).toBytes();
    }

    static String encode(Attribute a, Negotiated session) {
        WireWriter w = new WireWriter();
        Attributes.encode(a, w, session);
        return w.toBytes().hex();
    }

    static String json(Attribute a) {
        return TestJsonSink.object(a::json);
    }

    /** hex → value, value → hex, JSON and text. */
    static void vector(String hex, Attribute value, String json, String text, Negotiated session) throws Malformed {
        String clean = Bytes.fromHex(hex).hex();
        assertThat(decode(hex, session)).containsExactly(value);
        assertThat(encode(value, session)).isEqualTo(clean);
        assertThat(json(value)).isEqualTo(json);
        assertThat(value.text()).isEqualTo(text);
    }

    @Test
    void origin() throws Malformed {
        // RFC 4271 §5.1.1: 40 (well-known transitive) 01 len 1, value 0 IGP / 1 EGP / 2 INCOMPLETE
        vector("40 01 01 00", new Origin(Origin.IGP), "{\"origin\":\"igp\"}", "origin igp", ASN4);
        vector("40 01 01 01", new Origin(Origin.EGP), "{\"origin\":\"egp\"}", "origin egp", ASN4);
        vector("40 01 01 02", new Origin(2), "{\"origin\":\"incomplete\"}", "origin incomplete", ASN4);
    }

    @Test
    void asPathFourByte() throws Malformed {
        // wire.md §10 conf-ebgp: 40 02 06, segment 02 (AS_SEQUENCE) count 01, ASN 0000FFFD = 65533
        vector(
                "40 02 06 02 01 0000FFFD",
                AsPath.sequence(65533),
                "{\"as-path\":{\"0\":{\"element\":\"as-sequence\",\"value\":[65533]}}}",
                "as-path ( 65533 )",
                ASN4);
        // wire.md §10 conf-aggregator: 02 02 0000E1DD (57821) 00001B1B (6939)
        vector(
                "40 02 0A 02 02 0000E1DD 00001B1B",
                AsPath.sequence(57821, 6939),
                "{\"as-path\":{\"0\":{\"element\":\"as-sequence\",\"value\":[57821,6939]}}}",
                "as-path ( 57821 6939 )",
                ASN4);
        // wire.md §7: the iBGP default is the empty path 40 02 00
        // ExaBGP omits an empty AS_PATH from the JSON and the text (conformance decoding vector ipv4-unicast-1)
        vector("40 02 00", AsPath.EMPTY, "{}", "", ASN4);
    }

    @Test
    void asPathSetAndConfederation() throws Malformed {
        // RFC 4271 §4.3 type 1 AS_SET, RFC 5065 §3 type 3 AS_CONFED_SEQUENCE; JSON names per json.md J7
        AsPath p = new AsPath(List.of(
                new AsPath.Segment(AsPath.AS_CONFED_SEQUENCE, new long[] {64512}),
                AsPath.Segment.sequence(1),
                AsPath.Segment.set(2, 3)));
        vector(
                "40 02 16 03 01 0000FC00 02 01 00000001 01 02 00000002 00000003",
                p,
                "{\"as-path\":{\"0\":{\"element\":\"confed-sequence\",\"value\":[64512]},"
                        + "\"1\":{\"element\":\"as-sequence\",\"value\":[1]},"
                        + "\"2\":{\"element\":\"as-set\",\"value\":[2,3]}}}",
                "as-path {( 64512 )} ( 1 ) [ 2 3 ]",
                ASN4);
    }

    @Test
    void asPathTwoByteWithAs4Path() throws Malformed {
        // wire.md §7: without ASN4, 4200000000 (FA56EA00) becomes AS_TRANS 23456 (5BA0) and an AS4_PATH (C0 11)
        // follows at once with the real path; on receive the two merge back (RFC 6793 §4.2.3)
        AsPath p = AsPath.sequence(65001, 4200000000L);
        String hex = "40 02 06 02 02 FDE9 5BA0" + " C0 11 0A 02 02 0000FDE9 FA56EA00";
        assertThat(encode(p, ASN2)).isEqualTo(Bytes.fromHex(hex).hex());
        assertThat(decode(hex, ASN2)).containsExactly(p);
        // no 4-byte ASN: no AS4_PATH
        assertThat(encode(AsPath.sequence(65533), ASN2)).isEqualTo("40020402 01FFFD".replace(" ", ""));
    }

    @Test
    void asPathLongSegmentIsSplit() {
        // wire.md §7: a segment of more than 255 ASNs becomes several (count is one byte, RFC 4271 §4.3)
        long[] asns = new long[300];
        for (int i = 0; i < asns.length; i++) asns[i] = i + 1;
        String hex = encode(AsPath.sequence(asns), ASN4);
        // extended length: 2 + 255*4 + 2 + 45*4 = 1204 = 0x04B4
        assertThat(hex).startsWith("500204B402FF00000001");
        assertThat(hex).contains("022D0000" + "0100"); // second segment: 45 ASNs starting at 256 (0x100)
    }

    @Test
    void nextHopMedLocalPrefAtomic() throws Malformed {
        // wire.md §10 conf-ebgp NEXT_HOP 40 03 04 0A0001FE
        vector("40 03 04 0A0001FE", new NextHop(IpAddress.parse("10.0.1.254")), "{\"next-hop\":\"10.0.1.254\"}",
                "next-hop 10.0.1.254", ASN4);
        // wire.md §10 conf-split: 80 04 04 000000C8 (MED 200), 40 05 04 00000064 (LOCAL_PREF 100)
        vector("80 04 04 000000C8", new Med(200), "{\"med\":200}", "med 200", ASN4);
        vector("40 05 04 00000064", new LocalPref(100), "{\"local-preference\":100}", "local-preference 100", ASN4);
        // wire.md §10 conf-aggregator: 40 06 00
        vector("40 06 00", new AtomicAggregate(), "{\"atomic-aggregate\":true}", "atomic-aggregate", ASN4);
        // MED is 32 unsigned bits
        vector("80 04 04 FFFFFFFF", new Med(4294967295L), "{\"med\":4294967295}", "med 4294967295", ASN4);
    }

    @Test
    void aggregator() throws Malformed {
        // wire.md §10 conf-aggregator: C0 07 08 000046E0 (18144) DB76E1BD (219.118.225.189)
        vector(
                "C0 07 08 000046E0 DB76E1BD",
                new Aggregator(18144, IpAddress.parse("219.118.225.189")),
                "{\"aggregator\":\"18144:219.118.225.189\"}",
                "aggregator ( 18144:219.118.225.189 )",
                ASN4);
        // 2-byte session: 6 bytes (RFC 4271 §5.1.7)
        vector("C0 07 06 46E0 DB76E1BD", new Aggregator(18144, IpAddress.parse("219.118.225.189")),
                "{\"aggregator\":\"18144:219.118.225.189\"}", "aggregator ( 18144:219.118.225.189 )", ASN2);
        // wire.md §7: 4-byte ASN on a 2-byte session: C0 07 5BA0 <ip> then C0 12 <asn32> <ip>
        Aggregator big = new Aggregator(4200000000L, IpAddress.parse("1.2.3.4"));
        String hex = "C0 07 06 5BA0 01020304 C0 12 08 FA56EA00 01020304";
        assertThat(encode(big, ASN2)).isEqualTo(Bytes.fromHex(hex).hex());
        assertThat(decode(hex, ASN2)).containsExactly(big);
    }

    @Test
    void communities() throws Malformed {
        // wire.md §10 conf-split: C0 08 04 00AE029A = 174:666
        vector("C0 08 04 00AE029A", Communities.of(Community.of(174, 666)), "{\"community\":[[174,666]]}",
                "community 174:666", ASN4);
        // json.md §5.3 / §8 example; sorted by value on encode: FDEA0064 (65002:100) before FFFFFF01 (no-export)
        Communities two = Communities.of(Community.NO_EXPORT, Community.of(65002, 100));
        vector("C0 08 08 FDEA0064 FFFFFF01", two, "{\"community\":[[65002,100],[65535,65281]]}",
                "community [ 65002:100 no-export ]", ASN4);
        // received unsorted: the value compares equal to the sorted one
        assertThat(decode("C0 08 08 FFFFFF01 FDEA0064", ASN4)).containsExactly(two);
        assertThat(Community.parse("no_export")).isEqualTo(Community.NO_EXPORT);
        assertThat(Community.parse("65002:100").value()).isEqualTo(0xFDEA0064L);
    }

    @Test
    void originatorAndClusterList() throws Malformed {
        // RFC 4456 §8: ORIGINATOR_ID 80 09 04, CLUSTER_LIST 80 0A; json.md §5.3 example values
        vector("80 09 04 01010101", new OriginatorId(IpAddress.parse("1.1.1.1")), "{\"originator-id\":\"1.1.1.1\"}",
                "originator-id 1.1.1.1", ASN4);
        vector("80 0A 04 02020202", new ClusterList(List.of(IpAddress.parse("2.2.2.2"))),
                "{\"cluster-list\":[\"2.2.2.2\"]}", "cluster-list [ 2.2.2.2 ]", ASN4);
        // config order is kept (wire.md §6)
        vector("80 0A 08 03030303 02020202",
                new ClusterList(List.of(IpAddress.parse("3.3.3.3"), IpAddress.parse("2.2.2.2"))),
                "{\"cluster-list\":[\"3.3.3.3\",\"2.2.2.2\"]}", "cluster-list [ 3.3.3.3 2.2.2.2 ]", ASN4);
    }

    @Test
    void extendedCommunities() throws Malformed {
        // json.md §5.3: target:65002:1 = 0002 FDEA 00000001 = 842131417595905,
        // origin:1.2.3.4:5 = 0103 01020304 0005 = 72903127120216069 (wire.md §8 layouts)
        vector(
                "C0 10 10 0002FDEA00000001 0103010203040005",
                ExtendedCommunities.of(
                        new ExtendedCommunity(Bytes.fromHex("0103010203040005")), ExtendedCommunity.target(65002, 1)),
                "{\"extended-community\":[{\"value\":842131417595905,\"string\":\"target:65002:1\"},"
                        + "{\"value\":72903127120216069,\"string\":\"origin:1.2.3.4:5\"}]}",
                "extended-community [ target:65002:1 origin:1.2.3.4:5 ]",
                ASN4);
        // wire.md §10 conf-flow: 8006000000000000 rate 0 = discard; the value needs all 64 unsigned bits
        vector(
                "C0 10 08 8006000000000000",
                ExtendedCommunities.of(new ExtendedCommunity(Bytes.fromHex("8006000000000000"))),
                "{\"extended-community\":[{\"value\":9225060886715039744,\"string\":\"rate-limit:0\"}]}",
                "extended-community rate-limit:0",
                ASN4);
    }

    @Test
    void extendedCommunityTexts() {
        // wire.md §8 table
        assertThat(text("0002FDEA00000001")).isEqualTo("target:65002:1");
        assertThat(text("0102C0A800010064")).isEqualTo("target:192.168.0.1:100");
        assertThat(text("0202FA56EA000064")).isEqualTo("target:4200000000:100");
        assertThat(text("00030064000003E8")).isEqualTo("origin:100:0.0.3.232"); // the quirk: value as dotted quad
        assertThat(text("0203FA56EA000005")).isEqualTo("origin:4200000000:5");
        assertThat(text("8006FDEA47C35000")).isEqualTo("rate-limit:100000"); // float32 100000.0 = 47C35000
        assertThat(text("8008FDEA00000064")).isEqualTo("redirect:65002:100");
        assertThat(text("8208FA56EA000064")).isEqualTo("redirect:4200000000:100");
        assertThat(text("8007000000000003")).isEqualTo("action sample-terminal");
        assertThat(text("800900000000002E")).isEqualTo("mark 46");
        assertThat(text("0800000000000000")).isEqualTo("redirect-to-nexthop");
        assertThat(text("0800000000000001")).isEqualTo("copy-to-nexthop");
        assertThat(text("800A130005DC006F")).isEqualTo("l2info:19:0:1500:111"); // json.md §5.5 example
        // link bandwidth: ExaBGP prints raw (wire.md §8); we decode it (difference), 125000.0 = 47F42400
        assertThat(text("4004FDEA47F42400")).isEqualTo("bandwidth:65002:125000");
        assertThat(text("AB01020304050607")).isEqualTo("0xAB01020304050607");
    }

    private static String text(String hex) {
        return new ExtendedCommunity(Bytes.fromHex(hex)).text();
    }

    @Test
    void largeCommunities() throws Malformed {
        // RFC 8092 §3: C0 20, 12 bytes each; json.md §5.3 example [ [ 65002, 1 , 2 ] ]
        vector("C0 20 0C 0000FDEA 00000001 00000002", LargeCommunities.of(new LargeCommunity(65002, 1, 2)),
                "{\"large-community\":[[65002,1,2]]}", "large-community 65002:1:2", ASN4);
        // sorted and deduplicated (wire.md §13.10)
        LargeCommunities lc = LargeCommunities.of(
                new LargeCommunity(2, 0, 0), new LargeCommunity(1, 5, 5), new LargeCommunity(2, 0, 0));
        assertThat(lc.values()).containsExactly(new LargeCommunity(1, 5, 5), new LargeCommunity(2, 0, 0));
        assertThat(encode(lc, ASN4)).isEqualTo("C02018" + "000000010000000500000005" + "000000020000000000000000");
    }

    @Test
    void genericAttributes() throws Malformed {
        // json.md §5.5 / §8: an unknown optional transitive attribute is kept with the partial bit (C0 → E0)
        assertThat(decode("C0 63 04 01020304", ASN4))
                .containsExactly(new GenericAttribute(0x63, 0xE0, Bytes.fromHex("01020304")));
        GenericAttribute g = new GenericAttribute(0x63, 0xE0, Bytes.fromHex("01020304"));
        assertThat(json(g)).isEqualTo("{\"attribute-0x63-0xE0\":\"0x01020304\"}");
        assertThat(g.text()).isEqualTo("attribute [ 0x63 0xE0 0x01020304 ]");
        // unknown optional non-transitive: dropped (RFC 4271 §9)
        assertThat(decode("80 63 01 FF", ASN4)).isEmpty();
        // configured flags are sent exactly; the extended-length bit asks for a 2-byte length (wire.md §6)
        assertThat(encode(new GenericAttribute(0x63, 0xD0, Bytes.fromHex("01")), ASN4)).isEqualTo("D063000101");
        assertThat(encode(new GenericAttribute(0x63, 0xC0, Bytes.fromHex("01")), ASN4)).isEqualTo("C0630101");
    }

    @Test
    void extendedLengthOnlyAbove255() {
        // RFC 4271 §4.3: 0x10 flag and a 2-byte length once the value exceeds 255 bytes
        Community[] cs = new Community[64];
        for (int i = 0; i < cs.length; i++) cs[i] = new Community(i);
        assertThat(encode(Communities.of(cs), ASN4)).startsWith("D0080100");
        Community[] small = new Community[63];
        System.arraycopy(cs, 0, small, 0, 63);
        assertThat(encode(Communities.of(small), ASN4)).startsWith("C008FC");
        // an optional attribute with no value is not sent (wire.md §6)
        assertThat(encode(new Communities(List.of()), ASN4)).isEmpty();
    }

    @Test
    void mpReachAndUnreach() throws Malformed {
        // RFC 4760 §3: 80 0E len, AFI 0002 SAFI 01, next-hop length 10 + 2001:db8::1, reserved 00,
        // NLRI 30 (/48) 20010DB80001 → 2 + 1 + 1 + 16 + 1 + 7 = 28 = 1C
        String hex = "80 0E 1C 0002 01 10 20010DB8000000000000000000000001 00 30 20010DB80001";
        MpReach reach = new MpReach(
                Family.IPV6_UNICAST,
                List.of(IpAddress.parse("2001:db8::1")),
                List.of(InetNlri.of(Family.IPV6_UNICAST, "2001:db8:1::/48")));
        assertThat(decode(hex, ASN4)).containsExactly(reach);
        assertThat(encode(reach, ASN4)).isEqualTo(Bytes.fromHex(hex).hex());
        // wire.md §9.4 extended-nexthop: IPv4 unicast with a 16-byte next hop, NLRI 20 99999999 (/32)
        String v4 = "80 0E 1A 0001 01 10 20010DB8000000000000000000000001 00 20 99999999";
        MpReach reach4 = new MpReach(
                Family.IPV4_UNICAST,
                List.of(IpAddress.parse("2001:db8::1")),
                List.of(InetNlri.of(Family.IPV4_UNICAST, "153.153.153.153/32")));
        assertThat(decode(v4, ASN4)).containsExactly(reach4);
        assertThat(encode(reach4, ASN4)).isEqualTo(Bytes.fromHex(v4).hex());
        // wire.md §9.3 api-ipv6 withdraw: 80 0F 0C 0002 01 40 FC00000100000000 → fc00:1::/64
        String un = "80 0F 0C 0002 01 40 FC00000100000000";
        MpUnreach unreach = new MpUnreach(Family.IPV6_UNICAST, List.of(InetNlri.of(Family.IPV6_UNICAST, "fc00:1::/64")));
        assertThat(decode(un, ASN4)).containsExactly(unreach);
        assertThat(encode(unreach, ASN4)).isEqualTo(Bytes.fromHex(un).hex());
        // wire.md §9.5: the End-of-RIB MP_UNREACH always uses the extended length
        assertThat(encode(MpUnreach.endOfRib(Family.IPV6_UNICAST), ASN4)).isEqualTo("900F0003000201");
    }

    @Test
    void mpReachLinkLocalPair() throws Malformed {
        // RFC 2545 §3: a 32-byte next hop is global + link-local
        String hex = "80 0E 2C 0002 01 20 20010DB8000000000000000000000001 FE800000000000000000000000000001 00"
                + " 30 20010DB80001";
        MpReach r = (MpReach) decode(hex, ASN4).getFirst();
        assertThat(r.nextHops()).extracting(IpAddress::toString).containsExactly("2001:db8::1", "fe80::1");
        assertThat(encode(r, ASN4)).isEqualTo(Bytes.fromHex(hex).hex());
    }
}
