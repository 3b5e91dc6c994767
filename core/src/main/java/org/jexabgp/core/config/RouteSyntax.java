package org.jexabgp.core.config;

import java.util.ArrayList;
import java.util.List;
import org.jexabgp.core.model.AttributeSet;
import org.jexabgp.core.model.Route;
import org.jexabgp.wire.Afi;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.Safi;
import org.jexabgp.wire.nlri.Prefix;
import org.jexabgp.wire.nlri.inet.InetNlri;
import org.jspecify.annotations.Nullable;

/**
 * Unicast and multicast routes, written the same way in {@code static { }}, {@code announce { ipv4|ipv6 { } }} and the
 * API's {@code announce|withdraw route|ipv4|ipv6|attributes} commands (config.md §10–§12, api.md §4.1–§4.3): one
 * grammar, one place.
 */
public final class RouteSyntax {
    private RouteSyntax() {}

    /** Where API command text comes from in error messages. */
    public static final String API_SOURCE = "command";

    /** More sub-prefixes than this from one {@code split} is refused rather than exhausting memory. */
    static final int MAX_SPLIT = 1 << 16;

    /**
     * Parses the text after {@code announce } (api.md §4.1–§4.3): {@code route P attrs…}, {@code ipv4|ipv6
     * unicast|multicast P attrs…} or {@code attribute[s] attrs… nlri P P…}, {@code split} expanded.
     */
    public static List<Route> parseApiRoute(String text) throws ConfigError {
        return parseApiRoute(text, false);
    }

    /**
     * As {@link #parseApiRoute(String)}; with withdraw, the text followed {@code withdraw }: the next hop is optional
     * (0.0.0.0 or :: when absent, api.md §4.1).
     */
    public static List<Route> parseApiRoute(String text, boolean withdraw) throws ConfigError {
        String line = text.strip();
        // api.md §4.4: flow routes have their own grammar, block form included
        if (line.startsWith("flow ")) return FlowSyntax.parseApi(line.substring(5));
        // api.md §1.3: route text not ending in ';' or '}' gets " ;" appended before tokenising
        if (!line.endsWith(";") && !line.endsWith("}")) line = line + " ;";
        List<Statement> statements = Tokenizer.text(line, API_SOURCE);
        if (statements.isEmpty()) throw new ConfigError(API_SOURCE, 1, 1, "a route", "nothing", null);
        Statement s = statements.getFirst();
        if (statements.size() > 1) throw ConfigError.at(statements.get(1).head(), "one route command");
        if (!s.isCommand()) throw ConfigError.at(s.terminator(), "';'", "route blocks are not supported in commands");
        Cursor c = new Cursor(s);
        Token kw = c.next("route, ipv4, ipv6 or attributes");
        return switch (kw.text()) {
            case "route" -> one(c, null, withdraw, Form.STATIC);
            case "ipv4", "ipv6" -> {
                Token safi = c.next("unicast or multicast");
                if (safi.text().equals("mcast-vpn")) yield List.of(McastVpnSyntax.route(c, kw, withdraw));
                if (safi.text().equals("mup")) yield List.of(MupSyntax.route(c, kw, withdraw));
                // extension (docs/sr-policy.md): announce|withdraw ipv4|ipv6 sr-policy …
                if (safi.text().equals("sr-policy")) yield List.of(SrPolicySyntax.route(c, kw, withdraw));
                if (safi.text().equals("rtc") && kw.text().equals("ipv4")) yield List.of(RtcSyntax.route(c, withdraw));
                if (FlowSyntax.handles(safi)) yield List.of(FlowSyntax.announced(c, kw, safi));
                yield one(c, announced(kw, safi), withdraw, Form.ANNOUNCE);
            }
            case "vpls" -> List.of(L2vpnSyntax.route(c, withdraw));
            // extension (docs/evpn.md): announce [l2vpn] evpn …, announce [ipv4] rtc …
            case "evpn" -> List.of(EvpnSyntax.route(c, withdraw));
            case "rtc" -> List.of(RtcSyntax.route(c, withdraw));
            case "l2vpn" -> {
                Token safi = c.next("evpn or vpls");
                if (safi.text().equals("evpn")) yield List.of(EvpnSyntax.route(c, withdraw));
                if (safi.text().equals("vpls")) yield List.of(L2vpnSyntax.route(c, withdraw));
                throw ConfigError.at(safi, "evpn or vpls");
            }
            case "attribute", "attributes" -> attributesNlri(c, withdraw);
            default -> throw ConfigError.at(kw, "route, ipv4, ipv6 or attributes");
        };
    }

    /** Which grammar a route statement follows: they differ in the allowed keywords (config.md §10.1, §10.2). */
    enum Form {
        STATIC,
        ANNOUNCE
    }

