package org.jexabgp.wire.nlri.evpn;

import java.util.HexFormat;
import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.Truncated;
import org.jexabgp.wire.WireReader;

/** Ethernet Segment Identifier, RFC 7432 §5: 10 bytes; all zero is "single-homed". */
public record Esi(Bytes value) {
    public static final int LENGTH = 10;
    public static final Esi ZERO = new Esi(Bytes.of(new byte[LENGTH]));

    public Esi {
        if (value.length() != LENGTH) throw new IllegalArgumentException("an ESI has 10 bytes");
    }

    static Esi decode(WireReader in) throws Truncated {
        return new Esi(in.bytes(LENGTH));
    }

    /** ExaBGP's text (and config syntax): {@code -} for zero, else lower-case hex bytes joined by colons. */
    public static Esi parse(String text) {
        if (text.equals("-")) return ZERO;
        String[] parts = text.split(":");
        if (parts.length != LENGTH) throw new IllegalArgumentException("invalid esi '" + text + "'");
        byte[] b = new byte[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            // one or two hex digits per byte, nothing else (parseInt alone would take "+f" or "123")
            if (!parts[i].matches("[0-9a-fA-F]{1,2}")) throw new IllegalArgumentException("invalid esi '" + text + "'");
            b[i] = (byte) Integer.parseInt(parts[i], 16);
        }
        return new Esi(Bytes.of(b));
    }

    @Override
    public String toString() {
        if (equals(ZERO)) return "-";
        return HexFormat.ofDelimiter(":").formatHex(value.toArray());
    }
}
