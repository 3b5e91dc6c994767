package org.jexabgp.wire.attribute;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jexabgp.wire.JsonSink;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.WireReader;
import org.jexabgp.wire.WireWriter;

/**
 * AS_PATH, RFC 4271 §5.1.2, with 4-octet ASNs per RFC 6793. Without ASN4 it goes out with 2-byte ASNs, every ASN above
 * 65535 replaced by AS_TRANS; {@link Attributes#encode} then adds the AS4_PATH right after it (wire.md §7).
 */
public record AsPath(List<Segment> segments) implements Attribute {
    public static final int AS_SET = 1;
    public static final int AS_SEQUENCE = 2;
    public static final int AS_CONFED_SEQUENCE = 3;
    public static final int AS_CONFED_SET = 4;
    /** RFC 6793 §2: the 2-byte stand-in for a 4-byte ASN. */
    public static final long AS_TRANS = 23456;

    public static final AsPath EMPTY = new AsPath(List.of());

    static final AttributeCodec CODEC =
            (body, flags, session) -> new AsPath(decodeSegments(body, session.asn4() ? 4 : 2, 2));

    /** One path segment. Holds a {@code long[]} (ARCHITECTURE §4), hence hand-written equality. */
    public record Segment(int type, long[] asns) {
        public Segment {
            if (type < AS_SET || type > AS_CONFED_SET) throw new IllegalArgumentException("segment type " + type);
            // RFC 7606 §7.2: a segment of length zero is malformed, so none can be built
            if (asns.length == 0) throw new IllegalArgumentException("empty AS path segment");
            asns = asns.clone();
            for (long a : asns) if (a < 0 || a > 0xFFFFFFFFL) throw new IllegalArgumentException("asn " + a);
        }

        public static Segment sequence(long... asns) {
            return new Segment(AS_SEQUENCE, asns);
        }

        public static Segment set(long... asns) {
            return new Segment(AS_SET, asns);
        }

        @Override
        public long[] asns() {
            return asns.clone();
        }

        public int size() {
            return asns.length;
        }

        public long asn(int i) {
            return asns[i];
        }

        public boolean confederation() {
            return type == AS_CONFED_SEQUENCE || type == AS_CONFED_SET;
        }

        /** ASNs as counted by RFC 6793 §4.2.3 (and RFC 4271 §9.1.2.2): a set is one, confederations none. */
        int pathLength() {
            return switch (type) {
                case AS_SEQUENCE -> asns.length;
                case AS_SET -> 1;
                default -> 0;
            };
        }

        String element() {
            // json.md J7: ExaBGP labels confederation segments as-sequence; we give them their own name
            return switch (type) {
                case AS_SET -> "as-set";
                case AS_SEQUENCE -> "as-sequence";
                case AS_CONFED_SEQUENCE -> "confed-sequence";
                default -> "confed-set";
            };
        }

        String text() {
            StringBuilder sb = new StringBuilder();
            String[] brackets =
                    switch (type) {
                        case AS_SEQUENCE -> new String[] {"(", ")"};
                        case AS_SET -> new String[] {"[", "]"};
                        case AS_CONFED_SEQUENCE -> new String[] {"{(", ")}"};
                        default -> new String[] {"{[", "]}"};
                    };
            sb.append(brackets[0]);
            for (long a : asns) sb.append(' ').append(a);
            return sb.append(' ').append(brackets[1]).toString();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Segment s && s.type == type && Arrays.equals(s.asns, asns);
        }

        @Override
        public int hashCode() {
            return 31 * type + Arrays.hashCode(asns);
        }

        @Override
        public String toString() {
            return element() + Arrays.toString(asns);
        }
    }

    public AsPath {
        segments = List.copyOf(segments);
    }

    /** A path of one AS_SEQUENCE (or the empty path when no ASN is given). */
    public static AsPath sequence(long... asns) {
        return asns.length == 0 ? EMPTY : new AsPath(List.of(Segment.sequence(asns)));
    }

    public boolean isEmpty() {
        return segments.isEmpty();
    }

    /** Path length per RFC 6793 §4.2.3: sets count one, confederation segments nothing. */
    public int pathLength() {
        int n = 0;
        for (Segment s : segments) n += s.pathLength();
        return n;
    }

    /** True when some ASN does not fit in two bytes, so a 2-byte peer needs an AS4_PATH. */
    public boolean needsAs4() {
        for (Segment s : segments) for (long a : s.asns) if (a > 0xFFFF) return true;
        return false;
    }

