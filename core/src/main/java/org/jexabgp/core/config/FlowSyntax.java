package org.jexabgp.core.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import org.jexabgp.core.model.AttributeSet;
import org.jexabgp.core.model.Route;
import org.jexabgp.wire.Afi;
import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.Safi;
import org.jexabgp.wire.attribute.Attribute;
import org.jexabgp.wire.attribute.ExtendedCommunities;
import org.jexabgp.wire.attribute.ExtendedCommunity;
import org.jexabgp.wire.attribute.FlowCommunities;
import org.jexabgp.wire.attribute.Ipv6ExtendedCommunities;
import org.jexabgp.wire.nlri.Prefix;
import org.jexabgp.wire.nlri.RouteDistinguisher;
import org.jexabgp.wire.nlri.flow.FlowComponent;
import org.jexabgp.wire.nlri.flow.FlowComponentType;
import org.jexabgp.wire.nlri.flow.FlowNlri;
import org.jexabgp.wire.nlri.flow.FlowOperatorComponent;
import org.jexabgp.wire.nlri.flow.FlowPrefixComponent;
import org.jexabgp.wire.nlri.flow.FlowTerm;
import org.jspecify.annotations.Nullable;

/**
 * FlowSpec routes (config.md §10.3, §13; api.md §4.4): the {@code flow { route … }} section in its block and one-line
 * forms, {@code announce ipv4|ipv6 { flow …; flow-vpn …; }}, and the API's {@code announce|withdraw flow route …}.
 * One grammar: match components, {@code scope} and {@code then} actions.
 */
final class FlowSyntax {
    private FlowSyntax() {}

    /** config.md §13.3: rate-limit is clamped to 10^12 bytes/s. */
    private static final long MAX_RATE = 1_000_000_000_000L;

    /** What a rule's words set so far. */
    private static final class Draft {
        @Nullable RouteDistinguisher rd;
        @Nullable IpAddress nextHop;
        boolean self;
        @Nullable Boolean ipv6;
        /** Components by type (wire.md §5.1: increasing type order); a type's terms or prefixes in written order. */
        final TreeMap<Integer, List<FlowComponent>> components = new TreeMap<>();
        final List<ExtendedCommunity> communities = new ArrayList<>();
        final List<Bytes> ipv6Communities = new ArrayList<>();
        final AttributeSyntax.Draft attributes = new AttributeSyntax.Draft();
    }

    /** Where a keyword may appear. */
    private enum Part {
        MATCH,
        SCOPE,
        THEN,
        ANY
    }

    /** {@code flow { route [name] { … } route <one-line>; }} (config.md §10.3). */
    static void section(Block block, NeighborDraft draft) throws ConfigError {
        block.section(s -> {
            Token kw = s.head();
            if (!kw.text().equals("route")) throw ConfigError.at(kw, "route", "invalid keyword \"" + kw.text() + "\"");
            Route r;
            if (s.opens()) {
                if (s.words().size() > 2) throw ConfigError.at(s.words().get(2), "'{'");
                r = routeBlock(block, kw);
            } else {
                Cursor c = new Cursor(s);
                c.next("route");
                r = oneLine(c, null, false, false);
            }
            draft.routes.add(new NeighborDraft.Item<>(r, kw));
        });
    }

    /**
     * {@code announce ipv4|ipv6 { flow …; flow-vpn …; }} and the API's {@code announce ipv4 flow …}: the SAFI word is
     * already read; the AFI is the section's.
     */
    static Route announced(Cursor c, Token afi, Token safi) throws ConfigError {
        boolean vpn = safi.text().equals("flow-vpn");
        Route r = oneLine(c, Afi.parse(afi.text()), vpn, true);
        return r;
    }

    /** True for the SAFI words this grammar handles. */
    static boolean handles(Token safi) {
        return safi.text().equals("flow") || safi.text().equals("flow-vpn");
    }

