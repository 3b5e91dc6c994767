package org.jexabgp.wire.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.TestJsonSink;
import org.jexabgp.wire.Verdict;
import org.jexabgp.wire.WireWriter;
import org.jexabgp.wire.attribute.Aggregator;
import org.jexabgp.wire.attribute.AsPath;
import org.jexabgp.wire.attribute.Attribute;
import org.jexabgp.wire.attribute.AtomicAggregate;
import org.jexabgp.wire.attribute.LocalPref;
import org.jexabgp.wire.attribute.Med;
import org.jexabgp.wire.attribute.MpReach;
import org.jexabgp.wire.attribute.MpUnreach;
import org.jexabgp.wire.attribute.NextHop;
import org.jexabgp.wire.attribute.Origin;
import org.jexabgp.wire.nlri.Nlri;
import org.jexabgp.wire.nlri.inet.InetNlri;
import org.junit.jupiter.api.Test;

class UpdateCodecTest {
    static final Negotiated ASN4 = Negotiated.standalone(
            65001, 65002, List.of(Family.IPV4_UNICAST, Family.IPV6_UNICAST, Family.IPV4_MULTICAST));
    static final Negotiated ASN2 = ASN4.withAsn4(false);

    static final String ORIGIN = "40 01 01 00";
    static final String AS_PATH = "40 02 06 02 01 0000FFFD";
    static final String NEXT_HOP = "40 03 04 0A0001FE";

    static DecodedUpdate decode(String bodyHex, Negotiated session) throws Malformed {
        return UpdateCodec.decode(Bytes.fromHex(bodyHex).reader(), session);
    }

    /** An UPDATE body with no withdrawn routes, the given attributes and NLRI. */
    static String body(String attributes, String nlri) {
        Bytes a = Bytes.fromHex(attributes);
        return new WireWriter().u16(0).u16(a.length()).bytes(a).bytes(Bytes.fromHex(nlri)).toBytes().hex();
    }

    static InetNlri v4(String p) {
        return InetNlri.of(Family.IPV4_UNICAST, p);
    }

    @Test
    void confEbgp() throws Malformed {
        // wire.md §10 conf-ebgp (after the 19-byte header 002F 02): W=∅, ORIGIN IGP, AS_PATH [65533],
        // NEXT_HOP 10.0.1.254, NLRI 10.0.0.0/24; attribute length 4 + 9 + 7 = 0x14
        String hex = "0000 0014 40010100 40020602010000FFFD 4003040A0001FE 180A0000";
        DecodedUpdate d = decode(hex, ASN4);
        Update u = d.update();
        assertThat(d.verdict()).isEqualTo(Verdict.ACCEPT);
        assertThat(u.withdrawn()).isEmpty();
        assertThat(u.attributes())
                .containsExactly(
                        new Origin(0), AsPath.sequence(65533), new NextHop(IpAddress.parse("10.0.1.254")));
        assertThat(u.announced()).containsExactly(v4("10.0.0.0/24"));
        assertThat(UpdateCodec.encode(u, ASN4).hex()).isEqualTo(Bytes.fromHex(hex).hex());
        // json.md §5.3 views
        assertThat(u.nextHop()).isEqualTo(IpAddress.parse("10.0.1.254"));
        assertThat(u.announcements())
                .containsExactly(new Update.Announcement(Family.IPV4_UNICAST, "10.0.1.254", List.of(v4("10.0.0.0/24"))));
        assertThat(u.pathAttributes()).containsExactly(new Origin(0), AsPath.sequence(65533));
        assertThat(u.endOfRib()).isNull();
        assertThat(TestJsonSink.object(s -> u.pathAttributes().forEach(a -> a.json(s))))
                .isEqualTo("{\"origin\":\"igp\",\"as-path\":{\"0\":{\"element\":\"as-sequence\",\"value\":[65533]}}}");
    }

    @Test
    void confAggregator() throws Malformed {
        // wire.md §10 conf-aggregator: ORIGIN, AS_PATH 02 02 0000E1DD 00001B1B, NEXT_HOP (10.0.0.1, ours),
        // LOCAL_PREF (100, ours), 40 06 00, C0 07 08 000046E0 DB76E1BD, NLRI 12 010040
        String attrs = ORIGIN + " 40020A02020000E1DD00001B1B 4003040A000001 40050400000064 400600"
                + " C00708000046E0DB76E1BD";
        String hex = body(attrs, "12010040");
        Update u = decode(hex, ASN4).update();
        assertThat(u.attributes())
                .containsExactly(
                        new Origin(0),
                        AsPath.sequence(57821, 6939),
                        new NextHop(IpAddress.parse("10.0.0.1")),
                        new LocalPref(100),
                        new AtomicAggregate(),
                        new Aggregator(18144, IpAddress.parse("219.118.225.189")));
        assertThat(u.announced()).containsExactly(v4("1.0.64.0/18"));
        assertThat(UpdateCodec.encode(u, ASN4).hex()).isEqualTo(Bytes.fromHex(hex).hex());
    }

