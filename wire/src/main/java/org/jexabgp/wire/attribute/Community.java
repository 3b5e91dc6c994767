package org.jexabgp.wire.attribute;

import java.util.Locale;

/** One standard community, RFC 1997: a 32-bit value, shown as {@code high:low} or a well-known name. */
public record Community(long value) implements Comparable<Community> {
    // Written out: a record's generated equals and hashCode are linked at run time through method handles,
    // milliseconds of every start for each record (issue 9).
    @Override
    public boolean equals(Object o) {
        return o instanceof Community c && value == c.value;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(value);
    }

    public static final Community NO_EXPORT = new Community(0xFFFFFF01L);
    public static final Community NO_ADVERTISE = new Community(0xFFFFFF02L);
    public static final Community NO_EXPORT_SUBCONFED = new Community(0xFFFFFF03L);
    /** RFC 3765. */
    public static final Community NO_PEER = new Community(0xFFFFFF04L);
    /** RFC 7999. */
    public static final Community BLACKHOLE = new Community(0xFFFF029AL);

    public Community {
        if (value < 0 || value > 0xFFFFFFFFL) throw new IllegalArgumentException("community " + value);
    }

    public static Community of(int high, int low) {
        if (high < 0 || high > 0xFFFF || low < 0 || low > 0xFFFF)
            throw new IllegalArgumentException("community " + high + ":" + low);
        return new Community((long) high << 16 | low);
    }

    /** Parses a well-known name, {@code a:b}, a decimal or a {@code 0x} value (config.md §12). */
    public static Community parse(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        switch (t) {
            case "no-export", "no_export" -> {
                return NO_EXPORT;
            }
            case "no-advertise", "no_advertise" -> {
                return NO_ADVERTISE;
            }
            case "no-export-subconfed", "no_export_subconfed" -> {
                return NO_EXPORT_SUBCONFED;
            }
            case "nopeer", "no-peer", "no_peer" -> {
                return NO_PEER;
            }
            case "blackhole" -> {
                return BLACKHOLE;
            }
            default -> {}
        }
        int colon = t.indexOf(':');
        if (colon >= 0) return of(Integer.parseInt(t.substring(0, colon)), Integer.parseInt(t.substring(colon + 1)));
        if (t.startsWith("0x")) return new Community(Long.parseLong(t.substring(2), 16));
        return new Community(Long.parseLong(t));
    }

    public int high() {
        return (int) (value >>> 16);
    }

    public int low() {
        return (int) (value & 0xFFFF);
    }

    /** ExaBGP's text: the well-known name, else {@code high:low}. */
    public String text() {
        if (value == NO_EXPORT.value) return "no-export";
        if (value == NO_ADVERTISE.value) return "no-advertise";
        if (value == NO_EXPORT_SUBCONFED.value) return "no-export-subconfed";
        if (value == NO_PEER.value) return "nopeer";
        if (value == BLACKHOLE.value) return "blackhole";
        return high() + ":" + low();
    }

    @Override
    public int compareTo(Community o) {
        return Long.compare(value, o.value);
    }

    @Override
    public String toString() {
        return text();
    }
}
