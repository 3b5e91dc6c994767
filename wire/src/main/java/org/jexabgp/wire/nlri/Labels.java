package org.jexabgp.wire.nlri;

import java.util.ArrayList;
import java.util.List;
import org.jexabgp.wire.JsonSink;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.WireReader;
import org.jexabgp.wire.WireWriter;

/**
 * An MPLS label stack as carried in labeled and VPN NLRIs, RFC 8277 §2: 3 bytes per entry, the 20-bit label in the
 * top bits, the bottom-of-stack bit in the lowest. Entries are kept as their 24-bit wire values so that what was
 * received (traffic-class bits, a withdrawal's 0x800000 compatibility value) re-encodes unchanged.
 *
 * @param entries 24-bit wire values, outermost first
 */
public record Labels(List<Integer> entries) {
    /** The label value of the 24-bit entry RFC 8277 §2.4 allows in withdrawals. */
    private static final int COMPATIBILITY = 0x800000;

    public static final Labels NONE = new Labels(List.of());

    public Labels {
        entries = List.copyOf(entries);
        for (int e : entries) if (e < 0 || e > 0xFFFFFF) throw new IllegalArgumentException("label entry " + e);
    }

    /** A stack of 20-bit labels, bottom-of-stack set on the last one only (wire.md §5). */
    public static Labels of(List<Integer> labels) {
        List<Integer> e = new ArrayList<>(labels.size());
        for (int i = 0; i < labels.size(); i++) {
            int l = labels.get(i);
            if (l < 0 || l > 0xFFFFF) throw new IllegalArgumentException("label " + l + " is not 20 bits");
            e.add(l << 4 | (i == labels.size() - 1 ? 1 : 0));
        }
        return new Labels(e);
    }

    public static Labels of(int... labels) {
        List<Integer> l = new ArrayList<>(labels.length);
        for (int v : labels) l.add(v);
        return of(l);
    }

    /**
     * Reads entries until one has the bottom-of-stack bit (RFC 8277 §2), or is a withdrawal's 0x800000 (RFC 8277
     * §2.4, RFC 3107 §3), while at least {@code reserveBits} of the NLRI's {@code bits} stay for what follows.
     *
     * @param bits the NLRI length in bits still unread
     * @return the stack; its size tells the caller how many bits it took
     */
    public static Labels decode(WireReader in, int bits, int reserveBits) throws Malformed {
        List<Integer> e = new ArrayList<>(1);
        while (bits - 24 >= reserveBits) {
            int v = in.u24();
            e.add(v);
            bits -= 24;
            if ((v & 1) != 0 || v == COMPATIBILITY) return new Labels(e);
        }
        // RFC 8277 §2: no room for a label, or no bottom of stack before the prefix: the NLRI cannot be parsed
        throw Malformed.update(
                10, e.isEmpty() ? "labeled NLRI has no room for a label" : "label stack without bottom-of-stack bit");
    }

    public void encode(WireWriter out) {
        for (int e : entries) out.u24(e);
    }

    public int size() {
        return entries.size();
    }

    public List<Integer> labels() {
        List<Integer> l = new ArrayList<>(entries.size());
        for (int e : entries) l.add(e >>> 4);
        return l;
    }

    /** json.md §5.6: {@code "label": [ [300] ]}, one inner list per entry. */
    public void json(JsonSink out) {
        out.beginArray("label");
        for (int l : labels()) out.beginArray().value(l).endArray();
        out.endArray();
    }

    /** ExaBGP's text: {@code label 300}, or {@code label [ 100 200 ]} for a deeper stack. */
    public String text() {
        List<Integer> l = labels();
        if (l.size() == 1) return "label " + l.getFirst();
        StringBuilder sb = new StringBuilder("label [ ");
        for (int v : l) sb.append(v).append(' ');
        return sb.append(']').toString();
    }
}
