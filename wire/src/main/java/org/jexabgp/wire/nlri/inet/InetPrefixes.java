package org.jexabgp.wire.nlri.inet;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.JsonSink;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.Truncated;
import org.jexabgp.wire.WireReader;
import org.jexabgp.wire.nlri.Nlri;
import org.jexabgp.wire.nlri.Prefix;
import org.jspecify.annotations.Nullable;

/**
 * The IPv4 prefixes of an UPDATE's classic fields (withdrawn routes or NLRI, RFC 4271 §4.3; path identifiers first with
 * add-path, RFC 7911 §3), as a read-only list over a copy of their bytes. The block is checked once when read; the
 * {@link InetNlri} values of the record API are made only when the list is first read as a list, while {@link #forEach}
 * walks the bytes and hands out primitives, so a consumer that only needs the numbers (the JSON renderer, a counter)
 * makes no object per prefix. A full UPDATE carries about a thousand prefixes: this is the receive path's hot spot.
 */
public final class InetPrefixes extends AbstractList<Nlri> implements RandomAccess {
    /** Receives one prefix: {@code address} is the IPv4 address with its host bits as received. */
    @FunctionalInterface
    public interface Consumer {
        void prefix(long pathId, int length, int address);
    }

    private final Family family;
    private final boolean pathIds;
    private final byte[] data;
    private final int size;
    /** The record form, made on first list access (volatile: published whole; two racing threads make equal arrays). */
    private volatile Nlri @Nullable [] nlris;

    private InetPrefixes(Family family, boolean pathIds, byte[] data, int size) {
        this.family = family;
        this.pathIds = pathIds;
        this.data = data;
        this.size = size;
    }

    /**
     * Reads every prefix left in {@code in}. A bad length is an invalid network field (RFC 4271 §6.3, 3/10); a prefix
     * or path identifier cut short makes the attribute list malformed (RFC 7606 §5.3, 3/1), as {@link InetNlri#decode}.
     */
    public static InetPrefixes decode(WireReader in, Family family, boolean pathIds) throws Malformed {
        if (!family.afi().equals(org.jexabgp.wire.Afi.IPV4))
            throw new IllegalArgumentException("classic prefixes are IPv4, not " + family.name());
        byte[] src = in.array();
        int start = in.position();
        int end = start + in.remaining();
        int count = 0;
        int at = start;
        while (at < end) {
            if (pathIds) {
                if (end - at < 4) throw Malformed.attributeList("path identifier truncated");
                at += 4;
                if (at == end) throw Malformed.attributeList("prefix length missing after a path identifier");
            }
            int len = src[at++] & 0xFF;
            if (len > 32) throw Malformed.update(10, "invalid prefix length " + len + " for " + family.name());
            int n = (len + 7) >>> 3;
            if (end - at < n)
                throw Malformed.attributeList("prefix /" + len + " needs " + n + " bytes, " + (end - at) + " left");
            at += n;
            count++;
        }
        try {
            in.skip(end - start);
        } catch (Truncated e) {
            throw new IllegalStateException(e); // the bytes were counted from remaining()
        }
        // a copy: the reader may be over a buffer its owner reuses once the message is handled
        return new InetPrefixes(family, pathIds, Arrays.copyOfRange(src, start, end), count);
    }

    /** Hands every prefix to {@code c}, in wire order, without making an object per prefix. */
    public void forEach(Consumer c) {
        byte[] d = data;
        int at = 0;
        for (int i = 0; i < size; i++) {
            long pathId = 0;
            if (pathIds) {
                pathId = (long) (d[at] & 0xFF) << 24 | (d[at + 1] & 0xFF) << 16 | (d[at + 2] & 0xFF) << 8
                        | (d[at + 3] & 0xFF);
                at += 4;
            }
            int len = d[at++] & 0xFF;
            int address = 0;
            int n = (len + 7) >>> 3;
            for (int b = 0; b < n; b++) address |= (d[at + b] & 0xFF) << (24 - 8 * b);
            at += n;
            c.prefix(pathId, len, address);
        }
    }

