package org.jexabgp.core.config;

import java.util.ArrayList;
import java.util.List;
import org.jexabgp.core.model.Route;
import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.nlri.Labels;
import org.jexabgp.wire.nlri.Prefix;
import org.jexabgp.wire.nlri.RouteDistinguisher;
import org.jexabgp.wire.nlri.evpn.Esi;
import org.jexabgp.wire.nlri.evpn.Evpn;
import org.jexabgp.wire.nlri.evpn.EvpnEthernetAd;
import org.jexabgp.wire.nlri.evpn.EvpnMacIp;
import org.jexabgp.wire.nlri.evpn.EvpnMulticast;
import org.jexabgp.wire.nlri.evpn.EvpnPrefix;
import org.jexabgp.wire.nlri.evpn.EvpnSegment;
import org.jspecify.annotations.Nullable;

/**
 * EVPN routes, an extension (ExaBGP only decodes them; docs/evpn.md): {@code announce { l2vpn { evpn …; } }}, {@code
 * l2vpn { evpn …; } } and the API's {@code announce|withdraw [l2vpn] evpn …}. The field keywords are the names of the
 * received route's JSON members (json.md §8), so a program can turn a received route back into a command:
 *
 * <pre>
 * evpn ethernet-ad      rd &lt;rd&gt; esi &lt;esi&gt; [ ethernet-tag &lt;n&gt; ] label &lt;l&gt;
 * evpn mac-ip           rd &lt;rd&gt; [ esi &lt;esi&gt; ] [ ethernet-tag &lt;n&gt; ] mac &lt;mac&gt; [ ip &lt;ip&gt; ]
 *                       label &lt;l&gt; | [ &lt;l1&gt; &lt;l2&gt; ]
 * evpn multicast        rd &lt;rd&gt; [ ethernet-tag &lt;n&gt; ] ip &lt;ip&gt;
 * evpn ethernet-segment rd &lt;rd&gt; esi &lt;esi&gt; ip &lt;ip&gt;
 * evpn ip-prefix        rd &lt;rd&gt; [ esi &lt;esi&gt; ] [ ethernet-tag &lt;n&gt; ]
 *                       ip &lt;ip&gt; iplen &lt;n&gt; | prefix &lt;ip/n&gt;
 *                       [ gateway &lt;ip&gt; ] label &lt;l&gt;
 * evpn code &lt;1..5&gt; …   (the route type by its JSON "code")
 * evpn raw &lt;hex&gt;       (the whole NLRI, the JSON "raw": any route type, unknown ones included)
 * </pre>
 *
 * then the usual attributes and {@code next-hop}. Labels are written {@code label 100}, {@code label [ 100 200 ]} or
 * as the JSON prints them, {@code label [ [ 100 ] [ 200 ] ]}.
 */
final class EvpnSyntax {
    private EvpnSyntax() {}

    /** The route types by their keyword; the index + 1 is the route type (RFC 7432 §7, RFC 9136 §3). */
    static final List<String> TYPES = List.of("ethernet-ad", "mac-ip", "multicast", "ethernet-segment", "ip-prefix");

    /** Which fields each route type has, by keyword (RFC 7432 §7.1–§7.4, RFC 9136 §3.1). */
    private static final List<List<String>> FIELDS = List.of(
            List.of("rd", "esi", "ethernet-tag", "label"),
            List.of("rd", "esi", "ethernet-tag", "mac", "ip", "label"),
            List.of("rd", "ethernet-tag", "ip"),
            List.of("rd", "esi", "ip"),
            List.of("rd", "esi", "ethernet-tag", "ip", "iplen", "prefix", "gateway", "label"));

    private static final List<String> ALL_FIELDS =
            List.of("rd", "route-distinguisher", "esi", "ethernet-tag", "mac", "ip", "iplen", "prefix", "gateway",
                    "label");

    /** {@code evpn …} inside {@code l2vpn { }}: the words after {@code evpn}. */
    static void statement(Cursor c, Token at, NeighborDraft draft) throws ConfigError {
        draft.routes.add(new NeighborDraft.Item<>(route(c, false), at));
    }