    /**
     * The API's text after {@code announce flow } / {@code withdraw flow } (api.md §4.4): {@code route { … }} on one
     * line (escaped newlines included), or {@code route <terms>}; {@code rd} and {@code next-hop} are allowed in both.
     */
    static List<Route> parseApi(String text) throws ConfigError {
        String line = text.strip();
        if (!line.endsWith(";") && !line.endsWith("}")) line = line + " ;";
        List<Statement> statements = Tokenizer.text(line, RouteSyntax.API_SOURCE);
        Block block = new Block(statements);
        Statement s = block.next();
        if (s == null) throw new ConfigError(RouteSyntax.API_SOURCE, 1, 1, "route", "nothing", null);
        Token kw = s.head();
        if (!kw.text().equals("route")) throw ConfigError.at(kw, "route");
        Route r;
        if (s.opens()) {
            r = routeBlock(block, kw);
        } else {
            Cursor c = new Cursor(s);
            c.next("route");
            r = oneLine(c, null, false, true);
        }
        // a trailing escaped newline leaves an empty statement behind (api.md §4.4, etc/exabgp/run/dynamic-1.sh)
        for (Statement extra = block.next(); extra != null; extra = block.next()) {
            if (!extra.words().isEmpty() || !extra.isCommand()) throw ConfigError.at(extra.head(), "end of command");
        }
        return List.of(r);
    }

    /** {@code route [name] { rd; next-hop; match { } scope { } then { } }}: the opening is read. */
    private static Route routeBlock(Block block, Token at) throws ConfigError {
        Draft d = new Draft();
        block.section(s -> {
            Token kw = s.head();
            if (s.opens()) {
                Part part = switch (kw.text()) {
                    case "match" -> Part.MATCH;
                    case "scope" -> Part.SCOPE;
                    case "then" -> Part.THEN;
                    default -> throw ConfigError.at(kw, "match, scope or then", "section " + kw.text() + " is invalid");
                };
                NeighborSyntax.noArguments(s);
                block.section(inner -> {
                    if (inner.opens()) throw ConfigError.at(inner.head(), "a " + kw.text() + " keyword");
                    Cursor c = new Cursor(inner);
                    while (c.hasNext()) keyword(c, d, part);
                });
                return;
            }
            Cursor c = new Cursor(s);
            while (c.hasNext()) {
                Token k = c.next("rd, next-hop, match, scope or then");
                switch (k.text()) {
                    case "rd", "route-distinguisher" -> d.rd = rd(c.next("a route distinguisher"));
                    case "next-hop" -> nextHop(c, d);
                    default -> throw ConfigError.at(k, "rd, next-hop, match, scope or then");
                }
            }
        });
        return build(d, null, false, at);
    }

    /** Match, scope and then keywords mixed freely; rd and next-hop only where allowed. */
    private static Route oneLine(Cursor c, @Nullable Afi afi, boolean vpn, boolean routeQualifiers)
            throws ConfigError {
        Draft d = new Draft();
        while (c.hasNext()) {
            Token k = c.peekOrEnd();
            if (routeQualifiers && (k.text().equals("rd") || k.text().equals("route-distinguisher"))) {
                c.next("rd");
                d.rd = rd(c.next("a route distinguisher"));
                continue;
            }
            if (routeQualifiers && k.text().equals("next-hop")) {
                c.next("next-hop");
                nextHop(c, d);
                continue;
            }
            keyword(c, d, Part.ANY);
        }
        return build(d, afi, vpn, c.end());
    }

    private static void nextHop(Cursor c, Draft d) throws ConfigError {
        Token t = c.next("an IP address or self");
        if (t.text().equals("self")) {
            d.self = true;
            d.nextHop = null;
        } else {
            d.nextHop = Values.ip(t);
            d.self = false;
        }
    }

    private static RouteDistinguisher rd(Token t) throws ConfigError {
        try {
            return RouteDistinguisher.parse(t.text());
        } catch (IllegalArgumentException e) {
            throw ConfigError.at(t, "a route distinguisher (asn:n or ip:n)");
        }
    }

    /** One keyword and its value. */
    private static void keyword(Cursor c, Draft d, Part part) throws ConfigError {
        Token kw = c.next("a flow keyword");
        String k = kw.text().toLowerCase(Locale.ROOT);
        FlowComponentType type = matchType(k);
        if (type != null) {
            allowed(kw, part, Part.MATCH);
            if (type.kind() == FlowComponentType.Kind.PREFIX) {
                for (Token t : values(c, "a prefix")) prefix(t, type, d);
            } else {
                terms(c, type, d);
            }
            return;
        }
        if (k.equals("interface-set")) {
            allowed(kw, part, Part.SCOPE);
            for (Token t : values(c, "an interface-set")) d.communities.add(interfaceSet(t));
            return;
        }
        allowed(kw, part, Part.THEN);
        then(kw, k, c, d);
    }

