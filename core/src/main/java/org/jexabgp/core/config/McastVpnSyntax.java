package org.jexabgp.core.config;

import java.util.List;
import org.jexabgp.core.model.Route;
import org.jexabgp.wire.Afi;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.nlri.Nlri;
import org.jexabgp.wire.nlri.RouteDistinguisher;
import org.jexabgp.wire.nlri.mvpn.McastVpn;
import org.jexabgp.wire.nlri.mvpn.McastVpnFamily;
import org.jexabgp.wire.nlri.mvpn.McastVpnJoin;
import org.jexabgp.wire.nlri.mvpn.McastVpnSourceAd;

/**
 * {@code mcast-vpn} statements of {@code announce { ipv4|ipv6 { } }} and the API's {@code announce|withdraw
 * ipv4|ipv6 mcast-vpn …} (config.md §12.3, api.md §4.2):
 *
 * <pre>
 * source-ad   source &lt;ip&gt; group &lt;ip&gt; rd &lt;rd&gt;
 * shared-join rp &lt;ip&gt; group &lt;ip&gt; rd &lt;rd&gt; source-as &lt;asn&gt;
 * source-join source &lt;ip&gt; group &lt;ip&gt; rd &lt;rd&gt; source-as &lt;asn&gt;
 * </pre>
 *
 * then the common attribute set of config.md §10.2.
 */
final class McastVpnSyntax {
    private McastVpnSyntax() {}

    /** config.md §10.2 "common set". */
    static final List<String> COMMON = List.of(
            "next-hop", "origin", "as-path", "med", "local-preference", "atomic-aggregate", "aggregator",
            "originator-id", "cluster-list", "community", "large-community", "extended-community", "aigp", "attribute",
            "name", "split", "watchdog", "withdraw");

    /** The words after {@code mcast-vpn}; afi is the {@code ipv4}/{@code ipv6} that selected the family. */
    static Route route(Cursor c, Token afi, boolean withdraw) throws ConfigError {
        Family family = afi.text().equals("ipv6") ? McastVpnFamily.IPV6 : McastVpnFamily.IPV4;
        Token type = c.next("source-ad, shared-join or source-join");
        int routeType = switch (type.text()) {
            case "source-ad" -> McastVpn.SOURCE_AD;
            case "shared-join" -> McastVpn.SHARED_JOIN;
            case "source-join" -> McastVpn.SOURCE_JOIN;
            default -> throw ConfigError.at(type, "source-ad, shared-join or source-join");
        };
        String sourceWord = routeType == McastVpn.SHARED_JOIN ? "rp" : "source";
        IpAddress source = null, group = null;
        RouteDistinguisher rd = null;
        Long sourceAs = null;
        AttributeSyntax.Draft d = new AttributeSyntax.Draft();
        while (c.hasNext()) {
            Token kw = c.peek();
            String k = kw.text();
            if (k.equals(sourceWord)) {
                c.next(k);
                source = address(c.next("an address"), family);
            } else if (k.equals("group")) {
                c.next(k);
                group = address(c.next("a group address"), family);
            } else if (k.equals("rd") || k.equals("route-distinguisher")) {
                c.next(k);
                rd = L2vpnSyntax.rd(c.next("a route distinguisher"));
            } else if (k.equals("source-as") && routeType != McastVpn.SOURCE_AD) {
                c.next(k);
                sourceAs = Values.number(c.next("a source-as"), 0, 0xFFFF_FFFFL, "a source-as (u32)");
            } else if (COMMON.contains(k)) {
                AttributeSyntax.attribute(c, d, false);
            } else {
                throw ConfigError.at(kw, "an mcast-vpn term", "invalid keyword \"" + k + "\" in mcast-vpn");
            }
        }
        Token end = c.end();
        if (source == null) throw ConfigError.at(end, sourceWord, "mcast-vpn " + sourceWord + " missing");
        if (group == null) throw ConfigError.at(end, "group", "mcast-vpn group missing");
        if (rd == null) throw ConfigError.at(end, "rd", "mcast-vpn rd missing");
        Nlri nlri;
        if (routeType == McastVpn.SOURCE_AD) {
            nlri = new McastVpnSourceAd(family, rd, source, group);
        } else {
            if (sourceAs == null) throw ConfigError.at(end, "source-as", "mcast-vpn source-as missing");
            nlri = new McastVpnJoin(family, routeType, rd, sourceAs, source, group);
        }
        IpAddress nextHop = d.nextHop;
        if (nextHop == null && !d.self && withdraw) nextHop = IpAddress.V4_ZERO;
        return L2vpnSyntax.build(nlri, d, nextHop, d.self);
    }

    /** config.md §12.3: the addresses are of the {@code announce} block's AFI. */
    private static IpAddress address(Token t, Family family) throws ConfigError {
        IpAddress ip = Values.ip(t);
        if (!ip.afi().equals(family.afi()))
            throw ConfigError.at(t, "an " + (family.afi().equals(Afi.IPV6) ? "IPv6" : "IPv4") + " address");
        return ip;
    }
}