    @Test
    void pathAttributesAreInCodeOrder() throws Malformed {
        // json.md §5.5: keys in ascending attribute code, whatever the received order
        Update u = decode(body("80040400000005 " + AS_PATH + " " + ORIGIN + " " + NEXT_HOP, "180A0000"), ASN4)
                .update();
        assertThat(u.pathAttributes()).extracting(a -> a.code().value()).containsExactly(1, 2, 4);
    }

    @Test
    void endOfRib() throws Malformed {
        // wire.md §9.5
        assertThat(UpdateCodec.encodeEndOfRib(Family.IPV4_UNICAST).hex()).isEqualTo("00000000");
        assertThat(UpdateCodec.encodeEndOfRib(Family.of(25, 65)).hex()).isEqualTo("0000000790" + "0F0003001941");
        assertThat(UpdateCodec.encodeEndOfRib(Family.IPV6_UNICAST).hex()).isEqualTo("00000007900F0003000201");
        assertThat(decode("00000000", ASN4).update().endOfRib()).isEqualTo(Family.IPV4_UNICAST);
        assertThat(decode("00000007900F0003000201", ASN4).update().endOfRib()).isEqualTo(Family.IPV6_UNICAST);
        // the non-extended form is an EOR too
        assertThat(decode("00000006800F03000201", ASN4).update().endOfRib()).isEqualTo(Family.IPV6_UNICAST);
        assertThat(UpdateCodec.encode(Update.endOfRib(Family.IPV6_UNICAST), ASN4))
                .isEqualTo(UpdateCodec.encodeEndOfRib(Family.IPV6_UNICAST));
        // a withdrawal is not an EOR
        assertThat(decode("0004 18010100 0000", ASN4).update().endOfRib()).isNull();
    }

    @Test
    void pureWithdrawal() throws Malformed {
        // wire.md §9.3 api-add-remove: 0004 18010100 0000
        Update u = decode("0004 18010100 0000", ASN4).update();
        assertThat(u.withdrawals()).containsExactly(new Update.Withdrawal(Family.IPV4_UNICAST, List.of(v4("1.1.0.0/24"))));
        assertThat(u.attributes()).isEmpty();
        // wire.md §9.3 api-ipv6: MP_UNREACH only
        Update v6 = decode("0000 000F 800F0C 000201 40FC000001000000 00", ASN4).update();
        assertThat(v6.withdrawals())
                .containsExactly(new Update.Withdrawal(
                        Family.IPV6_UNICAST, List.of(InetNlri.of(Family.IPV6_UNICAST, "fc00:1::/64"))));
        assertThat(v6.announcements()).isEmpty();
        assertThat(v6.pathAttributes()).isEmpty();
    }

    @Test
    void announcementsGroupByFamilyAndNextHop() throws Malformed {
        // classic IPv4 first, then MP_REACH; a flow-like empty next hop is "no-nexthop"
        String mp = "80 0E 1C 0002 01 10 20010DB8000000000000000000000001 00 30 20010DB80001";
        Update u = decode(body(ORIGIN + AS_PATH + NEXT_HOP + mp, "180A0000"), ASN4).update();
        assertThat(u.announcements())
                .containsExactly(
                        new Update.Announcement(Family.IPV4_UNICAST, "10.0.1.254", List.of(v4("10.0.0.0/24"))),
                        new Update.Announcement(
                                Family.IPV6_UNICAST,
                                "2001:db8::1",
                                List.of(InetNlri.of(Family.IPV6_UNICAST, "2001:db8:1::/48"))));
        Update none = new Update(List.of(), List.of(new MpReach(Family.IPV4_MULTICAST, List.of(),
                List.of(InetNlri.of(Family.IPV4_MULTICAST, "224.0.0.0/4")))), List.of());
        assertThat(none.announcements().getFirst().nextHop()).isEqualTo("no-nexthop");
    }