    /** A match keyword in {@code then { }} (and so on) is refused; the one-line form takes any keyword. */
    private static void allowed(Token kw, Part part, Part where) throws ConfigError {
        if (part != where && part != Part.ANY)
            throw ConfigError.at(kw, "a " + part.name().toLowerCase(Locale.ROOT) + " keyword");
    }

    private static @Nullable FlowComponentType matchType(String k) {
        return switch (k) {
            case "destination", "destination-ipv4", "destination-ipv6" -> FlowComponentType.DESTINATION;
            case "source", "source-ipv4", "source-ipv6" -> FlowComponentType.SOURCE;
            case "protocol", "next-header" -> FlowComponentType.PROTOCOL;
            case "port" -> FlowComponentType.PORT;
            case "destination-port" -> FlowComponentType.DESTINATION_PORT;
            case "source-port" -> FlowComponentType.SOURCE_PORT;
            case "icmp-type" -> FlowComponentType.ICMP_TYPE;
            case "icmp-code" -> FlowComponentType.ICMP_CODE;
            case "tcp-flags" -> FlowComponentType.TCP_FLAGS;
            case "packet-length" -> FlowComponentType.PACKET_LENGTH;
            case "dscp", "traffic-class" -> FlowComponentType.DSCP;
            case "fragment" -> FlowComponentType.FRAGMENT;
            case "flow-label" -> FlowComponentType.FLOW_LABEL;
            default -> null;
        };
    }

    /** config.md §13.3. */
    private static void then(Token kw, String k, Cursor c, Draft d) throws ConfigError {
        switch (k) {
            case "accept" -> {}
            case "discard" -> d.communities.add(FlowCommunities.trafficRate(0, 0f));
            case "rate-limit" -> {
                Token t = c.next("a rate in bytes per second");
                long rate = Math.min(Values.number(t, 0, Long.MAX_VALUE / 10, "a rate in bytes per second"), MAX_RATE);
                d.communities.add(FlowCommunities.trafficRate(0, (float) rate));
            }
            case "redirect" -> redirect(c.next("asn:value or an IP address"), d);
            case "redirect-to-nexthop" -> d.communities.add(FlowCommunities.redirectToNextHop(false));
            case "redirect-to-nexthop-ietf" -> {
                IpAddress ip = Values.ip(c.next("an IP address"));
                // draft-ietf-idr-flowspec-redirect-ip: IPv4 in EXTENDED_COMMUNITIES, IPv6 in attribute 25 (RFC 5701)
                if (ip.isV4()) d.communities.add(FlowCommunities.redirectToIpv4NextHop(ip, false));
                else d.ipv6Communities.add(Ipv6ExtendedCommunities.redirectToNextHop(ip, false));
            }
            case "copy" -> {
                d.nextHop = Values.ip(c.next("an IP address"));
                d.self = false;
                d.communities.add(FlowCommunities.redirectToNextHop(true));
            }
            case "mark" -> d.communities.add(
                    FlowCommunities.trafficMarking((int) Values.number(c.next("a dscp 0..63"), 0, 63, "a dscp 0..63")));
            case "action" -> {
                Token t = c.next("sample, terminal or sample-terminal");
                String a = t.text().toLowerCase(Locale.ROOT);
                boolean sample = a.contains("sample");
                boolean terminal = a.contains("terminal");
                if (!sample && !terminal) throw ConfigError.at(t, "sample, terminal or sample-terminal");
                d.communities.add(FlowCommunities.trafficAction(sample, terminal));
            }
            case "community", "large-community", "extended-community" -> {
                // the attribute grammar reads these; it needs the keyword again
                List<Token> words = new ArrayList<>();
                words.add(kw);
                while (c.hasNext() && words.size() == 1 || (c.hasNext() && inList(words))) {
                    words.add(c.next("a value"));
                }
                AttributeSyntax.attribute(new Cursor(words, c.end()), d.attributes, false);
            }
            default -> throw ConfigError.at(kw, "a flow keyword", "invalid keyword \"" + kw.text() + "\"");
        }
    }

