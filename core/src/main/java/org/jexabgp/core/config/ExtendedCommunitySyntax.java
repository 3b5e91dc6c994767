package org.jexabgp.core.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.attribute.ExtendedCommunity;
import org.jexabgp.wire.attribute.ExtendedCommunityType;
import org.jexabgp.wire.attribute.FlowCommunities;

/**
 * One {@code extended-community} value in config/API text (config.md §12.1), one word per
 * {@link ExtendedCommunityType} row. ExaBGP's words keep their exact encodings (quirks included: {@code target4} and a
 * large first value select the IPv4-specific {@code 01 xx} form); the types ExaBGP could not write have words of their
 * own, named after their text form.
 */
final class ExtendedCommunitySyntax {
    private ExtendedCommunitySyntax() {}

    /** Keywords that may stand before a single field ({@code mac-mobility:5}); otherwise {@code a:b} is a target. */
    private static final Set<String> KEYWORDS = Set.of(
            "target", "origin", "target4", "origin4", "target-as4", "origin-as4", "rtrecord", "redirect", "rate-limit",
            "action", "mark", "redirect-to-nexthop-ietf", "copy-to-nexthop-ietf", "l2info", "bandwidth", "mup",
            "encap", "consistent-hash-sort-order", "consistenthashsortorder", "mac-mobility", "esi-label",
            "es-import", "router-mac", "interface-set");

    /** One field after the keyword: its value and how it was written (both change the encoding). */
    private record Field(long value, boolean dotted, boolean longSuffix) {}

