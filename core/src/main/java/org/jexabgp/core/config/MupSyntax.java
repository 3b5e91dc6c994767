package org.jexabgp.core.config;

import java.util.List;
import org.jexabgp.core.model.Route;
import org.jexabgp.wire.Afi;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.nlri.Nlri;
import org.jexabgp.wire.nlri.Prefix;
import org.jexabgp.wire.nlri.RouteDistinguisher;
import org.jexabgp.wire.nlri.mup.MupDsd;
import org.jexabgp.wire.nlri.mup.MupFamily;
import org.jexabgp.wire.nlri.mup.MupIsd;
import org.jexabgp.wire.nlri.mup.MupT1st;
import org.jexabgp.wire.nlri.mup.MupT2st;

/**
 * {@code mup} statements of {@code announce { ipv4|ipv6 { } }} and the API's {@code announce|withdraw ipv4|ipv6 mup …}
 * (config.md §12.4, api.md §4.2):
 *
 * <pre>
 * mup-isd  &lt;prefix&gt; rd &lt;rd&gt;
 * mup-dsd  &lt;address&gt; rd &lt;rd&gt;
 * mup-t1st &lt;prefix&gt; rd &lt;rd&gt; teid &lt;u32&gt; qfi &lt;u8&gt; endpoint &lt;address&gt; [ source &lt;address&gt; ]
 * mup-t2st &lt;address&gt; rd &lt;rd&gt; teid &lt;teid&gt;/&lt;bits&gt;
 * </pre>
 *
 * then {@code next-hop}, {@code extended-community}, {@code bgp-prefix-sid-srv6} and {@code label} only.
 */
final class MupSyntax {
    private MupSyntax() {}

    private static final List<String> ATTRIBUTES =
            List.of("next-hop", "extended-community", "bgp-prefix-sid-srv6", "label");

    /** The words after {@code mup}; afi is the {@code ipv4}/{@code ipv6} that selected the family. */
    static Route route(Cursor c, Token afi, boolean withdraw) throws ConfigError {
        Family family = afi.text().equals("ipv6") ? MupFamily.IPV6 : MupFamily.IPV4;
        Token type = c.next("mup-isd, mup-dsd, mup-t1st or mup-t2st");
        Token at = c.next("a prefix or address");
        RouteDistinguisher rd = null;
        Long teid = null;
        Integer teidBits = null, qfi = null;
        IpAddress endpoint = null, source = null;
        AttributeSyntax.Draft d = new AttributeSyntax.Draft();
        boolean t1 = type.text().equals("mup-t1st"), t2 = type.text().equals("mup-t2st");
        while (c.hasNext()) {
            Token kw = c.peek();
            String k = kw.text();
            if (k.equals("rd") || k.equals("route-distinguisher")) {
                c.next(k);
                rd = L2vpnSyntax.rd(c.next("a route distinguisher"));
            } else if (k.equals("teid") && t1) {
                c.next(k);
                teid = Values.number(c.next("a teid"), 0, 0xFFFF_FFFFL, "a teid (u32)");
            } else if (k.equals("teid") && t2) {
                c.next(k);
                Token t = c.next("<teid>/<bits>");
                int slash = t.text().indexOf('/');
                if (slash < 0) throw ConfigError.at(t, "<teid>/<bits>");
                teid = Values.number(part(t, 0, slash), 0, 0xFFFF_FFFFL, "a teid (u32)");
                teidBits = (int) Values.number(part(t, slash + 1, t.text().length()), 0, 32, "teid bits (0..32)");
                // config.md §12.4: the TEID must fit in the bits sent
                if (teidBits < 32 && teid >= 1L << teidBits)
                    throw ConfigError.at(t, "a teid that fits in " + teidBits + " bits");
            } else if (k.equals("qfi") && t1) {
                c.next(k);
                qfi = (int) Values.number(c.next("a qfi"), 0, 0xFF, "a qfi (u8)");
            } else if (k.equals("endpoint") && t1) {
                c.next(k);
                endpoint = Values.ip(c.next("an endpoint address"));
            } else if (k.equals("source") && t1) {
                c.next(k);
                source = Values.ip(c.next("a source address"));
            } else if (ATTRIBUTES.contains(k)) {
                AttributeSyntax.attribute(c, d, false);
            } else {
                throw ConfigError.at(kw, "a mup term", "invalid keyword \"" + k + "\" in mup");
            }
        }
        Token end = c.end();
        if (rd == null) throw ConfigError.at(end, "rd", "mup rd missing");
        Nlri nlri = switch (type.text()) {
            case "mup-isd" -> new MupIsd(family, rd, prefix(at, family));
            case "mup-dsd" -> new MupDsd(family, rd, address(at, family));
            case "mup-t1st" -> {
                if (teid == null) throw ConfigError.at(end, "teid", "mup-t1st teid missing");
                if (qfi == null) throw ConfigError.at(end, "qfi", "mup-t1st qfi missing");
                if (endpoint == null) throw ConfigError.at(end, "endpoint", "mup-t1st endpoint missing");
                yield new MupT1st(family, rd, prefix(at, family), teid, qfi, endpoint, source);
            }
            case "mup-t2st" -> {
                if (teid == null || teidBits == null) throw ConfigError.at(end, "teid", "mup-t2st teid missing");
                yield new MupT2st(family, rd, address(at, family), teid, teidBits);
            }
            default -> throw ConfigError.at(type, "mup-isd, mup-dsd, mup-t1st or mup-t2st");
        };
        IpAddress nextHop = d.nextHop;
        // config.md §12: in mup, an IPv4 next hop on an IPv6 route becomes ::ffff:a.b.c.d (RFC 4291 §2.5.5.2)
        if (nextHop != null && nextHop.isV4() && family.afi().equals(Afi.IPV6)) nextHop = mapped(nextHop);
        if (nextHop == null && !d.self && withdraw)
            nextHop = family.afi().equals(Afi.IPV6) ? IpAddress.V6_ZERO : IpAddress.V4_ZERO;
        return L2vpnSyntax.build(nlri, d, nextHop, d.self);
    }

    static IpAddress mapped(IpAddress v4) {
        byte[] b = new byte[16];
        b[10] = (byte) 0xFF;
        b[11] = (byte) 0xFF;
        v4.bytes().copyTo(b, 12);
        return IpAddress.of(b);
    }

    private static Token part(Token t, int from, int to) {
        return new Token(t.text().substring(from, to), t.file(), t.line(), t.column() + from, t.quoted());
    }

    private static Prefix prefix(Token t, Family family) throws ConfigError {
        Prefix p = Values.prefix(t);
        if (!p.address().afi().equals(family.afi())) throw ConfigError.at(t, "an " + family.afi().name() + " prefix");
        return p;
    }

    private static IpAddress address(Token t, Family family) throws ConfigError {
        IpAddress ip = Values.ip(t);
        if (!ip.afi().equals(family.afi())) throw ConfigError.at(t, "an " + family.afi().name() + " address");
        return ip;
    }
}