    /** Whether the words taken so far are an unfinished {@code [ … ]} list. */
    private static boolean inList(List<Token> words) {
        if (words.size() < 2 || !words.get(1).is("[")) return false;
        return !words.getLast().is("]");
    }

    /**
     * {@code redirect asn:value} (a VRF, 2- or 4-byte AS), or {@code redirect <ip>} (next hop and the simpson
     * redirect-to-nexthop community), config.md §13.3.
     */
    private static void redirect(Token t, Draft d) throws ConfigError {
        String s = t.text();
        IpAddress ip = IpAddress.tryParse(s);
        if (ip != null) {
            d.nextHop = ip;
            d.self = false;
            d.communities.add(FlowCommunities.redirectToNextHop(false));
            return;
        }
        // the API tokenizer spaces out brackets even inside quotes: "[ 2001:db8::1 ]:100"
        if (s.startsWith("[")) s = s.replace(" ", "");
        int colon = s.lastIndexOf(':');
        int close = s.indexOf("]:");
        if (s.startsWith("[") && close > 0) {
            // config.md §13.3 "[<ipv6>]:<n>": next hop and an RFC 5701 IPv6 route target. ExaBGP puts the 20 bytes in
            // EXTENDED_COMMUNITIES (attr 16, quirk); they belong in IPv6 EXTENDED_COMMUNITIES (attr 25).
            IpAddress v6 = IpAddress.tryParse(s.substring(1, close));
            if (v6 == null || v6.isV4()) throw ConfigError.at(t, "redirect \"[<ipv6>]:<n>\"");
            long local = Values.number(sub(t, s.substring(close + 2)), 0, 0xFFFF, "a redirect value up to 65535");
            d.nextHop = v6;
            d.self = false;
            d.ipv6Communities.add(Ipv6ExtendedCommunities.redirect(v6, (int) local));
            return;
        }
        if (colon <= 0 || s.startsWith("[") || s.substring(0, colon).indexOf('.') >= 0)
            throw ConfigError.at(t, "redirect asn:value or an IP address");
        long asn = Values.number(sub(t, s.substring(0, colon)), 0, 0xFFFF_FFFFL, "an ASN");
        long max = asn <= 0xFFFF ? 0xFFFF_FFFFL : 0xFFFF;
        long value = Values.number(sub(t, s.substring(colon + 1)), 0, max, "a redirect value up to " + max);
        d.communities.add(FlowCommunities.redirect(asn, value));
    }

    private static Token sub(Token t, String text) {
        return new Token(text, t.file(), t.line(), t.column(), t.quoted());
    }

    /** {@code [transitive|non-transitive:]input|output|input-output:<asn>:<group>} (config.md §13.2). */
    static ExtendedCommunity interfaceSet(Token t) throws ConfigError {
        String[] p = t.text().split(":", -1);
        String what = "an interface-set transitive|non-transitive:input|output|input-output:asn:group";
        int i = 0;
        boolean transitive = true;
        if (p.length == 4) {
            transitive = switch (p[0]) {
                case "transitive" -> true;
                case "non-transitive" -> false;
                default -> throw ConfigError.at(t, what);
            };
            i = 1;
        } else if (p.length != 3) throw ConfigError.at(t, what);
        int direction = switch (p[i]) {
            case "input" -> 1;
            case "output" -> 2;
            case "input-output" -> 3;
            default -> throw ConfigError.at(t, what);
        };
        long asn = Values.number(sub(t, p[i + 1]), 0, 0xFFFF_FFFFL, what);
        int group = (int) Values.number(sub(t, p[i + 2]), 0, 0x3FFF, what);
        return FlowCommunities.interfaceSet(transitive, direction, asn, group);
    }

    /** One token, or {@code [ t t … ]}; config.md §13.1 quirk: without brackets only one token is read. */
    private static List<Token> values(Cursor c, String what) throws ConfigError {
        List<Token> out = new ArrayList<>();
        if (!c.peekIs("[")) {
            out.add(c.next(what));
            return out;
        }
        c.expect("[");
        while (true) {
            Token t = c.next(what + " or ']'");
            if (t.is("]")) break;
            if (t.is(",")) continue;
            if (t.is("[")) throw ConfigError.at(t, what + " or ']'");
            out.add(t);
        }
        if (out.isEmpty()) throw ConfigError.at(c.last(), what);
        return out;
    }

