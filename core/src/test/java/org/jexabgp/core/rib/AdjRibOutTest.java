package org.jexabgp.core.rib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jexabgp.core.rib.RibFixtures.community;
import static org.jexabgp.core.rib.RibFixtures.hex;
import static org.jexabgp.core.rib.RibFixtures.ibgp;
import static org.jexabgp.core.rib.RibFixtures.localPref;
import static org.jexabgp.core.rib.RibFixtures.med;
import static org.jexabgp.core.rib.RibFixtures.message;
import static org.jexabgp.core.rib.RibFixtures.route;
import static org.jexabgp.core.rib.RibFixtures.session;
import static org.jexabgp.core.rib.RibFixtures.v4;
import static org.jexabgp.core.rib.RibFixtures.v6;

import java.util.List;
import java.util.Set;
import org.jexabgp.core.model.Route;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.nlri.Prefix;
import org.junit.jupiter.api.Test;

/**
 * Golden UPDATEs derived by hand from wire.md §9–§10 and RFC 4271 §4.3 / RFC 4760. Each expected message is written
 * {@code length type | withdrawn-length withdrawn | attribute-length attributes | NLRI}, after the 16-byte marker.
 */
class AdjRibOutTest {
    private static final PackingOptions GROUP = PackingOptions.DEFAULT;
    private static final PackingOptions NO_GROUP = new PackingOptions(false);

    @Test
    void ebgpDefaultsHaveLocalAsPathAndNoLocalPref() {
        // conf-ebgp (wire.md §10): local-as 65533, peer 65000, 10.0.0.0/24 next-hop 10.0.1.254
        AdjRibOut rib = new AdjRibOut();
        rib.announce(route(v4("10.0.0.0/24"), "10.0.1.254"));
        List<byte[]> out = rib.drain(session(65533, 65000, Family.IPV4_UNICAST), GROUP, true);
        assertThat(hex(out))
                .containsExactly(message("002F 02" // 47 bytes, UPDATE
                        + " 0000" // no withdrawn routes
                        + " 0014" // 20 bytes of attributes
                        + " 40 01 01 00" // ORIGIN IGP (default)
                        + " 40 02 06 02 01 0000FFFD" // AS_PATH: AS_SEQUENCE of one 4-byte ASN, the local AS
                        + " 40 03 04 0A0001FE" // NEXT_HOP 10.0.1.254
                        + " 18 0A0000")); // 10.0.0.0/24
    }

    @Test
    void bulkAnnouncementsHoldTheirPathsUntilWithdrawnAndDrained() {
        AdjRibOut rib = new AdjRibOut();
        Route a = route(v4("10.0.0.0/24"), "10.0.1.254", med(1));
        Route b = route(v4("10.0.0.0/24"), "10.0.1.254", med(2));
        long[] prefixes = new long[3000];
        for (int i = 0; i < prefixes.length; i++) prefixes[i] = (0x14000000L + ((long) i << 8)) << 8 | 24;
        // batches of the two paths interleaved in the journal, then some routes moved to the other path
        for (int from = 0; from < prefixes.length; from += 100)
            rib.announceV4(from / 100 % 2 == 0 ? a : b, prefixes, from, from + 100);
        rib.announceV4(b, prefixes, 0, 50);
        Negotiated s = session(65533, 65000, Family.IPV4_UNICAST);
        rib.drain(s, GROUP, true);
        assertThat(rib.pathsHeld()).isEqualTo(2);
        rib.withdrawV4(a, prefixes, 0, prefixes.length);
        assertThat(rib.pathsHeld()).isEqualTo(2); // the withdrawals carry the paths until sent
        rib.drain(s, GROUP, true);
        assertThat(rib.pathsHeld()).isZero();
    }

    /** Runs left empty and runs of routes packed the general way let their paths go too. */
    @Test
    void pathsOfEveryKindOfRunAreLetGoOnceDrained() {
        AdjRibOut rib = new AdjRibOut();
        Route a = route(v4("10.0.0.0/24"), "10.0.1.254", med(1));
        Route b = route(v4("10.0.0.0/24"), "10.0.1.254", med(2));
        // pending with a, then with b (both kept, in two runs), then withdrawn: that cancels both announcements, and
        // a's run is left with no live entry
        rib.announce(a);
        rib.announce(b);
        rib.withdraw(b);
        // IPv6 routes are frozen as changes, not as keys
        Route c = route(v6("2001:db8::/32"), "2001:db8::1", med(3));
        rib.announce(c);
        Negotiated s = session(65533, 65000, Family.IPV4_UNICAST, Family.IPV6_UNICAST);
        assertThat(rib.drain(s, GROUP, true)).hasSize(2); // the withdrawal, and c
        assertThat(rib.pathsHeld()).isZero(); // the cache keeps routes of the general way as routes, not paths
        rib.withdraw(c);
        assertThat(rib.drain(s, GROUP, true)).hasSize(1);
        assertThat(rib.pathsHeld()).isZero();
    }

