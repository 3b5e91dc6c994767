package org.jexabgp.core.config;

import java.util.ArrayList;
import java.util.List;
import org.jexabgp.core.model.AttributeSet;
import org.jexabgp.core.model.Route;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.nlri.RouteDistinguisher;
import org.jexabgp.wire.nlri.vpls.Vpls;
import org.jspecify.annotations.Nullable;

/**
 * VPLS routes (config.md §10.4, §12.2; api.md §4.5): {@code l2vpn { vpls [name] { … } vpls <terms>; }}, {@code
 * announce { l2vpn { vpls <terms>; } }} and the API's {@code announce|withdraw vpls <terms>}. One grammar for all.
 */
final class L2vpnSyntax {
    private L2vpnSyntax() {}

    /** Keywords of config.md §12.2 besides the VPLS fields: no aigp, no large-community, no path-information. */
    private static final List<String> ATTRIBUTES = List.of(
            "next-hop", "origin", "as-path", "med", "local-preference", "atomic-aggregate", "aggregator",
            "originator-id", "cluster-list", "community", "extended-community", "attribute", "name", "split",
            "watchdog", "withdraw");

    /** {@code l2vpn { }} in a neighbour, and {@code announce { l2vpn { } }}: vpls statements, one-line or blocks. */
    static void section(Block block, NeighborDraft draft) throws ConfigError {
        block.section(s -> {
            Token kw = s.head();
            // extension (docs/evpn.md): evpn <route type> <fields> <attributes>;
            if (kw.text().equals("evpn") && !s.opens()) {
                Cursor e = new Cursor(s);
                e.next("evpn");
                EvpnSyntax.statement(e, kw, draft);
                return;
            }
            if (!kw.text().equals("vpls"))
                throw ConfigError.at(kw, "vpls or evpn", "invalid keyword \"" + kw.text() + "\" in l2vpn");
            if (s.opens()) {
                // vpls [<name>] { term; term; }: the statements of the block are one list of terms
                if (s.words().size() > 2) throw ConfigError.at(s.words().get(2), "'{'");
                List<Token> words = new ArrayList<>();
                block.section(a -> {
                    if (a.opens()) throw ConfigError.at(a.head(), "a vpls term", "section is invalid in vpls");
                    words.addAll(a.words());
                });
                Route r = route(new Cursor(words, s.terminator()), false);
                draft.routes.add(new NeighborDraft.Item<>(r, kw));
                return;
            }
            Cursor c = new Cursor(s);
            c.next("vpls");
            draft.routes.add(new NeighborDraft.Item<>(route(c, false), kw));
        });
    }

    /**
     * The terms of one VPLS route. All of endpoint, base, offset, size, rd and (announcements) next-hop are required
     * (config.md §12.2); a withdrawal without next-hop uses 0.0.0.0, as API withdrawals of other families do.
     */
    static Route route(Cursor c, boolean withdraw) throws ConfigError {
        Integer endpoint = null, base = null, offset = null, size = null;
        RouteDistinguisher rd = null;
        Token baseAt = c.peekOrEnd();
        AttributeSyntax.Draft d = new AttributeSyntax.Draft();
        while (c.hasNext()) {
            Token kw = c.peek();
            switch (kw.text()) {
                case "endpoint" -> endpoint = u16(c, "an endpoint (0..65535)");
                case "offset" -> offset = u16(c, "an offset (0..65535)");
                case "size" -> size = u16(c, "a size (0..65535)");
                case "base" -> {
                    c.next("base");
                    baseAt = c.peekOrEnd();
                    base = (int) Values.number(c.next("a label base"), 0, 0xFFFFF, "a label base (20 bits)");
                }
                case "rd", "route-distinguisher" -> {
                    c.next("rd");
                    rd = rd(c.next("a route distinguisher"));
                }
                default -> {
                    if (!ATTRIBUTES.contains(kw.text()))
                        throw ConfigError.at(kw, "a vpls term", "invalid keyword \"" + kw.text() + "\" in vpls");
                    AttributeSyntax.attribute(c, d, false);
                }
            }
        }
        Token end = c.end();
        if (endpoint == null) throw ConfigError.at(end, "endpoint", "vpls endpoint missing");
        if (base == null) throw ConfigError.at(end, "base", "vpls base missing");
        if (offset == null) throw ConfigError.at(end, "offset", "vpls offset missing");
        if (size == null) throw ConfigError.at(end, "size", "vpls size missing");
        if (rd == null) throw ConfigError.at(end, "rd", "vpls rd missing");
        // config.md §12.2: the label block must fit in 20 bits
        if (base > 0xFFFFF - size) throw ConfigError.at(baseAt, "a base at most 0xFFFFF - size", "vpls size inconsistency");
        IpAddress nextHop = d.nextHop;
        if (nextHop == null && !d.self) {
            if (!withdraw) throw ConfigError.at(end, "next-hop", "vpls next-hop missing");
            nextHop = IpAddress.V4_ZERO;
        }
        Vpls nlri = new Vpls(rd, endpoint, offset, size, base);
        return new Route(
                nlri,
                nextHop,
                d.self,
                AttributeSet.of(d.attributes),
                d.watchdog,
                d.withdraw && d.watchdog != null,
                d.name);
    }

    private static int u16(Cursor c, String what) throws ConfigError {
        c.next("");
        return (int) Values.number(c.next(what), 0, 0xFFFF, what);
    }

    /** config.md §12: {@code asn16:u32}, {@code asn32:u16} or {@code ipv4:u16}. */
    static RouteDistinguisher rd(Token t) throws ConfigError {
        try {
            return RouteDistinguisher.parse(t.text());
        } catch (IllegalArgumentException e) {
            throw ConfigError.at(t, "a route distinguisher (asn:number or ip:number)");
        }
    }

    /** Shared by the route families of this helper: builds the route from the words after the NLRI. */
    static Route build(
            org.jexabgp.wire.nlri.Nlri nlri, AttributeSyntax.Draft d, @Nullable IpAddress nextHop, boolean self) {
        return new Route(
                nlri,
                nextHop,
                self,
                AttributeSet.of(d.attributes),
                d.watchdog,
                d.withdraw && d.watchdog != null,
                d.name);
    }
}
