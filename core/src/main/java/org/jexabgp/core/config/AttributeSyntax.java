package org.jexabgp.core.config;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.attribute.Aggregator;
import org.jexabgp.wire.attribute.AsPath;
import org.jexabgp.wire.attribute.AtomicAggregate;
import org.jexabgp.wire.attribute.Attribute;
import org.jexabgp.wire.attribute.ClusterList;
import org.jexabgp.wire.attribute.Communities;
import org.jexabgp.wire.attribute.Community;
import org.jexabgp.wire.attribute.ExtendedCommunities;
import org.jexabgp.wire.attribute.ExtendedCommunity;
import org.jexabgp.wire.attribute.GenericAttribute;
import org.jexabgp.wire.attribute.LargeCommunities;
import org.jexabgp.wire.attribute.LargeCommunity;
import org.jexabgp.wire.attribute.LocalPref;
import org.jexabgp.wire.attribute.Med;
import org.jexabgp.wire.attribute.Origin;
import org.jexabgp.wire.attribute.OriginatorId;
import org.jspecify.annotations.Nullable;

/** The attribute and qualifier keywords of a route (config.md §12), one keyword and its value at a time. */
final class AttributeSyntax {
    private AttributeSyntax() {}

    /** What a route's words set so far. */
    static final class Draft {
        @Nullable IpAddress nextHop;
        boolean self;
        final List<Attribute> attributes = new ArrayList<>();
        long pathId;
        int split = -1;
        @Nullable String watchdog;
        boolean withdraw;
        @Nullable String name;
        /** {@code label}: makes a prefix route nlri-mpls (config.md §10.1). */
        org.jexabgp.wire.nlri.@Nullable Labels labels;
        /** {@code rd} / {@code route-distinguisher}: makes a prefix route mpls-vpn. */
        org.jexabgp.wire.nlri.@Nullable RouteDistinguisher rd;
    }

    /** Keywords of config.md §10 that belong to families or attributes jexabgp does not parse yet. */
    private static final List<String> NOT_YET = List.of(
            "label", "rd", "route-distinguisher", "bgp-prefix-sid", "bgp-prefix-sid-srv6");