    /** {@code a.b.c.d/len}, {@code ipv6/len} or {@code ipv6/len/offset} (config.md §13.1, RFC 8956 §3.1). */
    private static void prefix(Token t, FlowComponentType type, Draft d) throws ConfigError {
        String s = t.text();
        String[] p = s.split("/", -1);
        if (p.length < 1 || p.length > 3) throw ConfigError.at(t, "a prefix");
        IpAddress ip = IpAddress.tryParse(p[0]);
        if (ip == null) throw ConfigError.at(t, "a prefix (ip/length)");
        int max = ip.isV4() ? 32 : 128;
        int len = p.length > 1 ? (int) Values.number(sub(t, p[1]), 0, max, "a mask length 0.." + max) : max;
        int offset = 0;
        if (p.length == 3) {
            if (ip.isV4()) throw ConfigError.at(t, "an IPv4 prefix without offset");
            offset = (int) Values.number(sub(t, p[2]), 0, len, "an offset up to the length");
        }
        Prefix prefix = new Prefix(ip, len);
        // an IPv6 pattern with an offset is matched from the offset on: its leading bits are free (RFC 8956 §3.1)
        if (offset == 0 && !prefix.hostBitsClear())
            throw ConfigError.at(t, "a prefix without host bits", "invalid network " + ip + " for netmask " + len);
        boolean v6 = !ip.isV4();
        if (d.ipv6 != null && d.ipv6 != v6) throw ConfigError.at(t, "prefixes of one address family");
        d.ipv6 = v6;
        d.components.computeIfAbsent(type.code(), x -> new ArrayList<>())
                .add(new FlowPrefixComponent(type, prefix, offset));
    }

    /** A numeric or bitmask value list (config.md §13.1), appended to the type's terms. */
    private static void terms(Cursor c, FlowComponentType type, Draft d) throws ConfigError {
        List<FlowTerm> terms = new ArrayList<>();
        List<FlowComponent> existing = d.components.get(type.code());
        if (existing != null && existing.getFirst() instanceof FlowOperatorComponent o) terms.addAll(o.terms());
        List<Token> values = values(c, "a value");
        for (Token t : values) {
            String[] parts = t.text().split("&", -1);
            for (int i = 0; i < parts.length; i++) {
                if (parts[i].isEmpty()) {
                    if (i == 0) continue; // a token starting with '&' ANDs with the previous one
                    throw ConfigError.at(t, "a value after '&'");
                }
                boolean and = i > 0 || t.text().startsWith("&");
                terms.add(term(t, parts[i], type, and && !terms.isEmpty()));
            }
        }
        // only empty words ("", '&'): a component needs a term (CommandFuzz finding)
        if (terms.isEmpty()) throw ConfigError.at(values.getLast(), "a value");
        d.components.put(type.code(), new ArrayList<>(List.of(new FlowOperatorComponent(type, terms))));
    }

    private static FlowTerm term(Token t, String text, FlowComponentType type, boolean and) throws ConfigError {
        int op;
        String v = text;
        if (type.kind() == FlowComponentType.Kind.BITMASK) {
            if (v.startsWith("!=")) {
                op = FlowTerm.NOT | FlowTerm.MATCH;
                v = v.substring(2);
            } else if (v.startsWith("!")) {
                op = FlowTerm.NOT;
                v = v.substring(1);
            } else if (v.startsWith("=")) {
                op = FlowTerm.MATCH;
                v = v.substring(1);
            } else op = 0;
        } else if (v.equals("true") || v.equals("false")) {
            // RFC 8955 §4.2.1.1: lt|gt|eq all set is true, none set is false
            int bits = v.equals("true") ? FlowTerm.LT | FlowTerm.GT | FlowTerm.EQ : 0;
            return new FlowTerm(bits | (and ? FlowTerm.AND : 0), 0, 1);
        } else if (v.startsWith(">=")) {
            op = FlowTerm.GT | FlowTerm.EQ;
            v = v.substring(2);
        } else if (v.startsWith("<=")) {
            op = FlowTerm.LT | FlowTerm.EQ;
            v = v.substring(2);
        } else if (v.startsWith("!=")) {
            op = FlowTerm.LT | FlowTerm.GT;
            v = v.substring(2);
        } else if (v.startsWith(">")) {
            op = FlowTerm.GT;
            v = v.substring(1);
        } else if (v.startsWith("<")) {
            op = FlowTerm.LT;
            v = v.substring(1);
        } else if (v.startsWith("=")) {
            op = FlowTerm.EQ;
            v = v.substring(1);
        } else op = FlowTerm.EQ;
        long value = value(t, v, type);
        return new FlowTerm(op | (and ? FlowTerm.AND : 0), value, type.valueBytes(value));
    }

