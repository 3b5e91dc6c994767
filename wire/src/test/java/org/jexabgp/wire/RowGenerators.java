package org.jexabgp.wire;

import static org.jexabgp.wire.Generators.u32;
import static org.jexabgp.wire.Generators.v4;
import static org.jexabgp.wire.Generators.v6;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Function;
import org.jexabgp.wire.attribute.Aggregator;
import org.jexabgp.wire.attribute.Aigp;
import org.jexabgp.wire.attribute.As4Aggregator;
import org.jexabgp.wire.attribute.As4Path;
import org.jexabgp.wire.attribute.AtomicAggregate;
import org.jexabgp.wire.attribute.Attribute;
import org.jexabgp.wire.attribute.ClusterList;
import org.jexabgp.wire.attribute.Communities;
import org.jexabgp.wire.attribute.Community;
import org.jexabgp.wire.attribute.ExtendedCommunities;
import org.jexabgp.wire.attribute.ExtendedCommunity;
import org.jexabgp.wire.attribute.GenericAttribute;
import org.jexabgp.wire.attribute.Ipv6ExtendedCommunities;
import org.jexabgp.wire.attribute.LargeCommunities;
import org.jexabgp.wire.attribute.LargeCommunity;
import org.jexabgp.wire.attribute.LinkState;
import org.jexabgp.wire.attribute.LinkStateTlv;
import org.jexabgp.wire.attribute.LocalPref;
import org.jexabgp.wire.attribute.Med;
import org.jexabgp.wire.attribute.MpReach;
import org.jexabgp.wire.attribute.MpUnreach;
import org.jexabgp.wire.attribute.NextHop;
import org.jexabgp.wire.attribute.Origin;
import org.jexabgp.wire.attribute.OriginatorId;
import org.jexabgp.wire.attribute.PmsiTunnel;
import org.jexabgp.wire.capability.AddPath;
import org.jexabgp.wire.capability.Asn4;
import org.jexabgp.wire.capability.CiscoRouteRefresh;
import org.jexabgp.wire.capability.EnhancedRouteRefresh;
import org.jexabgp.wire.capability.ExtendedMessage;
import org.jexabgp.wire.capability.ExtendedNextHop;
import org.jexabgp.wire.capability.GracefulRestart;
import org.jexabgp.wire.capability.Hostname;
import org.jexabgp.wire.capability.MultiSession;
import org.jexabgp.wire.capability.Multiprotocol;
import org.jexabgp.wire.capability.Operational;
import org.jexabgp.wire.capability.RouteRefresh;
import org.jexabgp.wire.capability.SoftwareVersion;
import org.jexabgp.wire.capability.UnknownCapability;
import org.jexabgp.wire.nlri.MplsGenerators;
import org.jexabgp.wire.nlri.NlriGenerators;
import org.jexabgp.wire.nlri.bgpls.BgpLsFamily;
import org.jexabgp.wire.nlri.evpn.EvpnFamily;
import org.jexabgp.wire.nlri.evpn.EvpnGenerators;
import org.jexabgp.wire.nlri.flow.FlowGenerators;
import org.jexabgp.wire.nlri.flow.FlowNlri;
import org.jexabgp.wire.nlri.label.LabelFamily;
import org.jexabgp.wire.nlri.mup.MupFamily;
import org.jexabgp.wire.nlri.mvpn.McastVpnFamily;
import org.jexabgp.wire.nlri.rtc.Rtc;
import org.jexabgp.wire.nlri.rtc.RtcGenerators;
import org.jexabgp.wire.nlri.vpls.VplsFamily;
import org.jexabgp.wire.nlri.vpn.VpnFamily;

/**
 * The round-trip property of every row of our code tables, keyed {@code <kind>/<row>} like the golden files
 * ({@code family/ipv4-flow}, {@code attribute/origin}, {@code capability/64}, {@code extended-community/0600}). The
 * coverage test fails for a table row without an entry here. Adding a row: one {@code put} line.
 */
public final class RowGenerators {
    private RowGenerators() {}

    private static final Map<String, RoundTrip> ALL = new TreeMap<>();

    public static Map<String, RoundTrip> all() {
        return java.util.Collections.unmodifiableMap(ALL);
    }

    static void put(String row, RoundTrip trip) {
        if (ALL.putIfAbsent(row, trip) != null) throw new IllegalStateException("two round trips for " + row);
    }