    /** What the words of one route set so far. */
    private static final class Fields {
        @Nullable RouteDistinguisher rd;
        @Nullable Esi esi;
        long etag;
        org.jexabgp.wire.nlri.evpn.@Nullable Mac mac;
        @Nullable IpAddress ip;
        @Nullable Integer iplen;
        @Nullable IpAddress gateway;
        @Nullable Labels labels;
        @Nullable Token labelAt;
    }

    /** The words after {@code evpn}; withdraw: label and next-hop may be left out. */
    static Route route(Cursor c, boolean withdraw) throws ConfigError {
        Token type = c.next("an evpn route type (" + String.join(", ", TYPES) + ", code or raw)");
        AttributeSyntax.Draft d = new AttributeSyntax.Draft();
        if (type.text().equals("raw")) {
            Evpn nlri = raw(c.next("the hex of an evpn NLRI"));
            while (c.hasNext()) attribute(c, d);
            return finish(nlri, d, withdraw, c);
        }
        int code = TYPES.indexOf(type.text()) + 1;
        if (type.text().equals("code"))
            code = (int) Values.number(c.next("a route type"), 1, 5, "an evpn route type 1..5");
        else if (code == 0)
            throw ConfigError.at(
                    type, "an evpn route type (" + String.join(", ", TYPES) + ", code or raw)",
                    "unknown evpn route type \"" + type.text() + "\"");
        String name = TYPES.get(code - 1);
        List<String> allowed = FIELDS.get(code - 1);
        Fields f = new Fields();
        Token prefixAt = null;
        while (c.hasNext()) {
            Token kw = c.peek();
            String k = kw.text();
            if (!ALL_FIELDS.contains(k)) {
                attribute(c, d);
                continue;
            }
            String field = k.equals("route-distinguisher") ? "rd" : k;
            if (!allowed.contains(field))
                throw ConfigError.at(
                        kw, "a field of an evpn " + name + " route (" + String.join(", ", allowed) + ")",
                        "\"" + k + "\" is not part of an evpn " + name + " route");
            c.next(k);
            switch (field) {
                case "rd" -> f.rd = MplsSyntax.rd(c);
                case "esi" -> f.esi = esi(c.next("an esi (ten hex bytes joined by ':', or -)"));
                case "ethernet-tag" -> f.etag = Values.number(c.next("an ethernet tag"), 0, 0xFFFF_FFFFL,
                        "an ethernet tag (u32)");
                case "mac" -> f.mac = mac(c.next("a MAC address"));
                case "ip" -> f.ip = Values.ip(c.next("an IP address"));
                case "iplen" -> f.iplen = (int) Values.number(c.next("a prefix length"), 0, 128, "a prefix length");
                case "prefix" -> {
                    prefixAt = c.next("a prefix (ip/length)");
                    Prefix p = Values.prefix(prefixAt);
                    f.ip = p.address();
                    f.iplen = p.length();
                }
                case "gateway" -> f.gateway = Values.ip(c.next("a gateway IP address"));
                default -> {
                    f.labelAt = c.peekOrEnd();
                    f.labels = labels(c, code == Evpn.MAC_IP ? 2 : 1);
                }
            }
        }
        Token end = c.end();
        if (f.rd == null) throw ConfigError.at(end, "rd", "evpn " + name + " route without rd");
        Labels labels = f.labels;
        if (labels == null && allowed.contains("label")) {
            // RFC 7432 §7.2: the label is not part of the route key, so a withdrawal need not repeat it
            if (!withdraw) throw ConfigError.at(end, "label", "evpn " + name + " route without label");
            labels = Evpn.NO_LABEL;
        }
        Esi esi = f.esi;
        if (esi == null) {
            // a single-homed segment is the common case for MAC/IP and IP prefix routes (RFC 7432 §5: ESI 0)
            if (code == Evpn.ETHERNET_AD || code == Evpn.SEGMENT)
                throw ConfigError.at(end, "esi", "evpn " + name + " route without esi");
            esi = Esi.ZERO;
        }
        Evpn nlri = switch (code) {
            case Evpn.ETHERNET_AD -> new EvpnEthernetAd(f.rd, esi, f.etag, labels);
            case Evpn.MAC_IP -> {
                if (f.mac == null) throw ConfigError.at(end, "mac", "evpn mac-ip route without mac");
                yield new EvpnMacIp(f.rd, esi, f.etag, f.mac, f.ip, labels);
            }
            case Evpn.MULTICAST -> new EvpnMulticast(f.rd, f.etag, required(f.ip, end, name));
            case Evpn.SEGMENT -> new EvpnSegment(f.rd, esi, required(f.ip, end, name));
            default -> prefixRoute(f, esi, labels, end, prefixAt);
        };
        return finish(nlri, d, withdraw, c);
    }