    @Test
    void ebgpDropsConfiguredLocalPref() {
        AdjRibOut rib = new AdjRibOut();
        rib.announce(route(v4("10.0.0.0/24"), "10.0.1.254", localPref(200), med(5)));
        List<byte[]> out = rib.drain(session(65533, 65000, Family.IPV4_UNICAST), GROUP, true);
        assertThat(hex(out))
                .containsExactly(message("0036 02 0000 001B" // 27 bytes of attributes
                        + " 40010100 4002060201 0000FFFD 4003040A0001FE"
                        + " 80 04 04 00000005" // MED 5; LOCAL_PREF 200 is not sent to an external peer
                        + " 18 0A0000"));
    }

    @Test
    void ibgpSplitWithoutGroupingGivesOneUpdatePerRoute() {
        // conf-split (wire.md §10): eight /24 with med 200, community 174:666, next-hop 192.0.2.1, group-updates off
        AdjRibOut rib = new AdjRibOut();
        for (int i = 0; i < 8; i++) {
            rib.announce(route(v4("172.10." + i + ".0/24"), "192.0.2.1", med(200), community(174, 666)));
        }
        List<byte[]> out = rib.drain(ibgp(65533, Family.IPV4_UNICAST), NO_GROUP, true);
        String blob = "40 01 01 00" // ORIGIN IGP
                + " 40 02 00" // AS_PATH empty on iBGP
                + " 40 03 04 C0000201" // NEXT_HOP 192.0.2.1
                + " 80 04 04 000000C8" // MED 200
                + " 40 05 04 00000064" // LOCAL_PREF 100 (iBGP default)
                + " C0 08 04 00AE029A"; // COMMUNITY 174:666
        assertThat(hex(out))
                .containsExactly(
                        message("003E 02 0000 0023" + blob + " 18 AC0A00"),
                        message("003E 02 0000 0023" + blob + " 18 AC0A01"),
                        message("003E 02 0000 0023" + blob + " 18 AC0A02"),
                        message("003E 02 0000 0023" + blob + " 18 AC0A03"),
                        message("003E 02 0000 0023" + blob + " 18 AC0A04"),
                        message("003E 02 0000 0023" + blob + " 18 AC0A05"),
                        message("003E 02 0000 0023" + blob + " 18 AC0A06"),
                        message("003E 02 0000 0023" + blob + " 18 AC0A07"));

        // Same routes with group-updates on: one UPDATE, 19 + 4 + 35 + 8 × 4 = 90 bytes
        for (int i = 7; i >= 0; i--) {
            rib.announce(route(v4("172.10." + i + ".0/24"), "192.0.2.1", med(201), community(174, 666)));
        }
        out = rib.drain(ibgp(65533, Family.IPV4_UNICAST), GROUP, true);
        assertThat(hex(out))
                .containsExactly(message("005A 02 0000 0023" + blob.replace("000000C8", "000000C9")
                        + " 18AC0A00 18AC0A01 18AC0A02 18AC0A03 18AC0A04 18AC0A05 18AC0A06 18AC0A07"));
    }