    static ExtendedCommunity parse(Token t) throws ConfigError {
        String s = t.text();
        if (s.indexOf(':') < 0) {
            // config.md §12.1 rule 1: raw 8 bytes, or a keyword without fields
            switch (s.toLowerCase(Locale.ROOT)) {
                case "redirect-to-nexthop" -> {
                    return FlowCommunities.redirectToNextHop(false);
                }
                case "copy-to-nexthop" -> {
                    return FlowCommunities.redirectToNextHop(true);
                }
                case "default-gateway" -> {
                    // RFC 7432 §7.8: transitive opaque 03 0D with a zero value
                    return ExtendedCommunity.of(0x03, 0x0D, 0);
                }
                default -> {}
            }
            if ((s.startsWith("0x") || s.startsWith("0X")) && s.length() == 18) {
                try {
                    return new ExtendedCommunity(Bytes.fromHex(s));
                } catch (IllegalArgumentException e) {
                    throw ConfigError.at(t, "an extended community");
                }
            }
            throw ConfigError.at(t, "an extended community (target:a:b, origin:a:b, 0x<16 hex digits>, ...)");
        }
        String[] parts = s.split(":", -1);
        String first = parts[0].toLowerCase(Locale.ROOT);
        // rule 2: two parts mean target unless the first one is a keyword; otherwise the first part names the type
        if (parts.length == 2 && !KEYWORDS.contains(first)) {
            return targetOrOrigin(t, "target", new Field[] {field(t, parts[0]), field(t, parts[1])});
        }
        String[] rest = Arrays.copyOfRange(parts, 1, parts.length);
        return switch (first) {
            case "target", "origin", "target4", "origin4" -> targetOrOrigin(t, first, fields(t, rest));
            case "target-as4", "origin-as4" -> {
                // RFC 5668 §2: 4-octet AS specific, AS(4) value(2); ExaBGP's target4 is the IPv4 form, hence new words
                Field[] f = fields(t, rest, 2);
                check(t, f[1].value, 0xFFFF);
                int subtype = first.startsWith("target") ? 0x02 : 0x03;
                yield ExtendedCommunity.as4Specific(subtype, f[0].value, (int) f[1].value);
            }
            case "rtrecord" -> {
                // IANA subtype 0x13 in the 2-octet AS, IPv4 and 4-octet AS forms, chosen by how the first part looks
                Field[] f = fields(t, rest, 2);
                if (!f[0].dotted && f[0].value <= 0xFFFF)
                    yield ExtendedCommunity.of(0x00, 0x13, f[0].value << 32 | f[1].value);
                check(t, f[1].value, 0xFFFF);
                yield ExtendedCommunity.of(f[0].dotted ? 0x01 : 0x02, 0x13, f[0].value << 16 | f[1].value);
            }
            case "redirect" -> {
                // RFC 8955 §7.4 (2-octet AS) / RFC 7674 (4-octet AS, value up to 65535), as the flow action
                Field[] f = fields(t, rest, 2);
                if (f[0].dotted) throw ConfigError.at(t, "redirect:<asn>:<value>");
                if (f[0].value > 0xFFFF) check(t, f[1].value, 0xFFFF);
                yield FlowCommunities.redirect(f[0].value, f[1].value);
            }
            case "rate-limit" -> {
                Field[] f = fields(t, rest, 1);
                yield FlowCommunities.trafficRate(0, (float) f[0].value);
            }
            case "mark" -> {
                Field[] f = fields(t, rest, 1);
                check(t, f[0].value, 63);
                yield FlowCommunities.trafficMarking((int) f[0].value);
            }
            case "action" -> {
                need(t, rest, 1);
                yield switch (rest[0].toLowerCase(Locale.ROOT)) {
                    case "none" -> FlowCommunities.trafficAction(false, false);
                    case "sample" -> FlowCommunities.trafficAction(true, false);
                    case "terminal" -> FlowCommunities.trafficAction(false, true);
                    case "sample-terminal" -> FlowCommunities.trafficAction(true, true);
                    default -> throw ConfigError.at(t, "action:none|sample|terminal|sample-terminal");
                };
            }
            case "redirect-to-nexthop-ietf", "copy-to-nexthop-ietf" -> {
                need(t, rest, 1);
                IpAddress ip = IpAddress.tryParse(rest[0]);
                if (ip == null || !ip.isV4())
                    throw ConfigError.at(t, "an IPv4 address (the IPv6 form is a flow action, attribute 25)");
                yield FlowCommunities.redirectToIpv4NextHop(ip, first.startsWith("copy"));
            }
            case "l2info" -> {
                Field[] f = fields(t, rest, 4);
                check(t, f[0].value, 0xFF);
                check(t, f[1].value, 0xFF);
                check(t, f[2].value, 0xFFFF);
                check(t, f[3].value, 0xFFFF);
                yield ExtendedCommunity.of(
                        0x80, 0x0A, f[0].value << 40 | f[1].value << 32 | f[2].value << 16 | f[3].value);
            }
            case "bandwidth" -> {
                Field[] f = fields(t, rest, 2);
                check(t, f[0].value, 0xFFFF);
                // draft-ietf-idr-link-bandwidth §3: the value is an IEEE-754 single-precision float
                long bits = Float.floatToIntBits((float) f[1].value) & 0xFFFF_FFFFL;
                yield ExtendedCommunity.of(0x40, 0x04, f[0].value << 32 | bits);
            }
            case "mup" -> {
                Field[] f = fields(t, rest, 2);
                check(t, f[0].value, 0xFFFF);
                yield ExtendedCommunity.of(0x0C, 0x00, f[0].value << 32 | f[1].value);
            }
            case "encap" -> {
                // RFC 9012 §4.1: 4 reserved bytes, then the tunnel type, by IANA name or number
                need(t, rest, 1);
                int type = ExtendedCommunityType.tunnelType(rest[0]);
                if (type < 0) throw ConfigError.at(t, "encap:<tunnel type name or number up to 65535>");
                yield ExtendedCommunity.of(0x03, 0x0C, type);
            }
            case "consistent-hash-sort-order", "consistenthashsortorder" -> {
                Field[] f = fields(t, rest, 1);
                yield ExtendedCommunity.of(0x03, 0x14, f[0].value << 16);
            }
            case "mac-mobility" -> {
                boolean sticky = flag(t, rest, "sticky");
                Field[] f = fields(t, Arrays.copyOf(rest, sticky ? rest.length - 1 : rest.length), 1);
                yield ExtendedCommunity.macMobility(f[0].value, sticky);
            }
            case "esi-label" -> {
                boolean single = flag(t, rest, "single-active");
                Field[] f = fields(t, Arrays.copyOf(rest, single ? rest.length - 1 : rest.length), 1);
                check(t, f[0].value, 0xFFFFF);
                yield ExtendedCommunity.esiLabel((int) f[0].value, single);
            }
            case "es-import", "router-mac" ->
                ExtendedCommunity.evpnMac(first.equals("es-import") ? 0x02 : 0x03, mac(t, rest));
            case "interface-set" -> FlowSyntax.interfaceSet(sub(t, s.substring(s.indexOf(':') + 1)));
            default -> throw ConfigError.at(t, "an extended community type (target, origin, redirect, l2info, "
                    + "bandwidth, mup, encap, mac-mobility, ...)");
        };
    }