    @Test
    void addPathOnClassicNlri() throws Malformed {
        // RFC 7911 §3: path id first; wire.md §5 conf-path-information 00000001 20 0A00000A
        Negotiated ap = ASN4.withAddPath(Set.of(Family.IPV4_UNICAST), Set.of(Family.IPV4_UNICAST));
        String hex = body(ORIGIN + AS_PATH + NEXT_HOP, "00000001 20 0A00000A");
        Update u = decode(hex, ap).update();
        assertThat(u.announced()).extracting(Nlri::pathId).containsExactly(1L);
        assertThat(UpdateCodec.encode(u, ap).hex()).isEqualTo(Bytes.fromHex(hex).hex());
    }

    // ---- RFC 7606 verdicts, one per rule ----

    @Test
    void badOriginIsTreatAsWithdraw() throws Malformed {
        // RFC 7606 §7.1: ORIGIN value 3 is undefined
        DecodedUpdate d = decode(body("40 01 01 03" + AS_PATH + NEXT_HOP, "180A0000"), ASN4);
        assertThat(d.verdict()).isEqualTo(Verdict.TREAT_AS_WITHDRAW);
        assertThat(d.problems()).isNotEmpty();
        Update e = d.effective();
        assertThat(e.announced()).isEmpty();
        assertThat(e.withdrawn()).containsExactly(v4("10.0.0.0/24"));
        assertThat(e.withdrawals()).hasSize(1);
    }

    @Test
    void treatAsWithdrawTurnsMpReachIntoMpUnreach() throws Malformed {
        String mp = "80 0E 1C 0002 01 10 20010DB8000000000000000000000001 00 30 20010DB80001";
        DecodedUpdate d = decode(body("40 01 02 0000" + AS_PATH + mp, ""), ASN4); // ORIGIN length 2: §7.1
        assertThat(d.verdict()).isEqualTo(Verdict.TREAT_AS_WITHDRAW);
        assertThat(d.effective().attributes())
                .containsExactly(AsPath.sequence(65533), new MpUnreach(
                        Family.IPV6_UNICAST, List.of(InetNlri.of(Family.IPV6_UNICAST, "2001:db8:1::/48"))));
        assertThat(d.effective().announcements()).isEmpty();
    }

    @Test
    void treatAsWithdrawSet() throws Malformed {
        // RFC 7606 §7.2 AS_PATH (zero-length segment), §7.3 NEXT_HOP length, §7.4 MED, §7.5 LOCAL_PREF,
        // RFC 8092 §6 LARGE_COMMUNITY, §7.8 COMMUNITY, §7.14 EXT_COMMUNITY, §7.9 ORIGINATOR_ID, §7.10 CLUSTER_LIST
        for (String bad : List.of(
                ORIGIN + "40 02 02 0200" + NEXT_HOP,
                ORIGIN + AS_PATH + "40 03 03 0A0001",
                ORIGIN + AS_PATH + NEXT_HOP + "80 04 03 000001",
                ORIGIN + AS_PATH + NEXT_HOP + "40 05 05 0000000001",
                ORIGIN + AS_PATH + NEXT_HOP + "C0 20 0B 0000000100000002000000",
                ORIGIN + AS_PATH + NEXT_HOP + "C0 08 03 000001",
                ORIGIN + AS_PATH + NEXT_HOP + "C0 10 07 00020001000000",
                ORIGIN + AS_PATH + NEXT_HOP + "80 09 03 010101",
                ORIGIN + AS_PATH + NEXT_HOP + "80 0A 05 0101010101")) {
            DecodedUpdate d = decode(body(bad, "180A0000"), ASN4);
            assertThat(d.verdict()).as(bad).isEqualTo(Verdict.TREAT_AS_WITHDRAW);
        }
    }

    @Test
    void discardSet() throws Malformed {
        // RFC 7606 §7.6 ATOMIC_AGGREGATE with a value, §7.7 AGGREGATOR of the wrong length: attribute discard
        for (String bad : List.of("40 06 01 00", "C0 07 06 0000FDE9 0101")) {
            DecodedUpdate d = decode(body(ORIGIN + AS_PATH + NEXT_HOP + bad, "180A0000"), ASN4);
            assertThat(d.verdict()).as(bad).isEqualTo(Verdict.DISCARD_ATTRIBUTE);
            assertThat(d.update().attributes()).hasSize(3);
            assertThat(d.effective().announced()).containsExactly(v4("10.0.0.0/24"));
        }
    }

    @Test
    void flagConflictIsMalformed() throws Malformed {
        // RFC 7606 §3c: ORIGIN sent as optional (C0) conflicts with well-known → its treatment (treat-as-withdraw)
        assertThat(decode(body("C0 01 01 00" + AS_PATH + NEXT_HOP, "180A0000"), ASN4).verdict())
                .isEqualTo(Verdict.TREAT_AS_WITHDRAW);
        // the partial bit alone is no conflict
        assertThat(decode(body(ORIGIN + AS_PATH + NEXT_HOP + "E0 08 04 00010001", "180A0000"), ASN4).verdict())
                .isEqualTo(Verdict.ACCEPT);
    }

