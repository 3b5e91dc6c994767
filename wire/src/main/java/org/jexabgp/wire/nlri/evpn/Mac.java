package org.jexabgp.wire.nlri.evpn;

import java.util.HexFormat;
import java.util.Locale;
import org.jexabgp.wire.Bytes;

/** A 48-bit MAC address (RFC 7432 §7.2). */
public record Mac(Bytes value) {
    public Mac {
        if (value.length() != 6) throw new IllegalArgumentException("a MAC address has 6 bytes");
    }

    /** {@code aa:bb:cc:dd:ee:ff}, either case. */
    public static Mac parse(String text) {
        String[] parts = text.split(":");
        if (parts.length != 6) throw new IllegalArgumentException("invalid mac '" + text + "'");
        byte[] b = new byte[6];
        for (int i = 0; i < 6; i++) {
            if (!parts[i].matches("[0-9a-fA-F]{1,2}")) throw new IllegalArgumentException("invalid mac '" + text + "'");
            b[i] = (byte) Integer.parseInt(parts[i], 16);
        }
        return new Mac(Bytes.of(b));
    }

    /** ExaBGP prints upper-case, colon separated. */
    @Override
    public String toString() {
        return HexFormat.ofDelimiter(":").formatHex(value.toArray()).toUpperCase(Locale.ROOT);
    }
}