    /** config.md §12.1 rule 3: a large, dotted or L-suffixed first value selects the 01 xx form (ExaBGP quirk). */
    private static ExtendedCommunity targetOrOrigin(Token t, String keyword, Field[] f) throws ConfigError {
        need(t, f, 2);
        int subtype = keyword.startsWith("target") ? 0x02 : 0x03;
        boolean four = keyword.endsWith("4") || f[0].value > 0xFFFF || f[0].dotted || f[0].longSuffix;
        if (four) {
            check(t, f[1].value, 0xFFFF);
            return ExtendedCommunity.of(0x01, subtype, f[0].value << 16 | f[1].value);
        }
        return ExtendedCommunity.of(0x00, subtype, f[0].value << 32 | f[1].value);
    }

    /** Whether the last part is the given flag word. */
    private static boolean flag(Token t, String[] rest, String word) throws ConfigError {
        if (rest.length == 2) {
            if (!rest[1].equalsIgnoreCase(word)) throw ConfigError.at(t, "'" + word + "' as the last part");
            return true;
        }
        return false;
    }

    /** Six hex octets, the MAC split on its colons. */
    private static long mac(Token t, String[] rest) throws ConfigError {
        if (rest.length != 6) throw ConfigError.at(t, "a MAC address aa:bb:cc:dd:ee:ff");
        long v = 0;
        for (String p : rest) {
            if (p.isEmpty() || p.length() > 2 || !p.chars().allMatch(ch -> Character.digit(ch, 16) >= 0))
                throw ConfigError.at(t, "a MAC address aa:bb:cc:dd:ee:ff");
            v = v << 8 | Integer.parseInt(p, 16);
        }
        return v;
    }

    private static Field[] fields(Token t, String[] parts) throws ConfigError {
        Field[] f = new Field[parts.length];
        for (int i = 0; i < parts.length; i++) f[i] = field(t, parts[i]);
        return f;
    }

    private static Field[] fields(Token t, String[] parts, int n) throws ConfigError {
        need(t, parts, n);
        return fields(t, parts);
    }

    private static void need(Token t, Object[] f, int n) throws ConfigError {
        if (f.length != n) throw ConfigError.at(t, "an extended community with " + n + " values");
    }

    private static void check(Token t, long v, long max) throws ConfigError {
        if (v > max) throw ConfigError.at(t, "an extended community value up to " + max);
    }

    private static Token sub(Token t, String text) {
        return new Token(text, t.file(), t.line(), t.column(), t.quoted());
    }

    /** Decimal, decimal with {@code L}, or a dotted quad (as a 32-bit number); hex is not accepted (§12.1). */
    private static Field field(Token t, String p) throws ConfigError {
        if (p.indexOf('.') >= 0) {
            var ip = IpAddress.tryParse(p);
            if (ip == null || !ip.isV4()) throw ConfigError.at(t, "an extended community value");
            return new Field(ip.v4Value(), true, false);
        }
        boolean l = p.endsWith("L") || p.endsWith("l");
        String digits = l ? p.substring(0, p.length() - 1) : p;
        long v;
        try {
            v = Values.number(sub(t, digits), 0, 0xFFFF_FFFFL, "an extended community value");
        } catch (ConfigError e) {
            throw ConfigError.at(t, "an extended community value");
        }
        return new Field(v, false, l);
    }
}