    @Test
    void ipv4IsGroupedButIpv6IsNot() {
        // conf-group-limit (wire.md §10): iBGP AS 1
        AdjRibOut rib = new AdjRibOut();
        rib.announce(route(v4("193.0.2.1/32"), "10.0.0.1"));
        rib.announce(route(v4("193.0.2.2/32"), "10.0.0.1"));
        rib.announce(route(v6("2A02:B80:0:1::1/128"), "2A02:B80:1::1"));
        rib.announce(route(v6("2A02:B80:0:2::2/128"), "2A02:B80:1::1"));
        List<byte[]> out = rib.drain(ibgp(1, Family.IPV4_UNICAST, Family.IPV6_UNICAST), GROUP, true);
        String v6Blob = "40010100 400200 40050400000064" // ORIGIN, AS_PATH, LOCAL_PREF; no NEXT_HOP for IPv6
                + " 80 0E 26" // MP_REACH_NLRI, 38 bytes
                + " 0002 01" // AFI IPv6, SAFI unicast
                + " 10 2A020B80000100000000000000000001" // next hop, 16 bytes
                + " 00"; // reserved
        assertThat(hex(out))
                .containsExactly(
                        message("0036 02 0000 0015" // 21 bytes of attributes
                                + " 40010100 400200 4003040A000001 40050400000064"
                                + " 20 C1000201 20 C1000202"), // both /32 in one UPDATE
                        message("004E 02 0000 0037" + v6Blob + " 80 2A020B80000000010000000000000001"),
                        message("004E 02 0000 0037" + v6Blob + " 80 2A020B80000000020000000000000002"));
    }

    @Test
    void pureClassicWithdrawalHasNoAttributes() {
        // wire.md §9.3 step 6 (api-add-remove): withdrawing 1.1.0.0/24 is "0004 18010100 0000"
        AdjRibOut rib = new AdjRibOut();
        rib.withdraw(route(v4("1.1.0.0/24"), "0.0.0.0"));
        assertThat(rib.hasPending()).isTrue();
        List<byte[]> out = rib.drain(ibgp(65000, Family.IPV4_UNICAST), GROUP, true);
        assertThat(hex(out)).containsExactly(message("001B 02 0004 18010100 0000"));
        assertThat(rib.hasPending()).isFalse();
    }

    @Test
    void ipv6AnnounceThenWithdrawal() {
        // api-ipv6 (wire.md §9.3 step 4): a unicast MP withdrawal carries MP_UNREACH only
        AdjRibOut rib = new AdjRibOut();
        Negotiated s = ibgp(65000, Family.IPV6_UNICAST);
        Route r = route(v6("fc00:1::/64"), "2001::11", localPref(200));
        rib.announce(r);
        assertThat(hex(rib.drain(s, NO_GROUP, true)))
                .containsExactly(message("0046 02 0000 002F"
                        + " 40010100 400200 400504000000C8" // configured LOCAL_PREF 200 replaces the default
                        + " 80 0E 1E 0002 01 10 20010000000000000000000000000011 00" // MP_REACH, next hop 2001::11
                        + " 40 FC00000100000000")); // fc00:1::/64
        rib.withdraw(route(v6("fc00:1::/64"), "2001::11"));
        assertThat(hex(rib.drain(s, NO_GROUP, true)))
                .containsExactly(message("0026 02 0000 000F"
                        + " 80 0F 0C 0002 01" // MP_UNREACH_NLRI, 12 bytes, AFI IPv6 SAFI unicast
                        + " 40 FC00000100000000"));
        assertThat(rib.routes()).isEmpty();
    }

    @Test
    void ipv4RouteWithIpv6NextHopGoesInMpReach() {
        // extended-nexthop (wire.md §9.4): MP_REACH AFI 1 with a 16-byte next hop, no NEXT_HOP attribute
        AdjRibOut rib = new AdjRibOut();
        rib.announce(route(v4("153.153.153.153/32"), "0BAD:CAFE::1"));
        assertThat(hex(rib.drain(ibgp(65000, Family.IPV4_UNICAST), GROUP, true)))
                .containsExactly(message("0042 02 0000 002B 40010100 400200 40050400000064"
                        + " 80 0E 1A 0001 01 10 0BADCAFE000000000000000000000001 00 20 99999999"));
    }

    @Test
    void ipv6RouteWithIpv4NextHopHasNextHopAttributeToo() {
        // wire.md §9.4: 40 03 04 AAAAAAAA, then a 4-byte MP next hop
        AdjRibOut rib = new AdjRibOut();
        rib.announce(route(v6("dead:beef::/128"), "170.170.170.170"));
        assertThat(hex(rib.drain(ibgp(65000, Family.IPV6_UNICAST), GROUP, true)))
                .containsExactly(message("0049 02 0000 0032 40010100 400200 400304AAAAAAAA 40050400000064"
                        + " 80 0E 1A 0002 01 04 AAAAAAAA 00 80 DEADBEEF000000000000000000000000"));
    }