    private static EvpnPrefix prefixRoute(Fields f, Esi esi, Labels labels, Token end, @Nullable Token prefixAt)
            throws ConfigError {
        IpAddress ip = required(f.ip, end, "ip-prefix");
        if (f.iplen == null) throw ConfigError.at(end, "iplen", "evpn ip-prefix route without iplen");
        int max = ip.isV4() ? 32 : 128;
        Token at = prefixAt != null ? prefixAt : end;
        if (f.iplen > max) throw ConfigError.at(at, "an iplen of at most " + max, "iplen " + f.iplen + " too long");
        if (!new Prefix(ip, f.iplen).hostBitsClear())
            throw ConfigError.at(at, "a prefix without host bits", "invalid network " + ip + " for netmask " + f.iplen);
        IpAddress gateway = f.gateway != null ? f.gateway : ip.isV4() ? IpAddress.V4_ZERO : IpAddress.V6_ZERO;
        // RFC 9136 §3.1: the gateway has the prefix's family (the route length tells both)
        if (gateway.isV4() != ip.isV4())
            throw ConfigError.at(end, "a gateway of the prefix's family", gateway.toString(),
                    "evpn ip-prefix gateway and prefix differ in family");
        return new EvpnPrefix(f.rd, esi, f.etag, ip, f.iplen, gateway, labels);
    }

    private static IpAddress required(@Nullable IpAddress ip, Token end, String name) throws ConfigError {
        if (ip == null) throw ConfigError.at(end, "ip", "evpn " + name + " route without ip");
        return ip;
    }

    /** An attribute keyword, as in other routes; the prefix-only and MPLS qualifiers have no meaning here. */
    private static void attribute(Cursor c, AttributeSyntax.Draft d) throws ConfigError {
        Token kw = c.peekOrEnd();
        if (kw.text().equals("split") || kw.text().equals("path-information") || kw.text().equals("label"))
            throw ConfigError.at(kw, "an evpn field or attribute", "\"" + kw.text() + "\" is invalid in an evpn route");
        AttributeSyntax.attribute(c, d, false);
        if (d.labels != null || d.rd != null) throw ConfigError.at(kw, "an evpn field or attribute");
    }

    /** {@code -} or ten hex bytes joined by colons (RFC 7432 §5; ExaBGP's JSON form). */
    private static Esi esi(Token t) throws ConfigError {
        try {
            return Esi.parse(t.text());
        } catch (IllegalArgumentException e) {
            throw ConfigError.at(t, "an esi (ten hex bytes joined by ':', or -)");
        }
    }

    private static org.jexabgp.wire.nlri.evpn.Mac mac(Token t) throws ConfigError {
        try {
            return org.jexabgp.wire.nlri.evpn.Mac.parse(t.text());
        } catch (IllegalArgumentException e) {
            throw ConfigError.at(t, "a MAC address (six hex bytes joined by ':')");
        }
    }