    static {
        // families
        for (Family f : Generators.FAMILIES) put(family(f), RoundTrip.nlri(f, r -> Generators.inet(r, f, session(f))));
        put(family(LabelFamily.IPV4), RoundTrip.nlri(LabelFamily.IPV4, r -> MplsGenerators.labeled(r, LabelFamily.IPV4, true)));
        put(family(LabelFamily.IPV6), RoundTrip.nlri(LabelFamily.IPV6, r -> MplsGenerators.labeled(r, LabelFamily.IPV6, true)));
        put(family(VpnFamily.IPV4), RoundTrip.nlri(VpnFamily.IPV4, r -> MplsGenerators.vpn(r, VpnFamily.IPV4, true)));
        put(family(VpnFamily.IPV6), RoundTrip.nlri(VpnFamily.IPV6, r -> MplsGenerators.vpn(r, VpnFamily.IPV6, true)));
        for (Family f : List.of(Family.of(1, 133), Family.of(1, 134), Family.of(2, 133), Family.of(2, 134)))
            put(family(f), RoundTrip.nlri(f, r -> flow(r, f)));
        put(family(VplsFamily.FAMILY), RoundTrip.nlri(VplsFamily.FAMILY, NlriGenerators::vpls));
        put(family(McastVpnFamily.IPV4), RoundTrip.nlri(McastVpnFamily.IPV4, r -> NlriGenerators.mvpn(r, false)));
        put(family(McastVpnFamily.IPV6), RoundTrip.nlri(McastVpnFamily.IPV6, r -> NlriGenerators.mvpn(r, true)));
        put(family(MupFamily.IPV4), RoundTrip.nlri(MupFamily.IPV4, r -> NlriGenerators.mup(r, false)));
        put(family(MupFamily.IPV6), RoundTrip.nlri(MupFamily.IPV6, r -> NlriGenerators.mup(r, true)));
        for (Family f : List.of(BgpLsFamily.BGP_LS, BgpLsFamily.BGP_LS_VPN))
            put(family(f), RoundTrip.nlri(f, r -> NlriGenerators.bgpLs(r, f)));
        put("family/l2vpn-evpn", RoundTrip.nlri(EvpnFamily.L2VPN_EVPN_FAMILY, EvpnGenerators::evpn));
        put("family/ipv4-rtc", RoundTrip.nlri(Rtc.IPV4_RTC, RtcGenerators::rtc));
        for (Family f : List.of(
                org.jexabgp.wire.nlri.srpolicy.SrPolicyFamily.IPV4, org.jexabgp.wire.nlri.srpolicy.SrPolicyFamily.IPV6))
            put(family(f), RoundTrip.nlri(f, r -> org.jexabgp.wire.nlri.srpolicy.SrPolicyGenerators.srPolicy(r, f)));

        // attributes (the table's names), and the generic/unknown row
        attribute("origin", (r, s) -> new Origin(r.nextInt(3)));
        attribute("as-path", (r, s) -> Generators.asPath(r, true));
        attribute("next-hop", (r, s) -> new NextHop(v4(r)));
        attribute("med", (r, s) -> new Med(u32(r)));
        attribute("local-preference", (r, s) -> new LocalPref(u32(r)));
        attribute("atomic-aggregate", (r, s) -> new AtomicAggregate());
        attribute("aggregator", (r, s) -> new Aggregator(u32(r), v4(r)));
        attribute("community", (r, s) -> new Communities(list(r, 70, x -> new Community(u32(x)))));
        attribute("originator-id", (r, s) -> new OriginatorId(v4(r)));
        attribute("cluster-list", (r, s) -> new ClusterList(list(r, 6, Generators::v4)));
        attribute("mp-reach-nlri", (r, s) -> {
            Family f = Generators.FAMILIES.get(r.nextInt(Generators.FAMILIES.size()));
            List<IpAddress> hops = switch (r.nextInt(3)) {
                case 0 -> List.of(v4(r));
                case 1 -> List.of(v6(r));
                default -> List.of(v6(r), v6(r));
            };
            return new MpReach(f, hops, Generators.inets(r, f, s, 5));
        });
        attribute("mp-unreach-nlri", (r, s) -> {
            Family f = Generators.FAMILIES.get(r.nextInt(Generators.FAMILIES.size()));
            return new MpUnreach(f, Generators.inets(r, f, s, 5));
        });
        attribute("extended-community", (r, s) ->
                new ExtendedCommunities(list(r, 8, x -> new ExtendedCommunity(NlriGenerators.bytes(x, 8)))));
        attribute("as4-path", (r, s) -> {
            // an empty optional attribute is not written (wire.md §6): at least one segment
            As4Path p = As4Path.of(Generators.asPath(r, false));
            while (p.segments().isEmpty()) p = As4Path.of(Generators.asPath(r, false));
            return p;
        });
        attribute("as4-aggregator", (r, s) -> new As4Aggregator(u32(r), v4(r)));
        attribute("pmsi", (r, s) -> new PmsiTunnel(
                r.nextInt(256), r.nextInt(256), r.nextInt(1 << 24), NlriGenerators.bytes(r, r.nextInt(17))));
        attribute("attribute-0x19-0xC0", (r, s) ->
                new Ipv6ExtendedCommunities(list(r, 4, x -> NlriGenerators.bytes(x, Ipv6ExtendedCommunities.ENTRY))));
        attribute("aigp", (r, s) -> new Aigp(r.nextLong() >>> r.nextInt(64)));
        attribute("bgp-ls", (r, s) -> new LinkState(
                list(r, 6, x -> new LinkStateTlv(x.nextInt(0x10000), NlriGenerators.bytes(x, x.nextInt(12))))));
        attribute("bgp-prefix-sid", (r, s) -> MplsGenerators.prefixSid(r));
        attribute("tunnel-encap", (r, s) -> org.jexabgp.wire.attribute.TunnelEncapGenerators.tunnelEncap(r));
        attribute("large-community", (r, s) ->
                new LargeCommunities(list(r, 5, x -> new LargeCommunity(u32(x), u32(x), u32(x)))));
        attribute("generic", (r, s) -> {
            // an unknown optional transitive attribute as received: partial bit set (RFC 4271 §5)
            int code = List.of(0x63, 0x80, 0xF0, 0xFF).get(r.nextInt(4));
            Bytes value = NlriGenerators.bytes(r, 1 + r.nextInt(300));
            // the extended-length flag is kept as received (RFC 4271 §4.3)
            return new GenericAttribute(code, 0xE0 | (value.length() > 255 ? 0x10 : 0), value);
        });

        // capabilities (decimal code), and the unknown row
        capability(1, r -> new Multiprotocol(anyFamily(r)));
        capability(2, r -> new RouteRefresh());
        capability(5, r -> new ExtendedNextHop(list(r, 4, x -> new ExtendedNextHop.Entry(anyFamily(x), Afi.of(1 + x.nextInt(2))))));
        capability(6, r -> new ExtendedMessage());
        capability(64, r -> new GracefulRestart(r.nextInt(16), r.nextInt(4096),
                list(r, 5, x -> new GracefulRestart.Entry(anyFamily(x), x.nextInt(256)))));
        capability(65, r -> new Asn4(r.nextLong(1L << 32)));
        capability(68, r -> new MultiSession(false, NlriGenerators.bytes(r, 1 + r.nextInt(3))));
        capability(69, r -> new AddPath(list(r, 5, x -> new AddPath.Entry(anyFamily(x), x.nextInt(4)))));
        capability(70, r -> new EnhancedRouteRefresh());
        capability(73, r -> new Hostname(text(r, 64), text(r, 64)));
        capability(75, r -> new SoftwareVersion(text(r, 64)));
        capability(128, r -> new CiscoRouteRefresh());
        capability(131, r -> new MultiSession(true, NlriGenerators.bytes(r, 1 + r.nextInt(3))));
        capability(185, r -> new Operational());
        capability(3, org.jexabgp.wire.capability.CapabilityGenerators::orf);
        capability(9, r -> new org.jexabgp.wire.capability.BgpRole(r.nextInt(256)));
        capability(67, org.jexabgp.wire.capability.CapabilityGenerators::dynamic);
        capability(71, org.jexabgp.wire.capability.CapabilityGenerators::llgr);
        capability(77, r -> new org.jexabgp.wire.capability.LinkLocalNextHop());
        // extended communities: every registry row (type/subtype) and the IPv6-address-specific rows
        for (var t : org.jexabgp.wire.attribute.ExtendedCommunityType.ALL)
            put("extended-community/" + t.id(), org.jexabgp.wire.attribute.ExtendedCommunityGenerators.roundTrip(t));
        for (var t : Ipv6ExtendedCommunities.ROWS)
            put("extended-community/" + t.id(), org.jexabgp.wire.attribute.ExtendedCommunityGenerators.roundTrip(t));
        put("capability/unknown", RoundTrip.capability(r -> new UnknownCapability(
                // private use (RFC 5492 §4, IANA: 239-254)
                239 + r.nextInt(16), NlriGenerators.bytes(r, r.nextInt(40)))));
    }