    @Test
    void nlrisAreSortedMaskLengthFirst() {
        // wire.md §9.3 step 1: 10.0.0.0/8 < 9.0.0.0/16 < 11.0.0.0/24
        AdjRibOut rib = new AdjRibOut();
        rib.announce(route(v4("11.0.0.0/24"), "1.2.3.4"));
        rib.announce(route(v4("9.0.0.0/16"), "1.2.3.4"));
        rib.announce(route(v4("10.0.0.0/8"), "1.2.3.4"));
        assertThat(hex(rib.drain(ibgp(1, Family.IPV4_UNICAST), GROUP, true)))
                .containsExactly(message("0035 02 0000 0015 40010100 400200 40030401020304 40050400000064"
                        + " 08 0A 10 0900 18 0B0000"));
    }

    @Test
    void bucketsKeepFirstInsertionOrderAndWithdrawalsRideWithTheirAttributes() {
        AdjRibOut rib = new AdjRibOut();
        Negotiated s = ibgp(1, Family.IPV4_UNICAST);
        rib.announce(route(v4("10.0.0.0/8"), "1.2.3.4", med(1))); // bucket A
        rib.announce(route(v4("11.0.0.0/8"), "1.2.3.4")); // bucket B
        rib.announce(route(v4("12.0.0.0/8"), "1.2.3.4", med(1))); // bucket A again
        rib.drain(s, GROUP, true);
        rib.announce(route(v4("13.0.0.0/8"), "1.2.3.4")); // B first this time
        rib.withdraw(route(v4("10.0.0.0/8"), "0.0.0.0")); // withdrawal takes the cached attributes: bucket A
        rib.announce(route(v4("12.0.0.0/8"), "1.2.3.4")); // moves to B
        List<byte[]> out = rib.drain(s, GROUP, true);
        assertThat(hex(out))
                .containsExactly(
                        message("0030 02 0000 0015 40010100 400200 40030401020304 40050400000064 08 0C 08 0D"),
                        message("0019 02 0002 080A 0000")); // pure withdrawal: attributes not sent
    }

    @Test
    void splitsAtTheMessageSize() {
        // wire.md §9.3 step 6: 2048 /32 with a 21-byte blob; 4096 - 19 - 4 - 21 = 4052 bytes of NLRI → 810 per UPDATE
        AdjRibOut rib = new AdjRibOut();
        for (int i = 0; i < 2048; i++) {
            rib.announce(route(v4("10.0." + (i >> 8) + "." + (i & 0xFF) + "/32"), "1.2.3.4"));
        }
        List<byte[]> out = rib.drain(ibgp(1, Family.IPV4_UNICAST), GROUP, true);
        assertThat(out).extracting(m -> m.length).containsExactly(4094, 4094, 2184);
        assertThat(out).extracting(m -> (m[16] & 0xFF) << 8 | m[17] & 0xFF).containsExactly(4094, 4094, 2184);
        // the second UPDATE starts at the 811th prefix: 10.0.3.42 (810 = 3 × 256 + 42)
        assertThat(hex(out.get(1)).substring(2 * (19 + 4 + 21), 2 * (19 + 4 + 21 + 5))).isEqualTo("200A00032A");
    }

    @Test
    void cacheDropsIdenticalAnnouncements() {
        AdjRibOut rib = new AdjRibOut(true);
        Negotiated s = ibgp(1, Family.IPV4_UNICAST);
        rib.announce(route(v4("10.0.0.0/8"), "1.2.3.4"));
        assertThat(rib.drain(s, GROUP, true)).hasSize(1);
        rib.announce(route(v4("10.0.0.0/8"), "1.2.3.4"));
        assertThat(rib.hasPending()).isFalse();
        assertThat(rib.drain(s, GROUP, true)).isEmpty();
        rib.announce(route(v4("10.0.0.0/8"), "1.2.3.5")); // next hop changed: sent
        assertThat(hex(rib.drain(s, GROUP, true))).singleElement().asString().contains("40030401020305");
        assertThat(rib.routes()).containsExactly(route(v4("10.0.0.0/8"), "1.2.3.5"));
    }

    @Test
    void withoutCacheEverythingIsSentAndNothingResent() {
        AdjRibOut rib = new AdjRibOut(false);
        Negotiated s = ibgp(1, Family.IPV4_UNICAST);
        rib.announce(route(v4("10.0.0.0/8"), "1.2.3.4"));
        assertThat(rib.drain(s, GROUP, true)).hasSize(1);
        rib.announce(route(v4("10.0.0.0/8"), "1.2.3.4"));
        assertThat(rib.drain(s, GROUP, true)).hasSize(1);
        assertThat(rib.routes()).isEmpty();
        rib.resendAll();
        assertThat(rib.hasPending()).isFalse();
    }