    /** {@code static { }} (config.md §10.1). */
    static void staticSection(Block block, NeighborDraft draft) throws ConfigError {
        // issue 9: a plain `route P <attributes>;` line goes from the file's characters to the draft, uncut
        Tokenizer.LineTaker lines = (line, end, file, number) ->
                block.routeTemplates.staticLine(line, end, file, number, draft.routes);
        block.lineTaker(lines);
        try {
            staticStatements(block, draft, lines);
        } finally {
            block.lineTaker(null);
        }
    }

    private static void staticStatements(Block block, NeighborDraft draft, Tokenizer.LineTaker lines)
            throws ConfigError {
        block.section(s -> {
            Token kw = s.head();
            if (s.opens()) {
                if (!kw.text().equals("route"))
                    throw ConfigError.at(kw, "route", "section " + kw.text() + " is invalid in static");
                // route <prefix> { attr; attr; }: the statements of the block are one attribute list
                if (s.words().size() != 2) throw ConfigError.at(s.terminator(), "route <prefix> {");
                List<Token> words = new ArrayList<>();
                words.add(s.words().get(1));
                block.lineTaker(null);
                block.section(a -> {
                    if (a.opens()) throw ConfigError.at(a.head(), "an attribute", "section is invalid in route");
                    words.addAll(a.words());
                });
                block.lineTaker(lines);
                add(draft, one(new Cursor(words, s.terminator()), null, false, Form.STATIC), s.words().get(1));
                return;
            }
            Cursor c = new Cursor(s);
            c.next("route or attributes");
            switch (kw.text()) {
                case "route" -> {
                    // issue 9: the common `route P next-hop X …;` shares its parsed attributes with the lines before
                    List<Route> fast = block.routeTemplates.routeWords(s.words());
                    add(draft, fast != null ? fast : one(c, null, false, Form.STATIC), c.peekOrEnd());
                }
                // D3: in a file, the attributes form announces its prefixes, as the API does
                case "attribute", "attributes" -> add(draft, attributesNlri(c, false), kw);
                default -> throw ConfigError.at(kw, "route or attributes", "invalid keyword \"" + kw.text() + "\"");
            }
        });
    }

    /** {@code announce { ipv4 { unicast …; } ipv6 { … } }} (config.md §10.2). */
    static void announceSection(Block block, NeighborDraft draft) throws ConfigError {
        block.section(s -> {
            Token afi = s.head();
            if (!s.opens()) throw ConfigError.at(afi, "ipv4 { or ipv6 {", "invalid keyword \"" + afi.text() + "\"");
            NeighborSyntax.noArguments(s);
            switch (afi.text()) {
                case "ipv4", "ipv6" -> block.section(r -> {
                    if (r.opens()) throw ConfigError.at(r.head(), "a route", "section is invalid in " + afi.text());
                    Cursor c = new Cursor(r);
                    Token safi = c.next("unicast or multicast");
                    if (safi.text().equals("mcast-vpn")) add(draft, List.of(McastVpnSyntax.route(c, afi, false)), safi);
                    else if (safi.text().equals("mup")) add(draft, List.of(MupSyntax.route(c, afi, false)), safi);
                    else if (safi.text().equals("sr-policy"))
                        add(draft, List.of(SrPolicySyntax.route(c, afi, false)), safi);
                    else if (safi.text().equals("rtc") && afi.text().equals("ipv4"))
                        add(draft, List.of(RtcSyntax.route(c, false)), safi);
                    else if (FlowSyntax.handles(safi)) add(draft, List.of(FlowSyntax.announced(c, afi, safi)), safi);
                    else add(draft, one(c, announced(afi, safi), false, Form.ANNOUNCE), safi);
                });
                case "l2vpn" -> L2vpnSyntax.section(block, draft);
                default -> throw ConfigError.at(afi, "ipv4 or ipv6", "section " + afi.text() + " is invalid");
            }
        });
    }

    private static void add(NeighborDraft draft, List<Route> routes, Token at) {
        for (Route r : routes) draft.routes.add(new NeighborDraft.Item<>(r, at));
    }

    /** The family an {@code announce ipv4|ipv6 <safi>} statement names; only unicast and multicast so far. */
    private static Family announced(Token afi, Token safi) throws ConfigError {
        Afi a = afi.text().equals("ipv4") ? Afi.IPV4 : Afi.IPV6;
        return switch (safi.text()) {
            case "unicast" -> new Family(a, Safi.UNICAST);
            case "multicast" -> new Family(a, Safi.MULTICAST);
            // D2 fixed: mpls-vpn is SAFI 128, not unicast
            case "nlri-mpls" -> new Family(a, Safi.NLRI_MPLS);
            case "mpls-vpn" -> new Family(a, Safi.MPLS_VPN);
            case "mcast-vpn", "flow", "flow-vpn", "mup" ->
                throw ConfigError.at(
                        safi, "unicast or multicast", afi.text() + " " + safi.text() + " is not supported yet by jexabgp");
            default -> throw ConfigError.at(safi, "a safi (unicast, multicast, ...)");
        };
    }

