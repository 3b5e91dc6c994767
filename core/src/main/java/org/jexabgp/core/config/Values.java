package org.jexabgp.core.config;

import java.util.Locale;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.nlri.Prefix;

/** Parsers for the scalar values of the configuration language; each throws {@link ConfigError} at the token. */
final class Values {
    private Values() {}

    /** config.md §6.1: true|enable|enabled, false|disable|disabled, any case. */
    static boolean bool(Token t) throws ConfigError {
        return switch (t.text().toLowerCase(Locale.ROOT)) {
            case "true", "enable", "enabled" -> true;
            case "false", "disable", "disabled" -> false;
            default -> throw ConfigError.at(t, "a boolean (true, false, enable, disable)");
        };
    }

    /** Digits only, within [min, max]. */
    static long number(Token t, long min, long max, String what) throws ConfigError {
        String s = t.text();
        if (s.isEmpty() || s.length() > 19) throw ConfigError.at(t, what);
        long v = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') throw ConfigError.at(t, what);
            v = v * 10 + (c - '0');
            if (v > max) throw ConfigError.at(t, what);
        }
        if (v < min) throw ConfigError.at(t, what);
        return v;
    }

    /** Decimal or {@code 0x} hex, within [0, max]. */
    static long numberOrHex(Token t, long max, String what) throws ConfigError {
        String s = t.text();
        if (s.startsWith("0x") || s.startsWith("0X")) {
            String h = s.substring(2);
            if (h.isEmpty() || h.length() > 16) throw ConfigError.at(t, what);
            long v = 0;
            for (int i = 0; i < h.length(); i++) {
                int d = Character.digit(h.charAt(i), 16);
                if (d < 0) throw ConfigError.at(t, what);
                if (Long.compareUnsigned(v, max >>> 4) > 0) throw ConfigError.at(t, what);
                v = v << 4 | d;
            }
            if (Long.compareUnsigned(v, max) > 0) throw ConfigError.at(t, what);
            return v;
        }
        return number(t, 0, max, what);
    }

    /** An ASN: decimal, or asdot {@code high.low} (high×65536+low), config.md §6.1. */
    static long asn(Token t) throws ConfigError {
        String s = t.text();
        int dot = s.indexOf('.');
        if (dot < 0) return number(t, 0, 0xFFFF_FFFFL, "an ASN");
        Token high = new Token(s.substring(0, dot), t.file(), t.line(), t.column(), t.quoted());
        Token low = new Token(s.substring(dot + 1), t.file(), t.line(), t.column() + dot + 1, t.quoted());
        try {
            return number(high, 0, 0xFFFF, "an ASN") << 16 | number(low, 0, 0xFFFF, "an ASN");
        } catch (ConfigError e) {
            throw ConfigError.at(t, "an ASN");
        }
    }

    static IpAddress ip(Token t) throws ConfigError {
        IpAddress a = IpAddress.tryParse(t.text());
        if (a == null) throw ConfigError.at(t, "an IP address");
        return a;
    }

    static IpAddress ipv4(Token t) throws ConfigError {
        IpAddress a = IpAddress.tryParse(t.text());
        if (a == null || !a.isV4()) throw ConfigError.at(t, "an IPv4 address");
        return a;
    }

    /** {@code ip[/len]}; no length is a host route. Host bits set → ExaBGP's "invalid network" error. */
    static Prefix prefix(Token t) throws ConfigError {
        String s = t.text();
        int slash = s.indexOf('/');
        IpAddress ip = IpAddress.tryParse(slash < 0 ? s : s.substring(0, slash));
        if (ip == null) throw ConfigError.at(t, "a prefix (ip/length)");
        int max = ip.isV4() ? 32 : 128;
        int len = max;
        if (slash >= 0) {
            Token l = new Token(s.substring(slash + 1), t.file(), t.line(), t.column() + slash + 1, t.quoted());
            len = (int) number(l, 0, max, "a mask length 0.." + max);
        }
        Prefix p = new Prefix(ip, len);
        if (!p.hostBitsClear())
            throw ConfigError.at(
                    t, "a prefix without host bits", "invalid network " + ip + " for netmask " + len);
        return p;
    }
}