    @Test
    void withdrawalCancelsUnsentAnnouncement() {
        AdjRibOut rib = new AdjRibOut();
        rib.announce(route(v4("10.0.0.0/8"), "1.2.3.4", med(7)));
        rib.withdraw(route(v4("10.0.0.0/8"), "0.0.0.0"));
        assertThat(hex(rib.drain(ibgp(1, Family.IPV4_UNICAST), GROUP, true)))
                .containsExactly(message("0019 02 0002 080A 0000"));
        assertThat(rib.routes()).isEmpty();
    }

    @Test
    void reconnectDiscardsPendingAndResendsTheCache() {
        AdjRibOut rib = new AdjRibOut();
        Negotiated s = ibgp(1, Family.IPV4_UNICAST);
        rib.announce(route(v4("10.0.0.0/8"), "1.2.3.4"));
        rib.announce(route(v4("11.0.0.0/8"), "1.2.3.4"));
        List<String> first = hex(rib.drain(s, GROUP, true));
        rib.withdraw(route(v4("11.0.0.0/8"), "0.0.0.0"));
        rib.withdraw(route(v4("99.0.0.0/8"), "0.0.0.0"));
        rib.discardPending();
        rib.resendAll();
        assertThat(hex(rib.drain(s, GROUP, false)))
                .containsExactly(message("002E 02 0000 0015 40010100 400200 40030401020304 40050400000064 08 0A"));
        rib.announce(route(v4("11.0.0.0/8"), "1.2.3.4"));
        rib.drain(s, GROUP, true);
        rib.resend(Family.IPV4_UNICAST);
        assertThat(hex(rib.drain(s, GROUP, true))).isEqualTo(first);
        rib.resend(Family.IPV6_UNICAST);
        assertThat(rib.hasPending()).isFalse();
    }

    @Test
    void withdrawAllWithdrawsEveryCachedRoute() {
        AdjRibOut rib = new AdjRibOut();
        Negotiated s = ibgp(1, Family.IPV4_UNICAST);
        rib.announce(route(v4("10.0.0.0/8"), "1.2.3.4"));
        rib.announce(route(v4("11.0.0.0/8"), "1.2.3.4"));
        rib.drain(s, GROUP, true);
        rib.withdrawAll();
        assertThat(rib.routes()).isEmpty();
        // wire.md §11: classic withdrawals, one per route without group-updates
        assertThat(hex(rib.drain(s, NO_GROUP, true)))
                .containsExactly(message("0019 02 0002 080A 0000"), message("0019 02 0002 080B 0000"));
    }

    @Test
    void firstPassDropsWithdrawalsButKeepsPerFamilyMessages() {
        AdjRibOut rib = new AdjRibOut();
        Negotiated s = ibgp(1, Family.IPV4_UNICAST, Family.IPV6_UNICAST);
        rib.withdraw(route(v4("10.0.0.0/8"), "0.0.0.0"));
        rib.withdraw(route(v6("fc00::/64"), "::1"));
        // wire.md §9.6: no classic withdrawal; the IPv6 group still sends its final message, empty: "0000 0000"
        assertThat(hex(rib.drain(s, GROUP, false))).containsExactly(message("0017 02 0000 0000"));
        assertThat(rib.hasPending()).isFalse();
    }

    @Test
    void firstPassNonUnicastWithdrawalKeepsTheBlob() {
        // wire.md §9.6 (api-flow line 2): a non-unicast MP withdrawal in the first pass is the bare blob
        AdjRibOut rib = new AdjRibOut();
        Family mvpn = new Family(org.jexabgp.wire.Afi.IPV4, org.jexabgp.wire.Safi.MCAST_VPN);
        Negotiated s = ibgp(1, mvpn);
        Route r = Route.of(
                new RibFixtures.PrefixNlri(mvpn, Prefix.parse("10.0.0.0/8"), 0),
                null,
                org.jexabgp.core.model.AttributeSet.EMPTY);
        rib.withdraw(r);
        assertThat(hex(rib.drain(s, GROUP, false)))
                .containsExactly(message("0025 02 0000 000E 40010100 400200 40050400000064"));
        rib.withdraw(r);
        assertThat(hex(rib.drain(s, GROUP, true)))
                .containsExactly(message("002D 02 0000 0016 40010100 400200 40050400000064"
                        + " 80 0F 05 0001 05 08 0A")); // MP_UNREACH after the blob
    }