    /** {@code <prefix> <attributes>}: one route, or several with {@code split}. */
    private static List<Route> one(Cursor c, @Nullable Family announced, boolean withdraw, Form form)
            throws ConfigError {
        Token at = c.next("a prefix");
        Prefix prefix = Values.prefix(at);
        Family family = announced != null ? announced : family(prefix);
        if (!family.afi().equals(prefix.address().afi()))
            throw ConfigError.at(at, "an " + family.afi().name() + " prefix");
        AttributeSyntax.Draft d = new AttributeSyntax.Draft();
        while (c.hasNext()) AttributeSyntax.attribute(c, d, form == Form.STATIC || MplsSyntax.takesPathInformation(family));
        return routes(List.of(new Located(prefix, family, at)), d, withdraw);
    }

    /** {@code attribute[s] <attributes> nlri <prefix> <prefix>…} (config.md §10.1, api.md §4.3). */
    private static List<Route> attributesNlri(Cursor c, boolean withdraw) throws ConfigError {
        AttributeSyntax.Draft d = new AttributeSyntax.Draft();
        while (c.hasNext() && !isNlri(c.peek())) AttributeSyntax.attribute(c, d, true);
        c.next("nlri");
        List<Located> prefixes = new ArrayList<>();
        while (c.hasNext()) {
            Token t = c.next("a prefix");
            Prefix p = Values.prefix(t);
            prefixes.add(new Located(p, family(p), t));
        }
        if (prefixes.isEmpty()) throw ConfigError.at(c.end(), "a prefix after nlri", "end of statement", null);
        return routes(prefixes, d, withdraw);
    }

    private static boolean isNlri(@Nullable Token t) {
        return t != null && !t.quoted() && t.text().equals("nlri");
    }

    private record Located(Prefix prefix, Family family, Token at) {}

    /** config.md §10.1: the prefix picks the family; IPv4 224/4 is multicast. */
    static Family family(Prefix p) {
        if (p.address().isV4()) {
            int first = p.address().bytes().u8(0);
            return first >= 224 && first <= 239 ? Family.IPV4_MULTICAST : Family.IPV4_UNICAST;
        }
        return Family.IPV6_UNICAST;
    }

    private static List<Route> routes(List<Located> prefixes, AttributeSyntax.Draft d, boolean withdraw)
            throws ConfigError {
        AttributeSet attributes = AttributeSet.of(d.attributes);
        // D9: withdraw without watchdog is ignored
        boolean startsWithdrawn = d.withdraw && d.watchdog != null;
        List<Route> out = new ArrayList<>();
        for (Located l : prefixes) {
            // label / rd turn a prefix route into nlri-mpls / mpls-vpn (config.md §10.1)
            Family family = MplsSyntax.family(l.family, d);
            IpAddress nextHop = d.nextHop;
            if (nextHop == null && !d.self) {
                boolean ipv4Unicast = family.afi().equals(Afi.IPV4)
                        && (family.safi().equals(Safi.UNICAST) || family.safi().equals(Safi.MULTICAST));
                if (withdraw) nextHop = l.prefix.address().isV4() ? IpAddress.V4_ZERO : IpAddress.V6_ZERO;
                else if (ipv4Unicast)
                    throw ConfigError.at(
                            l.at, "next-hop", "none", "invalid route (missing next-hop, label or rd ?)");
            }
            for (Prefix p : split(l.prefix, d.split, l.at)) {
                out.add(new Route(
                        MplsSyntax.nlri(family, p, d, l.at),
                        nextHop,
                        d.self,
                        attributes,
                        d.watchdog,
                        startsWithdrawn,
                        d.name));
            }
        }
        return out;
    }

    /** config.md §11: {@code split /n} expands into every /n inside the prefix; ignored when n ≤ the length. */
    static List<Prefix> split(Prefix p, int to, Token at) throws ConfigError {
        int max = p.address().isV4() ? 32 : 128;
        if (to > max) throw ConfigError.at(at, "a split length up to /" + max, "split /" + to + " is invalid");
        if (to <= p.length()) return List.of(p);
        int bits = to - p.length();
        if (bits > 16)
            throw ConfigError.at(at, "a split of at most " + MAX_SPLIT + " prefixes", "split /" + to + " is too large");
        byte[] base = p.address().bytes().toArray();
        List<Prefix> out = new ArrayList<>(1 << bits);
        for (int i = 0; i < 1 << bits; i++) {
            byte[] a = base.clone();
            // write i into bits [p.length, to) of the address
            for (int b = 0; b < bits; b++) {
                if ((i >>> (bits - 1 - b) & 1) == 0) continue;
                int bit = p.length() + b;
                a[bit / 8] |= (byte) (0x80 >>> (bit % 8));
            }
            out.add(new Prefix(IpAddress.of(a), to));
        }
        return out;
    }
}