    /**
     * Hands every prefix of any list of classic NLRIs to {@code c}: the primitive walk for an {@link InetPrefixes}, the
     * records' values otherwise (an UPDATE built in memory rather than decoded).
     */
    public static void forEach(List<? extends Nlri> nlris, Consumer c) {
        if (nlris instanceof InetPrefixes p) {
            p.forEach(c);
            return;
        }
        for (Nlri n : nlris) {
            InetNlri i = (InetNlri) n;
            c.prefix(i.pathId(), i.prefix().length(), (int) i.prefix().address().v4Value());
        }
    }

    /**
     * What {@link InetNlri#json} writes for each prefix, {@code {"nlri": "a.b.c.d/len"}} and the path id when asked:
     * all of them as one text when the sink takes raw elements, else each through the sink from one reused buffer.
     */
    public void json(JsonSink out, boolean withPathId) {
        if (size == 0) return;
        RawElements raw = new RawElements(size, withPathId);
        forEach(raw);
        if (out.rawElements(raw.text, 0, raw.at)) return;
        char[] text = new char[18]; // "255.255.255.255/32"
        forEach((pathId, length, address) -> {
            out.beginObject();
            out.field("nlri", text, 0, prefixText(text, address, length));
            if (withPathId) out.field("path-information", text, 0, dottedQuad(text, 0, (int) pathId));
            out.endObject();
        });
    }

    /** The prefixes as compact JSON objects separated by commas, as a generator writes them. */
    private static final class RawElements implements Consumer {
        private static final char[] NLRI = "{\"nlri\":\"".toCharArray();
        private static final char[] PATH = "\",\"path-information\":\"".toCharArray();
        // {"nlri":"255.255.255.255/32","path-information":"255.255.255.255"}, and a comma
        private static final int LONGEST = 29, LONGEST_WITH_PATH = 66;

        final char[] text;
        final boolean withPathId;
        int at;

        RawElements(int count, boolean withPathId) {
            this.text = new char[count * ((withPathId ? LONGEST_WITH_PATH : LONGEST) + 1)];
            this.withPathId = withPathId;
        }

        @Override
        public void prefix(long pathId, int length, int address) {
            if (at > 0) text[at++] = ',';
            System.arraycopy(NLRI, 0, text, at, NLRI.length);
            at = prefixText(text, at + NLRI.length, address, length);
            if (withPathId) {
                System.arraycopy(PATH, 0, text, at, PATH.length);
                at = dottedQuad(text, at + PATH.length, (int) pathId);
            }
            text[at++] = '"';
            text[at++] = '}';
        }
    }

    /** Writes {@code a.b.c.d/len} at the start of {@code text}; returns its length. */
    static int prefixText(char[] text, int address, int length) {
        return prefixText(text, 0, address, length);
    }

    /** Writes {@code a.b.c.d/len} at {@code text[at]}; returns where it ends. */
    private static int prefixText(char[] text, int at, int address, int length) {
        at = dottedQuad(text, at, address);
        text[at++] = '/';
        return digits(text, at, length);
    }

    private static int dottedQuad(char[] text, int at, int address) {
        for (int shift = 24; shift >= 0; shift -= 8) {
            at = digits(text, at, address >>> shift & 0xFF);
            if (shift > 0) text[at++] = '.';
        }
        return at;
    }

    private static int digits(char[] text, int at, int v) {
        if (v >= 100) text[at++] = (char) ('0' + v / 100);
        if (v >= 10) text[at++] = (char) ('0' + v / 10 % 10);
        text[at++] = (char) ('0' + v % 10);
        return at;
    }

    public Family family() {
        return family;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Nlri get(int index) {
        java.util.Objects.checkIndex(index, size);
        Nlri[] all = nlris;
        if (all == null) nlris = all = records();
        return all[index];
    }

    private Nlri[] records() {
        Nlri[] out = new Nlri[size];
        int[] i = {0};
        forEach((pathId, length, address) -> out[i[0]++] =
                new InetNlri(family, new Prefix(IpAddress.v4(address & 0xFFFFFFFFL), length), pathId));
        return out;
    }
}