    /** Reads one keyword and its value. pathInformation: whether {@code path-information} is allowed here. */
    static void attribute(Cursor c, Draft d, boolean pathInformation) throws ConfigError {
        Token kw = c.next("an attribute");
        switch (kw.text()) {
            case "next-hop" -> {
                Token t = c.next("an IP address or self");
                if (t.text().equals("self")) {
                    d.self = true;
                    d.nextHop = null;
                } else {
                    d.nextHop = Values.ip(t);
                    d.self = false;
                }
            }
            case "origin" -> {
                Token t = c.next("igp, egp or incomplete");
                try {
                    d.attributes.add(Origin.parse(t.text()));
                } catch (IllegalArgumentException e) {
                    throw ConfigError.at(t, "igp, egp or incomplete");
                }
            }
            case "as-path" -> d.attributes.add(asPath(c));
            case "med" -> d.attributes.add(new Med(Values.number(c.next("a med"), 0, 0xFFFF_FFFFL, "a med (u32)")));
            case "local-preference" ->
                d.attributes.add(new LocalPref(
                        Values.number(c.next("a local-preference"), 0, 0xFFFF_FFFFL, "a local-preference (u32)")));
            case "atomic-aggregate" -> d.attributes.add(AtomicAggregate.INSTANCE);
            case "aggregator" -> d.attributes.add(aggregator(c));
            case "originator-id" -> d.attributes.add(new OriginatorId(Values.ipv4(c.next("an originator-id"))));
            case "cluster-list" -> {
                List<IpAddress> ids = new ArrayList<>();
                for (Token t : list(c, "a cluster id", false)) ids.add(Values.ipv4(t));
                d.attributes.add(new ClusterList(ids));
            }
            case "community" -> {
                List<Community> cs = new ArrayList<>();
                for (Token t : list(c, "a community", false)) cs.add(community(t));
                d.attributes.add(new Communities(cs));
            }
            case "large-community" -> {
                List<LargeCommunity> cs = new ArrayList<>();
                for (Token t : list(c, "a large community", false)) cs.add(largeCommunity(t));
                d.attributes.add(new LargeCommunities(cs));
            }
            case "extended-community" -> {
                List<ExtendedCommunity> cs = new ArrayList<>();
                for (Token t : list(c, "an extended community", false)) cs.add(ExtendedCommunitySyntax.parse(t));
                d.attributes.add(new ExtendedCommunities(cs));
            }
            case "attribute" -> d.attributes.add(generic(c));
            // extension (docs/sr-policy.md): Tunnel Encapsulation attribute, RFC 9012
            case "tunnel-encap" -> d.attributes.add(SrPolicySyntax.tunnelEncap(c));
            case "label" -> d.labels = MplsSyntax.labels(c);
            case "rd", "route-distinguisher" -> d.rd = MplsSyntax.rd(c);
            case "bgp-prefix-sid" -> PrefixSidSyntax.add(d.attributes, PrefixSidSyntax.labelIndex(c));
            case "bgp-prefix-sid-srv6" -> PrefixSidSyntax.add(d.attributes, PrefixSidSyntax.srv6(c));
            // config.md §12: decimal or 0x hex, an unsigned 64-bit metric (RFC 7311 §3)
            case "aigp" -> {
                Token t = c.next("an aigp metric");
                boolean hex = t.text().startsWith("0x") || t.text().startsWith("0X");
                long metric = hex
                        ? Values.numberOrHex(t, -1L, "an aigp metric (u64)")
                        : Values.number(t, 0, Long.MAX_VALUE, "an aigp metric");
                d.attributes.add(new org.jexabgp.wire.attribute.Aigp(metric));
            }
            case "pmsi" -> d.attributes.add(PmsiSyntax.parse(c));
            case "path-information" -> {
                if (!pathInformation) throw ConfigError.at(kw, "an attribute", "path-information is invalid here");
                Token t = c.next("a path identifier");
                IpAddress ip = t.text().indexOf('.') >= 0 ? Values.ipv4(t) : null;
                d.pathId = ip != null ? ip.v4Value() : Values.number(t, 0, 0xFFFF_FFFFL, "a path identifier");
            }
            case "split" -> {
                Token t = c.next("/<length>");
                String s = t.text();
                if (!s.startsWith("/")) throw ConfigError.at(t, "/<length>");
                Token n = new Token(s.substring(1), t.file(), t.line(), t.column() + 1, t.quoted());
                d.split = (int) Values.number(n, 0, 128, "/<length>");
            }
            case "name" -> d.name = c.word("a name");
            case "watchdog" -> {
                Token t = c.next("a watchdog name");
                if (t.text().equals("announce") || t.text().equals("withdraw"))
                    throw ConfigError.at(t, "a watchdog name other than announce or withdraw");
                d.watchdog = t.text();
            }
            case "withdraw" -> d.withdraw = true;
            default -> {
                if (NOT_YET.contains(kw.text()))
                    throw ConfigError.at(
                            kw, "a supported attribute", "'" + kw.text() + "' is not supported yet by jexabgp");
                throw ConfigError.at(kw, "an attribute", "invalid keyword \"" + kw.text() + "\"");
            }
        }
    }

    /**
     * One value or {@code [ v v … ]}. Commas are refused (ExaBGP refuses {@code community [1:1,2:2]}, api.md §4.1)
     * unless skipCommas.
     */
    private static List<Token> list(Cursor c, String what, boolean skipCommas) throws ConfigError {
        List<Token> out = new ArrayList<>();
        if (!c.peekIs("[")) {
            Token t = c.next(what);
            if (!t.quoted() && (t.text().equals("]") || t.text().equals(","))) throw ConfigError.at(t, what);
            out.add(t);
            return out;
        }
        c.expect("[");
        while (true) {
            Token t = c.next(what + " or ']'");
            if (t.is("]")) break;
            if (t.is(",")) {
                if (skipCommas) continue;
                throw ConfigError.at(t, what + " or ']'");
            }
            if (t.is("[")) throw ConfigError.at(t, what + " or ']'");
            out.add(t);
        }
        return out;
    }

    /**
     * config.md §12: {@code [ a b ]} is a sequence, {@code ( a b )} a set, groups may follow each other, commas are
     * skipped, and a bare ASN is a one-element sequence (D5).
     */
    private static AsPath asPath(Cursor c) throws ConfigError {
        List<AsPath.Segment> segments = new ArrayList<>();
        if (!c.peekIs("[") && !isOpenParen(c.peek())) {
            segments.add(AsPath.Segment.sequence(Values.asn(c.next("an as-path"))));
            return new AsPath(segments);
        }
        while (c.peekIs("[") || isOpenParen(c.peek())) {
            boolean sequence = c.peekIs("[");
            String close = sequence ? "]" : ")";
            c.next("");
            List<Long> asns = new ArrayList<>();
            while (true) {
                Token t = c.next("an ASN or '" + close + "'");
                if (t.is(",")) continue;
                if (!t.quoted() && t.text().equals(close)) break;
                asns.add(Values.asn(t));
            }
            if (asns.isEmpty()) continue;
            long[] a = asns.stream().mapToLong(Long::longValue).toArray();
            segments.add(sequence ? AsPath.Segment.sequence(a) : AsPath.Segment.set(a));
        }
        return new AsPath(segments);
    }