    @Test
    void nonNegotiatedFamiliesAreDropped() {
        AdjRibOut rib = new AdjRibOut();
        rib.announce(route(v6("fc00::/64"), "::1"));
        assertThat(rib.drain(ibgp(1, Family.IPV4_UNICAST), GROUP, true)).isEmpty();
        assertThat(rib.routes()).hasSize(1); // still cached: a later session may have the family
    }

    @Test
    void addPathPrefixesEachNlriWithItsPathId() {
        // conf-path-information (wire.md §5): 00000001 20 0A00000A
        AdjRibOut rib = new AdjRibOut();
        Negotiated s = ibgp(1, Family.IPV4_UNICAST).withAddPath(Set.of(Family.IPV4_UNICAST), Set.of());
        rib.announce(Route.of(
                new RibFixtures.PrefixNlri(Family.IPV4_UNICAST, Prefix.parse("10.0.0.10/32"), 1),
                org.jexabgp.wire.IpAddress.parse("1.2.3.4"),
                org.jexabgp.core.model.AttributeSet.EMPTY));
        assertThat(hex(rib.drain(s, GROUP, true)))
                .containsExactly(message("0035 02 0000 0015 40010100 400200 40030401020304 40050400000064"
                        + " 00000001 20 0A00000A"));
    }

    @Test
    void withoutAsn4AWideLocalAsBecomesAsTransPlusAs4Path() {
        // wire.md §7, RFC 6793 §4.2.2: AS_PATH 2-byte with 23456 (5BA0), then AS4_PATH (C0 11) with the real ASN
        AdjRibOut rib = new AdjRibOut();
        Negotiated s = session(4200000000L, 65000, Family.IPV4_UNICAST).withAsn4(false);
        rib.announce(route(v4("10.0.0.0/24"), "10.0.1.254"));
        assertThat(hex(rib.drain(s, GROUP, true)))
                .containsExactly(message("0036 02 0000 001B 40010100"
                        + " 40 02 04 02 01 5BA0" // AS_SEQUENCE [AS_TRANS]
                        + " C0 11 06 02 01 FA56EA00" // AS4_PATH [4200000000]
                        + " 4003040A0001FE 18 0A0000"));
    }

    @Test
    void oversizedAttributesDropTheGroupAndTellTheSink() {
        AdjRibOut rib = new AdjRibOut();
        rib.announce(route(v4("10.0.0.0/8"), "1.2.3.4", new RibFixtures.Raw(99, 0xC0, org.jexabgp.wire.Bytes.of(
                new byte[4096 - 19 - 4 - 21 - 4]))));
        List<Family> oversized = new java.util.ArrayList<>();
        List<byte[]> sent = new java.util.ArrayList<>();
        rib.drain(ibgp(1, Family.IPV4_UNICAST), GROUP, true, new UpdateSink() {
            @Override
            public void update(byte[] message, int length) {
                sent.add(message);
            }

            @Override
            public void oversized(Family family, int attributeBytes) {
                oversized.add(family);
            }
        });
        assertThat(sent).isEmpty();
        assertThat(oversized).containsExactly(Family.IPV4_UNICAST);
    }
    /** Attributes that leave 3 bytes for NLRIs: a /8 (2 bytes) fits, a /32 (5 bytes) never does. */
    private static Route nearlyFull(String prefix) {
        return route(v4(prefix), "1.2.3.4", new RibFixtures.Raw(99, 0xC0, org.jexabgp.wire.Bytes.of(
                new byte[4096 - 19 - 4 - 21 - 4 - 3])));
    }

    /** Whole messages and the families reported oversized, in the order the sink was told. */
    private record Told(List<String> events) implements UpdateSink {
        Told() {
            this(new java.util.ArrayList<>());
        }

        @Override
        public void update(byte[] message, int length) {
            assertThat(length).isLessThanOrEqualTo(Negotiated.STANDARD_SIZE);
            events.add(length + " bytes, NLRI " + hex(java.util.Arrays.copyOfRange(message, length - 2, length)));
        }

        @Override
        public void oversized(Family family, int attributeBytes) {
            events.add("oversized " + family);
        }
    }

