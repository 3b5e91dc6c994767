package org.jexabgp.wire.attribute;

import java.util.Comparator;

/** One large community, RFC 8092 §3: global administrator and two local data parts, each 32 bits. */
public record LargeCommunity(long global, long local1, long local2) implements Comparable<LargeCommunity> {
    // Written out: a record's generated equals and hashCode are linked at run time through method handles,
    // milliseconds of every start for each record (issue 9).
    @Override
    public boolean equals(Object o) {
        return o instanceof LargeCommunity c && global == c.global && local1 == c.local1 && local2 == c.local2;
    }

    @Override
    public int hashCode() {
        return (Long.hashCode(global) * 31 + Long.hashCode(local1)) * 31 + Long.hashCode(local2);
    }

    private static final Comparator<LargeCommunity> ORDER = Comparator.comparingLong(LargeCommunity::global)
            .thenComparingLong(LargeCommunity::local1)
            .thenComparingLong(LargeCommunity::local2);

    public LargeCommunity {
        check(global);
        check(local1);
        check(local2);
    }

    private static void check(long v) {
        if (v < 0 || v > 0xFFFFFFFFL) throw new IllegalArgumentException("large community part " + v);
    }

    /** Parses {@code a:b:c}. */
    public static LargeCommunity parse(String text) {
        String[] p = text.split(":", -1);
        if (p.length != 3) throw new IllegalArgumentException("invalid large community " + text);
        return new LargeCommunity(Long.parseLong(p[0]), Long.parseLong(p[1]), Long.parseLong(p[2]));
    }

    public String text() {
        return global + ":" + local1 + ":" + local2;
    }

    @Override
    public int compareTo(LargeCommunity o) {
        return ORDER.compare(this, o);
    }

    @Override
    public String toString() {
        return text();
    }
}