    private static boolean isOpenParen(@Nullable Token t) {
        return t != null && !t.quoted() && t.text().equals("(");
    }

    /** {@code ( asn:ip )}, also glued {@code (asn:ip)} (config.md §12). */
    private static Aggregator aggregator(Cursor c) throws ConfigError {
        Token first = c.next("( <asn>:<ip> )");
        StringBuilder text = new StringBuilder(first.text());
        boolean paren = first.text().startsWith("(");
        if (paren) {
            while (!text.toString().endsWith(")")) text.append(c.next("')'").text());
            text.deleteCharAt(0).deleteCharAt(text.length() - 1);
        }
        String s = text.toString();
        int colon = s.indexOf(':');
        if (colon < 0) throw ConfigError.at(first, "( <asn>:<ip> )");
        Token asn = new Token(s.substring(0, colon), first.file(), first.line(), first.column(), first.quoted());
        Token ip = new Token(s.substring(colon + 1), first.file(), first.line(), first.column(), first.quoted());
        return new Aggregator(Values.asn(asn), Values.ipv4(ip));
    }

    /** config.md §12: {@code a:b}, decimal, {@code 0x} hex, or a well-known name. */
    static Community community(Token t) throws ConfigError {
        try {
            return Community.parse(t.text());
        } catch (IllegalArgumentException e) {
            throw ConfigError.at(t, "a community (a:b, number, no-export, ...)");
        }
    }

    /** {@code a:b:c}, or a 96-bit decimal or {@code 0x} number (D6: hex accepted). */
    static LargeCommunity largeCommunity(Token t) throws ConfigError {
        String s = t.text();
        try {
            if (s.indexOf(':') >= 0) {
                String[] p = s.split(":", -1);
                if (p.length != 3) throw ConfigError.at(t, "a large community a:b:c");
                long[] v = new long[3];
                for (int i = 0; i < 3; i++) {
                    Token part = new Token(p[i], t.file(), t.line(), t.column(), t.quoted());
                    v[i] = Values.number(part, 0, 0xFFFF_FFFFL, "a large community a:b:c");
                }
                return new LargeCommunity(v[0], v[1], v[2]);
            }
            boolean hex = s.startsWith("0x") || s.startsWith("0X");
            BigInteger n = new BigInteger(hex ? s.substring(2) : s, hex ? 16 : 10);
            if (n.signum() < 0 || n.bitLength() > 96) throw ConfigError.at(t, "a large community a:b:c");
            long mask = 0xFFFF_FFFFL;
            return new LargeCommunity(
                    n.shiftRight(64).longValue() & mask, n.shiftRight(32).longValue() & mask, n.longValue() & mask);
        } catch (NumberFormatException e) {
            throw ConfigError.at(t, "a large community a:b:c");
        }
    }

    /** {@code attribute [ 0x<code> 0x<flags> 0x<hex> ]}, sent verbatim (config.md §12). */
    private static GenericAttribute generic(Cursor c) throws ConfigError {
        c.expect("[");
        Token code = c.next("0x<code>");
        Token flags = c.next("0x<flags>");
        Token data = c.next("0x<data>");
        c.expect("]");
        int cd = (int) Values.numberOrHex(code, 0xFF, "an attribute code (0x00..0xFF)");
        int fl = (int) Values.numberOrHex(flags, 0xFF, "attribute flags (0x00..0xFF)");
        String hex = data.text();
        if (!hex.startsWith("0x") && !hex.startsWith("0X")) throw ConfigError.at(data, "0x<hex data>");
        Bytes value;
        try {
            value = Bytes.fromHex(hex.substring(2));
        } catch (IllegalArgumentException e) {
            throw ConfigError.at(data, "0x<hex data> (an even number of hex digits)");
        }
        if (value.length() > 0xFFFF) throw ConfigError.at(data, "at most 65535 bytes of data");
        return new GenericAttribute(cd, fl, value);
    }
}