    /** Decimal, {@code 0x} hex or a name; several joined by {@code +} are OR-ed (config.md §13.1). */
    private static long value(Token t, String text, FlowComponentType type) throws ConfigError {
        String what = "a " + type.jsonName(false) + " value";
        if (text.isEmpty()) throw ConfigError.at(t, what);
        long total = 0;
        for (String piece : text.split("\\+", -1)) {
            long v;
            if (!piece.isEmpty() && Character.isDigit(piece.charAt(0))) {
                v = Values.numberOrHex(sub(t, piece), 0xFFFF_FFFFL, what);
            } else {
                v = type.named(piece);
                // config.md §13.1: ports may be IANA service names (ServicePorts)
                if (v < 0 && isPort(type)) v = ServicePorts.port(piece);
                if (v < 0) throw ConfigError.at(t, what, "unknown " + type.jsonName(false) + " name " + piece);
            }
            total |= v;
        }
        if (total > type.maxValue()) throw ConfigError.at(t, what + " up to " + type.maxValue());
        return total;
    }

    private static boolean isPort(FlowComponentType type) {
        return type == FlowComponentType.PORT
                || type == FlowComponentType.DESTINATION_PORT
                || type == FlowComponentType.SOURCE_PORT;
    }

    /**
     * The route: IPv6 if any prefix is IPv6 (else IPv4, config.md §10.3 quirk) unless the section names the AFI;
     * flow-vpn when an rd is given or the SAFI word says so. Extended communities from actions, scope and
     * {@code extended-community} are one attribute, sorted (config.md §13.3).
     */
    private static Route build(Draft d, @Nullable Afi afi, boolean vpn, Token at)
            throws ConfigError {
        Afi a = afi != null ? afi : Boolean.TRUE.equals(d.ipv6) ? Afi.IPV6 : Afi.IPV4;
        if (afi != null && d.ipv6 != null && d.ipv6 != afi.equals(Afi.IPV6))
            throw ConfigError.at(at, "prefixes of " + afi.name(), "another family", null);
        boolean isVpn = vpn || d.rd != null;
        if (isVpn && d.rd == null)
            throw ConfigError.at(at, "an rd for flow-vpn", "none", null);
        if (d.components.isEmpty())
            throw ConfigError.at(at, "at least one match component", "none", null);
        Family family = new Family(a, isVpn ? Safi.FLOW_VPN : Safi.FLOW);
        List<FlowComponent> components = new ArrayList<>();
        for (List<FlowComponent> l : d.components.values()) components.addAll(l);
        FlowNlri nlri;
        try {
            nlri = new FlowNlri(family, d.rd, components);
            nlri.key(); // refuses a rule longer than RFC 8955 §4.1 allows
        } catch (IllegalArgumentException e) {
            throw ConfigError.at(at, "a valid flow rule", String.valueOf(e.getMessage()), null);
        }
        List<Attribute> attributes = new ArrayList<>();
        List<ExtendedCommunity> ext = new ArrayList<>(d.communities);
        for (Attribute x : d.attributes.attributes) {
            if (x instanceof ExtendedCommunities e) ext.addAll(e.values());
            else attributes.add(x);
        }
        if (!ext.isEmpty()) attributes.add(new ExtendedCommunities(ext));
        if (!d.ipv6Communities.isEmpty()) attributes.add(new Ipv6ExtendedCommunities(d.ipv6Communities));
        return new Route(nlri, d.nextHop, d.self, AttributeSet.of(attributes), null, false, null);
    }
}