    @Test
    void missingMandatoryAttributes() throws Malformed {
        // RFC 7606 §3d: ORIGIN, AS_PATH (and NEXT_HOP with classic NLRI, RFC 4271 §5) missing → treat-as-withdraw
        assertThat(decode(body(AS_PATH + NEXT_HOP, "180A0000"), ASN4).verdict()).isEqualTo(Verdict.TREAT_AS_WITHDRAW);
        assertThat(decode(body(ORIGIN + NEXT_HOP, "180A0000"), ASN4).verdict()).isEqualTo(Verdict.TREAT_AS_WITHDRAW);
        assertThat(decode(body(ORIGIN + AS_PATH, "180A0000"), ASN4).verdict()).isEqualTo(Verdict.TREAT_AS_WITHDRAW);
        // RFC 4760 §3: MP-only announcements need no NEXT_HOP
        String mp = "80 0E 1C 0002 01 10 20010DB8000000000000000000000001 00 30 20010DB80001";
        assertThat(decode(body(ORIGIN + AS_PATH + mp, ""), ASN4).verdict()).isEqualTo(Verdict.ACCEPT);
        // nothing announced: nothing is mandatory
        assertThat(decode("0004 18010100 0000", ASN4).verdict()).isEqualTo(Verdict.ACCEPT);
    }

    @Test
    void duplicatesKeepTheFirst() throws Malformed {
        // RFC 7606 §3g
        DecodedUpdate d = decode(body(ORIGIN + AS_PATH + NEXT_HOP + "80040400000001 80040400000002", "180A0000"), ASN4);
        assertThat(d.verdict()).isEqualTo(Verdict.ACCEPT);
        assertThat(d.update().find(Med.class)).isEqualTo(new Med(1));
        assertThat(d.problems()).hasSize(1);
    }

    @Test
    void duplicateMpAttributeResets() {
        // RFC 7606 §3g: MP_REACH/MP_UNREACH twice → session reset (3/1)
        String un = "80 0F 03 000201";
        assertThatThrownBy(() -> decode(body(un + un, ""), ASN4))
                .isInstanceOfSatisfying(Malformed.class, m -> assertThat(m.subcode()).isEqualTo(1));
    }

    @Test
    void zeroLengthAttribute() throws Malformed {
        // wire.md §12: zero length other than AS_PATH / ATOMIC_AGGREGATE → treat-as-withdraw
        assertThat(decode(body(ORIGIN + AS_PATH + NEXT_HOP + "80 04 00", "180A0000"), ASN4).verdict())
                .isEqualTo(Verdict.TREAT_AS_WITHDRAW);
    }

    @Test
    void attributeOverrunIsTreatAsWithdraw() throws Malformed {
        // RFC 7606 §4: an attribute length running past the path attributes → treat-as-withdraw
        DecodedUpdate d = decode(body(ORIGIN + AS_PATH + NEXT_HOP + "80 04 08 00000001", "180A0000"), ASN4);
        assertThat(d.verdict()).isEqualTo(Verdict.TREAT_AS_WITHDRAW);
        // ... but with no NLRI to locate (an MP attribute may be lost) the session resets (RFC 7606 §5.2)
        assertThatThrownBy(() -> decode(body("80 04 08 00000001", ""), ASN4)).isInstanceOf(Malformed.class);
    }

    @Test
    void lengthFieldsOverrunningTheMessageReset() {
        // RFC 7606 §3a/3b, RFC 4271 §6.3 Malformed Attribute List (3/1)
        assertThatThrownBy(() -> decode("0005 18010100 0000", ASN4))
                .isInstanceOfSatisfying(Malformed.class, m -> assertThat(m.code() * 10 + m.subcode()).isEqualTo(31));
        assertThatThrownBy(() -> decode("0000 0005 40010100", ASN4))
                .isInstanceOfSatisfying(Malformed.class, m -> assertThat(m.code() * 10 + m.subcode()).isEqualTo(31));
        assertThatThrownBy(() -> decode("00", ASN4)).isInstanceOf(Malformed.class);
    }