    /** What draining everything pending tells the sink, in parts of {@code bytes} bytes (partial drains). */
    private static Told drainAll(AdjRibOut rib, Negotiated session, long bytes) {
        Told told = new Told();
        while (rib.hasPending()) rib.drain(session, GROUP, true, told, bytes);
        return told;
    }

    @Test
    void aPrefixThatFitsNeitherBesideOthersNorAloneEndsTheGroupWhereverTheDrainStops() {
        // the /8 fills the first message; the /32 would make a message over 4096 bytes alone: the group ends there,
        // whether packed straight through or resumed at the /32 by a partial drain
        for (long bytes : new long[] {Long.MAX_VALUE, 1}) {
            AdjRibOut rib = new AdjRibOut();
            rib.announce(nearlyFull("10.0.0.0/8"));
            rib.announce(nearlyFull("10.0.0.1/32"));
            rib.announce(nearlyFull("10.0.0.2/32"));
            assertThat(drainAll(rib, ibgp(1, Family.IPV4_UNICAST), bytes).events())
                    .as("drain parts of %d bytes", bytes)
                    .containsExactly("4095 bytes, NLRI 080A", "oversized ipv4 unicast");
        }
    }

    @Test
    void theGenericPackerEndsTheGroupAtAPrefixThatCannotFitAlone() {
        assertThat(genericPack(Change.announce(nearlyFull("10.0.0.1/32")), Change.announce(nearlyFull("10.0.0.0/8"))))
                .containsExactly("4095 bytes, NLRI 080A", "oversized ipv4 unicast");
    }

    @Test
    void withdrawalsWhoseAttributesAloneFillAMessageAreStillSent() {
        // 4,073 bytes of attributes leave no room for any NLRI: the announcements are dropped as oversized, but the
        // withdrawals carry no attributes, so they go (both in one message)
        Route[] routes = new Route[2];
        String[] prefixes = {"10.0.0.0/8", "10.0.0.1/32"};
        for (int i = 0; i < 2; i++) {
            routes[i] = route(v4(prefixes[i]), "1.2.3.4", new RibFixtures.Raw(99, 0xC0, org.jexabgp.wire.Bytes.of(
                    new byte[4096 - 19 - 4 - 21 - 4])));
        }
        AdjRibOut rib = new AdjRibOut();
        Negotiated s = ibgp(1, Family.IPV4_UNICAST);
        for (Route r : routes) rib.announce(r);
        assertThat(drainAll(rib, s, Long.MAX_VALUE).events()).containsExactly("oversized ipv4 unicast");
        for (Route r : routes) rib.withdraw(r);
        assertThat(drainAll(rib, s, Long.MAX_VALUE).events()).containsExactly("30 bytes, NLRI 0000");
    }

    @Test
    void theGenericPackerSendsAWithdrawalThatCannotFitBesideTheAttributes() {
        assertThat(genericPack(Change.withdraw(nearlyFull("10.0.0.1/32")), Change.withdraw(nearlyFull("10.0.0.0/8"))))
                .containsExactly("25 bytes, NLRI 0000", "28 bytes, NLRI 0000");
    }

    /** The generic packer's messages for one group of changes on an iBGP IPv4 session, withdrawals included. */
    private static List<String> genericPack(Change... changes) {
        Told told = new Told();
        new UpdatePacker().pack(List.of(changes), ibgp(1, Family.IPV4_UNICAST), true, told);
        return told.events();
    }

    @Test
    void aWithdrawalBesideNearlyFullAttributesGoesInAMessageOfItsOwn() {
        // a withdrawal's message carries no attributes: however large they are, it fits
        for (long bytes : new long[] {Long.MAX_VALUE, 1}) {
            AdjRibOut rib = new AdjRibOut();
            Negotiated s = ibgp(1, Family.IPV4_UNICAST);
            rib.announce(nearlyFull("10.0.0.0/8"));
            rib.announce(nearlyFull("10.0.0.1/32"));
            drainAll(rib, s, bytes);
            rib.withdraw(nearlyFull("10.0.0.0/8"));
            rib.withdraw(nearlyFull("10.0.0.1/32"));
            Told told = drainAll(rib, s, bytes);
            // the /8 (19 + 2 + 2 + 2 bytes), then the /32, which does not fit beside it and goes alone (19 + 2 + 5 + 2)
            assertThat(told.events()).as("drain parts of %d bytes", bytes)
                    .containsExactly("25 bytes, NLRI 0000", "28 bytes, NLRI 0000");
        }
    }
}