    /** The row id of a family: its name with a dash, {@code ipv4-flow-vpn}. */
    public static String family(Family f) {
        return "family/" + f.name().replace(' ', '-');
    }

    private static void attribute(String name, java.util.function.BiFunction<SplittableRandom, Negotiated, Attribute> g) {
        put("attribute/" + name, RoundTrip.attribute(g));
    }

    private static void capability(int code, Function<SplittableRandom, org.jexabgp.wire.capability.Capability> g) {
        put("capability/" + code, RoundTrip.capability(g));
    }

    private static Negotiated session(Family f) {
        return Negotiated.standalone(65001, 65002, List.of(f));
    }

    private static FlowNlri flow(SplittableRandom r, Family f) {
        while (true) {
            FlowNlri rule = FlowGenerators.rule(r);
            if (rule.family().equals(f)) return rule;
        }
    }

    private static <T> List<T> list(SplittableRandom r, int max, Function<SplittableRandom, T> g) {
        List<T> out = new ArrayList<>();
        for (int i = 1 + r.nextInt(max); i > 0; i--) out.add(g.apply(r));
        return out;
    }

    private static Family anyFamily(SplittableRandom r) {
        return Family.of(r.nextInt(65536), r.nextInt(256));
    }

    private static String text(SplittableRandom r, int max) {
        StringBuilder sb = new StringBuilder();
        for (int i = r.nextInt(max); i > 0; i--) sb.append((char) r.nextInt(0x20, 0x7F));
        return sb.toString();
    }
}
