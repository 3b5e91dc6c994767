package org.jexabgp.core.config;

import java.util.Locale;
import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.attribute.ExtendedCommunity;

/** One {@code extended-community} value in config/API text (config.md §12.1). */
final class ExtendedCommunitySyntax {
    private ExtendedCommunitySyntax() {}

    /** One field after the keyword: its value and how it was written (both change the encoding). */
    private record Field(long value, boolean dotted, boolean longSuffix) {}

    static ExtendedCommunity parse(Token t) throws ConfigError {
        String s = t.text();
        if (s.indexOf(':') < 0) {
            // config.md §12.1 rule 1: raw 8 bytes, or the one keyword without fields
            if (s.equalsIgnoreCase("redirect-to-nexthop")) return ExtendedCommunity.of(0x0800_0000_0000_0000L);
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
        String keyword;
        Field[] f;
        // rule 2: two parts mean target; otherwise the first part names the type
        if (parts.length == 2) {
            keyword = "target";
            f = new Field[] {field(t, parts[0]), field(t, parts[1])};
        } else {
            keyword = parts[0].toLowerCase(Locale.ROOT);
            f = new Field[parts.length - 1];
            for (int i = 1; i < parts.length; i++) f[i - 1] = field(t, parts[i]);
        }
        return switch (keyword) {
            case "target", "origin", "target4", "origin4" -> {
                need(t, f, 2);
                int subtype = keyword.startsWith("target") ? 0x02 : 0x03;
                // rule 3: a large, dotted or L-suffixed first value selects the 01 xx form (ExaBGP quirk, verified)
                boolean four = keyword.endsWith("4") || f[0].value > 0xFFFF || f[0].dotted || f[0].longSuffix;
                if (four) {
                    check(t, f[1].value, 0xFFFF);
                    yield ExtendedCommunity.of(0x01L << 56 | (long) subtype << 48 | f[0].value << 16 | f[1].value);
                }
                yield ExtendedCommunity.of((long) subtype << 48 | f[0].value << 32 | f[1].value);
            }
            case "redirect" -> {
                need(t, f, 2);
                check(t, f[0].value, 0xFFFF);
                yield ExtendedCommunity.of(0x8008L << 48 | f[0].value << 32 | f[1].value);
            }
            case "l2info" -> {
                need(t, f, 4);
                check(t, f[0].value, 0xFF);
                check(t, f[1].value, 0xFF);
                check(t, f[2].value, 0xFFFF);
                check(t, f[3].value, 0xFFFF);
                yield ExtendedCommunity.of(
                        0x800AL << 48 | f[0].value << 40 | f[1].value << 32 | f[2].value << 16 | f[3].value);
            }
            case "bandwidth" -> {
                need(t, f, 2);
                check(t, f[0].value, 0xFFFF);
                // RFC 7311 §7 / draft link bandwidth: the value is an IEEE-754 single-precision float
                long bits = Float.floatToIntBits((float) f[1].value) & 0xFFFF_FFFFL;
                yield ExtendedCommunity.of(0x4004L << 48 | f[0].value << 32 | bits);
            }
            case "mup" -> {
                need(t, f, 2);
                check(t, f[0].value, 0xFFFF);
                yield ExtendedCommunity.of(0x0C00L << 48 | f[0].value << 32 | f[1].value);
            }
            default -> throw ConfigError.at(t, "an extended community type (target, origin, redirect, l2info, "
                    + "bandwidth, mup)");
        };
    }

    private static void need(Token t, Field[] f, int n) throws ConfigError {
        if (f.length != n) throw ConfigError.at(t, "an extended community with " + n + " values");
    }

    private static void check(Token t, long v, long max) throws ConfigError {
        if (v > max) throw ConfigError.at(t, "an extended community value up to " + max);
    }

    /** Decimal, decimal with {@code L}, or a dotted quad (as a 32-bit number); hex is not accepted (§12.1). */
    private static Field field(Token t, String p) throws ConfigError {
        if (p.indexOf('.') >= 0) {
            var ip = org.jexabgp.wire.IpAddress.tryParse(p);
            if (ip == null || !ip.isV4()) throw ConfigError.at(t, "an extended community value");
            return new Field(ip.v4Value(), true, false);
        }
        boolean l = p.endsWith("L") || p.endsWith("l");
        String digits = l ? p.substring(0, p.length() - 1) : p;
        Token d = new Token(digits, t.file(), t.line(), t.column(), t.quoted());
        long v;
        try {
            v = Values.number(d, 0, 0xFFFF_FFFFL, "an extended community value");
        } catch (ConfigError e) {
            throw ConfigError.at(t, "an extended community value");
        }
        return new Field(v, false, l);
    }
}