    @Test
    void badNlriResets() {
        // RFC 7606 §5.3: NLRI that cannot be parsed → session reset; /33 is an invalid network field (3/10)
        assertThatThrownBy(() -> decode(body(ORIGIN + AS_PATH + NEXT_HOP, "21 0A000000 00"), ASN4))
                .isInstanceOfSatisfying(Malformed.class, m -> assertThat(m.subcode()).isEqualTo(10));
        assertThatThrownBy(() -> decode(body(ORIGIN + AS_PATH + NEXT_HOP, "18 0A00"), ASN4))
                .isInstanceOf(Malformed.class);
        // MP_REACH NLRI overrun (RFC 7606 §7.11)
        assertThatThrownBy(() -> decode(body(ORIGIN + AS_PATH + "80 0E 09 0002 01 00 00 30 2001", ""), ASN4))
                .isInstanceOf(Malformed.class);
    }

    @Test
    void mpFamilyNotNegotiatedIsNotification30() {
        // wire.md §3.3: MP_REACH/MP_UNREACH of a family not negotiated → NOTIFICATION 3/0
        Negotiated v4only = Negotiated.standalone(1, 2, List.of(Family.IPV4_UNICAST));
        assertThatThrownBy(() -> decode("00000007900F0003000201", v4only))
                .isInstanceOfSatisfying(Malformed.class, m -> {
                    assertThat(m.code()).isEqualTo(3);
                    assertThat(m.subcode()).isEqualTo(0);
                });
    }

    @Test
    void unknownWellKnownAttributeResets() {
        // RFC 4271 §6.3: Unrecognized Well-known Attribute (3/2), data = the attribute
        assertThatThrownBy(() -> decode(body(ORIGIN + AS_PATH + NEXT_HOP + "40 63 01 00", "180A0000"), ASN4))
                .isInstanceOfSatisfying(Malformed.class, m -> assertThat(m.subcode()).isEqualTo(2));
    }

    // ---- RFC 6793 AS4 merge ----

    @Test
    void as4PathIsMerged() throws Malformed {
        // RFC 6793 §4.2.3: AS_PATH [65001 23456 23456] + AS4_PATH [4200000000 4200000001]
        // → keep 3 - 2 = 1 leading ASN of AS_PATH, then AS4_PATH
        String attrs = ORIGIN + "40 02 08 02 03 FDE9 5BA0 5BA0" + " C0 11 0A 02 02 FA56EA00 FA56EA01" + NEXT_HOP;
        DecodedUpdate d = decode(body(attrs, "180A0000"), ASN2);
        assertThat(d.verdict()).isEqualTo(Verdict.ACCEPT);
        AsPath p = d.update().find(AsPath.class);
        assertThat(p.segments())
                .containsExactly(AsPath.Segment.sequence(65001), AsPath.Segment.sequence(4200000000L, 4200000001L));
        assertThat(d.update().attributes()).extracting(Attribute::code).extracting(c -> c.value())
                .containsExactly(1, 2, 3);
    }

    @Test
    void longerAs4PathIsIgnored() throws Malformed {
        // RFC 6793 §4.2.3: an AS4_PATH longer than AS_PATH is ignored
        String attrs = ORIGIN + "40 02 04 02 01 5BA0" + " C0 11 0A 02 02 FA56EA00 FA56EA01" + NEXT_HOP;
        AsPath p = decode(body(attrs, "180A0000"), ASN2).update().find(AsPath.class);
        assertThat(p).isEqualTo(AsPath.sequence(23456));
    }

    @Test
    void aggregatorWithoutAsTransDisablesTheMerge() throws Malformed {
        // RFC 6793 §4.2.3: AGGREGATOR not AS_TRANS → AS4_PATH and AS4_AGGREGATOR ignored
        String attrs = ORIGIN + "40 02 04 02 01 5BA0" + " C0 11 06 02 01 FA56EA00" + NEXT_HOP
                + " C0 07 06 FDE9 01020304" + " C0 12 08 FA56EA00 01020304";
        Update u = decode(body(attrs, "180A0000"), ASN2).update();
        assertThat(u.find(AsPath.class)).isEqualTo(AsPath.sequence(23456));
        assertThat(u.find(Aggregator.class)).isEqualTo(new Aggregator(65001, IpAddress.parse("1.2.3.4")));
    }

    @Test
    void as4AttributesFromA4ByteSpeakerAreDropped() throws Malformed {
        // RFC 6793 §4.1: a NEW speaker does not send AS4_PATH to a NEW speaker; ignore it
        String attrs = ORIGIN + AS_PATH + " C0 11 06 02 01 FA56EA00" + NEXT_HOP;
        Update u = decode(body(attrs, "180A0000"), ASN4).update();
        assertThat(u.find(AsPath.class)).isEqualTo(AsPath.sequence(65533));
        assertThat(u.attributes()).hasSize(3);
    }
}