    /**
     * {@code 100}, {@code [ 100 200 ]} or the JSON's {@code [ [ 100 ] [ 200 ] ]}: 20-bit labels, commas skipped. A
     * received label prints as {@code [ 62, 1000 ]}, its label and raw 24-bit field: written back, that field is sent
     * as it is (a VNI keeps its low bits), so received JSON turned into a command announces the same bytes.
     */
    private static Labels labels(Cursor c, int max) throws ConfigError {
        List<Integer> fields = new ArrayList<>();
        if (!c.peekIs("[")) {
            fields.add(field(label(c.next("a label"))));
        } else {
            c.expect("[");
            int depth = 1;
            List<Token> inner = new ArrayList<>(2);
            while (depth > 0) {
                Token t = c.next("a label or ']'");
                if (t.is("[")) {
                    if (++depth > 2) throw ConfigError.at(t, "a label");
                } else if (t.is("]")) {
                    if (depth-- == 2) fields.add(pair(inner, t));
                } else if (depth == 2) {
                    if (!t.is(",")) inner.add(t);
                } else if (!t.is(",")) {
                    fields.add(field(label(t)));
                }
            }
            if (fields.isEmpty()) throw ConfigError.at(c.last(), "at least one label");
        }
        // RFC 7432 §7.1, §7.2, RFC 9136 §3.1: MAC/IP routes have Label1 and an optional Label2, others one label
        if (fields.size() > max)
            throw ConfigError.at(c.last(), max == 1 ? "one label" : "one or two labels",
                    fields.size() + " labels", null);
        return new Labels(fields);
    }

    /** A label in its own 3-byte field, bottom-of-stack set (as {@link Evpn#labelFields}). */
    private static int field(int label) {
        return label << 4 | 1;
    }

    /** The JSON's inner list: {@code [ label ]}, or {@code [ label, raw ]} whose raw field carries that label. */
    private static int pair(List<Token> inner, Token close) throws ConfigError {
        try {
            if (inner.size() == 1) return field(label(inner.getFirst()));
            if (inner.size() != 2) throw ConfigError.at(close, "[ label ] or [ label, raw-field ]");
            int label = label(inner.getFirst());
            Token rawAt = inner.get(1);
            int raw = (int) Values.number(rawAt, 0, 0xFFFFFF, "a 24-bit label field (0..16777215)");
            if (raw >>> 4 != label) throw ConfigError.at(rawAt, "a label field holding label " + label);
            return raw;
        } finally {
            inner.clear();
        }
    }

    private static int label(Token t) throws ConfigError {
        return (int) Values.number(t, 0, 0xFFFFF, "a label (0..1048575)");
    }

    /** The JSON's {@code "raw"}: one whole EVPN NLRI, route type and length included. */
    private static Evpn raw(Token t) throws ConfigError {
        String hex = t.text().startsWith("0x") || t.text().startsWith("0X") ? t.text().substring(2) : t.text();
        Bytes b;
        try {
            b = Bytes.fromHex(hex);
        } catch (IllegalArgumentException e) {
            throw ConfigError.at(t, "the hex of an evpn NLRI");
        }
        try {
            var in = b.reader();
            Evpn nlri = Evpn.decode(in);
            if (in.hasRemaining()) throw ConfigError.at(t, "one evpn NLRI", "bytes after the NLRI");
            return nlri;
        } catch (Malformed e) {
            throw ConfigError.at(t, "the hex of an evpn NLRI", e.getMessage());
        }
    }

    /** The route from an NLRI and the attribute words: next hop required on announcements, 0.0.0.0 in withdrawals. */
    static Route finish(org.jexabgp.wire.nlri.Nlri nlri, AttributeSyntax.Draft d, boolean withdraw, Cursor c)
            throws ConfigError {
        IpAddress nextHop = d.nextHop;
        if (nextHop == null && !d.self) {
            if (!withdraw) throw ConfigError.at(c.end(), "next-hop", "route without next-hop");
            nextHop = IpAddress.V4_ZERO;
        }
        return L2vpnSyntax.build(nlri, d, nextHop, d.self);
    }
}
