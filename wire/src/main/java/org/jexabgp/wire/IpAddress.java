package org.jexabgp.wire;

/**
 * An IPv4 or IPv6 address as raw bytes (4 or 16). Our own type because the wire and core layers do no I/O and so do
 * not use {@code java.net.InetAddress}, whose parsing may resolve names.
 */
public record IpAddress(Bytes bytes) implements Comparable<IpAddress> {
    public static final IpAddress V4_ZERO = new IpAddress(Bytes.of(new byte[4]));
    public static final IpAddress V6_ZERO = new IpAddress(Bytes.of(new byte[16]));

    public IpAddress {
        if (bytes.length() != 4 && bytes.length() != 16)
            throw new IllegalArgumentException("an address has 4 or 16 bytes, not " + bytes.length());
    }

    public static IpAddress of(byte[] raw) {
        return new IpAddress(Bytes.of(raw));
    }

    public static IpAddress v4(long value) {
        // the array is ours: no defensive copy (decoding makes one of these per received prefix)
        byte[] raw = {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
        return new IpAddress(Bytes.wrap(raw));
    }

    public boolean isV4() {
        return bytes.length() == 4;
    }

    public Afi afi() {
        return isV4() ? Afi.IPV4 : Afi.IPV6;
    }

    /**
     * Whether this address is in the network {@code network/length} (range neighbours, listener keys); addresses of
     * the other family never are.
     */
    public boolean inNetwork(IpAddress network, int length) {
        if (bytes.length() != network.bytes.length()) return false;
        int whole = length / 8, bits = length % 8;
        for (int i = 0; i < whole; i++) if (bytes.u8(i) != network.bytes.u8(i)) return false;
        if (bits == 0) return true;
        int mask = 0xFF << (8 - bits) & 0xFF;
        return (bytes.u8(whole) & mask) == (network.bytes.u8(whole) & mask);
    }

    /** The IPv4 address as an unsigned 32-bit value. */
    public long v4Value() {
        if (!isV4()) throw new IllegalStateException("not IPv4");
        return (long) bytes.u8(0) << 24 | bytes.u8(1) << 16 | bytes.u8(2) << 8 | bytes.u8(3);
    }

    /** Parses dotted-quad IPv4 or RFC 4291 IPv6 text (with embedded IPv4 allowed); throws on anything else. */
    public static IpAddress parse(String text) {
        IpAddress a = tryParse(text);
        if (a == null) throw new IllegalArgumentException("invalid IP address '" + text + "'");
        return a;
    }

    public static @org.jspecify.annotations.Nullable IpAddress tryParse(String text) {
        if (text.indexOf(':') >= 0) return parseV6(text);
        byte[] v4 = parseV4(text);
        return v4 == null ? null : of(v4);
    }

    /**
     * Four dot-separated decimal parts of one to three digits, each at most 255. One pass over the characters, no
     * split: a configuration's addresses are read while the JVM still interprets, where a split's regular-expression
     * machinery and its strings cost more than the reading (issue 9).
     */
    private static byte @org.jspecify.annotations.Nullable [] parseV4(String text) {
        byte[] out = new byte[4];
        int part = 0, value = 0, digits = 0;
        int n = text.length();
        for (int i = 0; i <= n; i++) {
            char c = i < n ? text.charAt(i) : '.';
            if (c == '.') {
                if (digits == 0 || part == 4) return null;
                out[part++] = (byte) value;
                value = 0;
                digits = 0;
            } else if (c >= '0' && c <= '9' && digits < 3) {
                value = value * 10 + (c - '0');
                if (value > 255) return null;
                digits++;
            } else {
                return null;
            }
        }
        return part == 4 ? out : null;
    }

    private static @org.jspecify.annotations.Nullable IpAddress parseV6(String text) {
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) return null;
        int[] head = gap >= 0 ? groups(text.substring(0, gap), false) : groups(text, true);
        int[] tail = gap >= 0 ? groups(text.substring(gap + 2), true) : new int[0];
        if (head == null || tail == null) return null;
        int total = head.length + tail.length;
        if (gap >= 0 ? total > 7 : total != 8) return null;
        byte[] out = new byte[16];
        for (int i = 0; i < head.length; i++) put(out, i, head[i]);
        for (int i = 0; i < tail.length; i++) put(out, 8 - tail.length + i, tail[i]);
        return of(out);
    }

    private static void put(byte[] out, int group, int value) {
        out[2 * group] = (byte) (value >>> 8);
        out[2 * group + 1] = (byte) value;
    }

    /** Colon-separated hex groups; the last may be a dotted quad when allowed (it counts as two groups). */
    private static int @org.jspecify.annotations.Nullable [] groups(String s, boolean v4Last) {
        if (s.isEmpty()) return new int[0];
        String[] parts = s.split(":", -1);
        int[] out = new int[parts.length + 1];
        int n = 0;
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (v4Last && i == parts.length - 1 && p.indexOf('.') >= 0) {
                byte[] v4 = parseV4(p);
                if (v4 == null) return null;
                out[n++] = (v4[0] & 0xFF) << 8 | (v4[1] & 0xFF);
                out[n++] = (v4[2] & 0xFF) << 8 | (v4[3] & 0xFF);
                continue;
            }
            if (p.isEmpty() || p.length() > 4) return null;
            int v = 0;
            for (int j = 0; j < p.length(); j++) {
                int d = Character.digit(p.charAt(j), 16);
                if (d < 0) return null;
                v = v << 4 | d;
            }
            out[n++] = v;
        }
        return java.util.Arrays.copyOf(out, n);
    }

    // Written out, as the record's generated ones would be: those run through method handles, slow until compiled,
    // and an address is compared for every route a program announces (issue 9: 5% of the peers scenario's loop).
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof IpAddress a && bytes.equals(a.bytes);
    }

    @Override
    public int hashCode() {
        return bytes.hashCode();
    }

    /** The dotted quad written digit by digit: a concatenation runs through method handles while interpreted. */
    private String v4Text() {
        byte[] text = new byte[15];
        int n = 0;
        for (int i = 0; i < 4; i++) {
            if (i > 0) text[n++] = '.';
            int v = bytes.u8(i);
            if (v >= 100) text[n++] = (byte) ('0' + v / 100);
            if (v >= 10) text[n++] = (byte) ('0' + v / 10 % 10);
            text[n++] = (byte) ('0' + v % 10);
        }
        return new String(text, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** Dotted quad, or RFC 5952 text (lower case, longest zero run compressed) as ExaBGP prints. */
    @Override
    public String toString() {
        if (isV4()) return v4Text();
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) g[i] = bytes.u8(2 * i) << 8 | bytes.u8(2 * i + 1);
        int bestStart = -1, bestLen = 0;
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && g[j] == 0) j++;
            if (j - i > bestLen && j - i >= 2) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        StringBuilder sb = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') sb.append(':');
            sb.append(Integer.toHexString(g[i]));
        }
        return sb.toString();
    }

    @Override
    public int compareTo(IpAddress o) {
        return bytes.compareTo(o.bytes);
    }
}