    @Override
    public AttributeCode code() {
        return AttributeCode.AS_PATH;
    }

    @Override
    public int flags() {
        return 0x40;
    }

    @Override
    public void encodeValue(WireWriter out, Negotiated session) {
        encodeSegments(segments, out, session.asn4() ? 4 : 2);
    }

    @Override
    public void json(JsonSink out) {
        // ExaBGP leaves an empty AS_PATH (iBGP) out of the JSON and the text altogether
        if (!segments.isEmpty()) jsonSegments(out, "as-path", segments);
    }

    @Override
    public String text() {
        return segments.isEmpty() ? "" : "as-path " + textSegments(segments);
    }

    static List<Segment> decodeSegments(WireReader body, int asnSize, int attributeCode) throws Malformed {
        List<Segment> out = new ArrayList<>();
        while (body.hasRemaining()) {
            // RFC 7606 §7.2: a lone octet, an unknown type, a zero or overrunning length make the path malformed
            if (body.remaining() < 2) throw Malformed.update(11, "AS path segment header truncated");
            int type = body.u8();
            int count = body.u8();
            if (type < AS_SET || type > AS_CONFED_SET) throw Malformed.update(11, "AS path segment type " + type);
            if (count == 0) throw Malformed.update(11, "AS path segment of length zero");
            if (body.remaining() < count * asnSize)
                throw Malformed.update(11, "AS path segment overruns the attribute (code " + attributeCode + ")");
            long[] asns = new long[count];
            for (int i = 0; i < count; i++) asns[i] = asnSize == 4 ? body.u32() : body.u16();
            out.add(new Segment(type, asns));
        }
        return out;
    }

    /** Writes the segments; a segment longer than 255 ASNs becomes several (wire.md §7). */
    static void encodeSegments(List<Segment> segments, WireWriter out, int asnSize) {
        for (Segment s : segments) {
            for (int start = 0; start < s.asns.length; start += 255) {
                int n = Math.min(255, s.asns.length - start);
                out.u8(s.type).u8(n);
                for (int i = start; i < start + n; i++) {
                    long a = s.asns[i];
                    if (asnSize == 4) out.u32(a);
                    else out.u16((int) (a > 0xFFFF ? AS_TRANS : a));
                }
            }
        }
    }

    static void jsonSegments(JsonSink out, String key, List<Segment> segments) {
        out.beginObject(key);
        for (int i = 0; i < segments.size(); i++) {
            Segment s = segments.get(i);
            out.beginObject(Integer.toString(i));
            out.field("element", s.element());
            out.beginArray("value");
            for (long a : s.asns) out.value(a);
            out.endArray();
            out.endObject();
        }
        out.endObject();
    }

    static String textSegments(List<Segment> segments) {
        if (segments.isEmpty()) return "[ ]";
        StringBuilder sb = new StringBuilder();
        for (Segment s : segments) {
            if (!sb.isEmpty()) sb.append(' ');
            sb.append(s.text());
        }
        return sb.toString();
    }

    /**
     * Rebuilds the real path from a 2-byte AS_PATH and the AS4_PATH, RFC 6793 §4.2.3: when the AS4_PATH is longer it is
     * ignored; otherwise the leading ASNs of AS_PATH that the AS4_PATH does not cover are kept and the AS4_PATH follows.
     * Confederation segments are not counted; those in front of the path are kept, others dropped (RFC 6793 §3:
     * AS4_PATH never carries them, so their place among 4-byte ASNs is unknown).
     */
    public static AsPath merge(AsPath asPath, As4Path as4Path) {
        int keep = asPath.pathLength() - as4Path.pathLength();
        if (keep < 0) return asPath;
        List<Segment> out = new ArrayList<>();
        boolean leading = true;
        for (Segment s : asPath.segments) {
            if (s.confederation()) {
                // only leading ones: the encoder's AS4_PATH drops them, so any other place could not be rebuilt
                if (leading) out.add(s);
                continue;
            }
            leading = false;
            if (keep == 0) break;
            if (s.type == AS_SET) {
                out.add(s);
                keep--;
            } else {
                int n = Math.min(keep, s.asns.length);
                out.add(new Segment(AS_SEQUENCE, Arrays.copyOf(s.asns, n)));
                keep -= n;
            }
        }
        out.addAll(as4Path.segments());
        return new AsPath(out);
    }
}
