package org.jexabgp.wire.nlri;

import java.util.ArrayList;
import java.util.List;
import org.jexabgp.wire.JsonSink;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.WireReader;
import org.jexabgp.wire.WireWriter;

/**
 * An MPLS label stack as carried in labeled, VPN and EVPN NLRIs, RFC 8277 §2: 3 bytes per entry, the 20-bit label in
 * the top bits, the bottom-of-stack bit in the lowest. Entries are kept as their 24-bit wire values so that what was
 * received (traffic-class bits, a withdrawal's 0x800000 compatibility value, an EVPN VNI) re-encodes unchanged.
 *
 * <p>{@link #received} marks a stack decoded the way ExaBGP's {@code Labels.unpack} decodes it (EVPN routes): ExaBGP
 * then prints each entry's raw 24-bit field next to its label ({@code [62, 1000]}, {@code label 62 (1000)}), which
 * consumers read as the VNI. Configured stacks, and the labeled/VPN stacks ExaBGP reduces to 20-bit labels, print the
 * label alone. The mark is presentation only: equality is the entries, as ExaBGP compares labels.
 */
public final class Labels {
    /** The label value of the 24-bit entry RFC 8277 §2.4 allows in withdrawals. */
    private static final int COMPATIBILITY = 0x800000;

    public static final Labels NONE = new Labels(List.of());

    private final List<Integer> entries;
    private final boolean received;

    /** @param entries 24-bit wire values, outermost first, as configured */
    public Labels(List<Integer> entries) {
        this(entries, false);
    }

    private Labels(List<Integer> entries, boolean received) {
        this.entries = List.copyOf(entries);
        this.received = received;
        for (int e : this.entries) if (e < 0 || e > 0xFFFFFF) throw new IllegalArgumentException("label entry " + e);
    }

    /** Entries read from a peer's message, printed with their raw fields (see the class comment). */
    public static Labels received(List<Integer> entries) {
        return new Labels(entries, true);
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
     * §2.4, RFC 3107 §3), while at least {@code reserveBits} of the NLRI's {@code bits} stay for what follows. The
     * stack prints as labels only, as ExaBGP prints a labeled or VPN prefix it received.
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

    /** 24-bit wire values, outermost first. */
    public List<Integer> entries() {
        return entries;
    }

    /** Whether the raw fields are printed: the stack came from a peer's EVPN route. */
    public boolean received() {
        return received;
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

    /** The raw field printed after entry {@code e}'s label, or 0 for none (ExaBGP omits a zero field). */
    private int shownRaw(int e) {
        return received ? e : 0;
    }

    /** json.md §5.6: {@code "label": [ [300] ]}, one inner list per entry; {@code [62, 1000]} with a raw field. */
    public void json(JsonSink out) {
        out.beginArray("label");
        for (int e : entries) {
            out.beginArray().value(e >>> 4);
            if (shownRaw(e) != 0) out.value(e);
            out.endArray();
        }
        out.endArray();
    }

    /**
     * ExaBGP's text: {@code label 300}, or {@code label [ 100 200 ]} for a deeper stack; {@code label 62 (1000)} with a
     * raw field.
     */
    public String text() {
        StringBuilder sb = new StringBuilder("label ");
        if (entries.size() != 1) sb.append("[ ");
        for (int e : entries) {
            sb.append(e >>> 4);
            if (shownRaw(e) != 0) sb.append(" (").append(e).append(')');
            if (entries.size() != 1) sb.append(' ');
        }
        if (entries.size() != 1) sb.append(']');
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Labels other && entries.equals(other.entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    @Override
    public String toString() {
        return "Labels" + entries;
    }
}
