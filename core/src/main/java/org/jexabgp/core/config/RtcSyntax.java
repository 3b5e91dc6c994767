package org.jexabgp.core.config;

import org.jexabgp.core.model.Route;
import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.attribute.ExtendedCommunity;
import org.jexabgp.wire.nlri.rtc.Rtc;
import org.jspecify.annotations.Nullable;

/**
 * Route Target membership routes (RFC 4684), an extension (ExaBGP only decodes them; docs/evpn.md): {@code announce {
 * ipv4 { rtc …; } }} and the API's {@code announce|withdraw [ipv4] rtc …}. The keywords are the received route's JSON
 * members:
 *
 * <pre>
 * rtc origin &lt;asn&gt; route-target &lt;rt&gt;                     (96 bits; rt is an alias of route-target)
 * rtc origin &lt;asn&gt; prefix-length &lt;32..96&gt; [ route-target-prefix 0x&lt;hex&gt; ]  (a partial membership)
 * rtc origin &lt;asn&gt;                                                   (32 bits: every route target of the AS)
 * rtc wildcard | rtc origin 0 route-target null                      (the default membership, length 0)
 * </pre>
 *
 * then {@code next-hop} and the usual attributes.
 */
final class RtcSyntax {
    private RtcSyntax() {}

    /** The words after {@code rtc}; withdraw: the next hop may be left out. */
    static Route route(Cursor c, boolean withdraw) throws ConfigError {
        Long origin = null;
        Bytes target = null, targetPrefix = null;
        Integer bits = null;
        boolean wildcard = false, nullTarget = false;
        Token first = c.peekOrEnd();
        AttributeSyntax.Draft d = new AttributeSyntax.Draft();
        while (c.hasNext()) {
            Token kw = c.peek();
            switch (kw.text()) {
                case "wildcard" -> {
                    c.next("wildcard");
                    wildcard = true;
                }
                case "origin" -> {
                    c.next("origin");
                    origin = Values.asn(c.next("an origin AS"));
                }
                case "route-target", "rt" -> {
                    c.next(kw.text());
                    Token t = c.next("a route target (target:<asn>:<n> or target:<ip>:<n>)");
                    if (t.text().equals("null")) nullTarget = true;
                    else target = routeTarget(t);
                }
                case "prefix-length" -> {
                    c.next("prefix-length");
                    bits = (int) Values.number(c.next("a prefix length"), 32, 96, "a prefix length (32..96)");
                }
                case "route-target-prefix" -> {
                    c.next("route-target-prefix");
                    Token t = c.next("0x and the route target's leading bytes");
                    if (!t.text().startsWith("0x") && !t.text().startsWith("0X"))
                        throw ConfigError.at(t, "0x and the route target's leading bytes");
                    try {
                        targetPrefix = Bytes.fromHex(t.text().substring(2));
                    } catch (IllegalArgumentException e) {
                        throw ConfigError.at(t, "0x and the route target's leading bytes");
                    }
                }
                case "label", "rd", "route-distinguisher", "split", "path-information" ->
                    throw ConfigError.at(kw, "an rtc field or attribute", "\"" + kw.text() + "\" is invalid in rtc");
                default -> AttributeSyntax.attribute(c, d, false);
            }
        }
        Token end = c.end();
        Rtc nlri;
        // json.md §8: the wildcard prints as origin 0 and a null route target, without prefix length
        if (wildcard || (nullTarget && bits == null)) {
            if (target != null || bits != null || targetPrefix != null || (origin != null && origin != 0))
                throw ConfigError.at(
                        first, "rtc wildcard alone", "a wildcard membership has no origin nor route target");
            nlri = Rtc.WILDCARD;
        } else {
            if (origin == null) throw ConfigError.at(end, "origin", "rtc route without origin (or wildcard)");
            nlri = membership(origin, target, bits, targetPrefix, end);
        }
        return EvpnSyntax.finish(nlri, d, withdraw, c);
    }

    private static Rtc membership(
            long origin, @Nullable Bytes target, @Nullable Integer bits, @Nullable Bytes targetPrefix, Token end)
            throws ConfigError {
        if (target != null) {
            if ((bits != null && bits != 96) || targetPrefix != null)
                throw ConfigError.at(end, "route-target or prefix-length, not both",
                        "a whole route target is a membership of 96 bits");
            return Rtc.of(origin, target);
        }
        int length = bits == null ? 32 : bits;
        Bytes prefix = targetPrefix == null ? Bytes.EMPTY : targetPrefix;
        try {
            return Rtc.of(origin, length, prefix);
        } catch (IllegalArgumentException e) {
            throw ConfigError.at(end, "a route-target-prefix of " + (length - 32 + 7) / 8 + " bytes for prefix-length "
                    + length, e.getMessage());
        }
    }

    /** A route target as in {@code extended-community [ ]}: {@code target:65000:1}, {@code target:1.2.3.4:5}. */
    private static Bytes routeTarget(Token t) throws ConfigError {
        ExtendedCommunity ec = ExtendedCommunitySyntax.parse(t);
        // RFC 4360 §4, RFC 5668 §2: route targets are sub-type 0x02 of the AS2, IPv4 and AS4 types
        int type = ec.value().u8(0) & 0x3F;
        if (ec.value().u8(1) != 0x02 || type > 2) throw ConfigError.at(t, "a route target (target:…)");
        return ec.value();
    }
}
