package org.jexabgp.daemon.e2e;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.jexabgp.wire.Bytes;

/**
 * One BGP message as seen on the wire by {@link TestPeer}: the type and the body after the 19-byte header (RFC 4271
 * §4.1). Tests compare {@link #hex()} with vectors written by hand.
 */
record BgpMessage(int type, Bytes body) {
    static final int OPEN = 1;
    static final int UPDATE = 2;
    static final int NOTIFICATION = 3;
    static final int KEEPALIVE = 4;
    static final String MARKER = "FF".repeat(16);

    BgpMessage {
        if (type < 0 || type > 255) throw new IllegalArgumentException("type " + type);
        if (body.length() > 65535 - 19) throw new IllegalArgumentException("body too long: " + body.length());
    }

    static BgpMessage of(int type, String bodyHex) {
        return new BgpMessage(type, Bytes.fromHex(bodyHex.replaceAll("[\\s:]", "")));
    }

    static BgpMessage keepalive() {
        return new BgpMessage(KEEPALIVE, Bytes.EMPTY);
    }

    /** The whole message: marker, length (header included), type, body. */
    String hex() {
        return MARKER + String.format("%04X%02X", 19 + body.length(), type) + body.hex();
    }

    byte[] toArray() {
        return HexFormat.of().parseHex(hex());
    }

    /** ipv4 unicast End-of-RIB: an UPDATE with no withdrawn routes and no attributes (RFC 4724 §2). */
    boolean isIpv4Eor() {
        return type == UPDATE && body.hex().equals("00000000");
    }

    boolean isNotification(int code) {
        return type == NOTIFICATION && body.length() >= 2 && body.u8(0) == code;
    }

    /** "code/subcode" of a NOTIFICATION (RFC 4271 §4.5). */
    String notificationCode() {
        if (type != NOTIFICATION || body.length() < 2) throw new IllegalStateException("not a NOTIFICATION: " + this);
        return body.u8(0) + "/" + body.u8(1);
    }

    /** The prefixes in the classic Withdrawn Routes field of an UPDATE (RFC 4271 §4.3). */
    List<String> withdrawn() {
        int length = u16(0);
        return prefixes(2, 2 + length);
    }

    /** The prefixes in the classic NLRI field of an UPDATE (RFC 4271 §4.3). */
    List<String> announced() {
        int withdrawn = u16(0);
        int attributes = u16(2 + withdrawn);
        return prefixes(4 + withdrawn + attributes, body.length());
    }

    private int u16(int at) {
        return body.u8(at) << 8 | body.u8(at + 1);
    }

    private List<String> prefixes(int from, int to) {
        List<String> out = new ArrayList<>();
        int at = from;
        while (at < to) {
            int bits = body.u8(at++);
            int[] octets = new int[4];
            for (int i = 0; i < (bits + 7) / 8; i++) octets[i] = body.u8(at++);
            out.add(octets[0] + "." + octets[1] + "." + octets[2] + "." + octets[3] + "/" + bits);
        }
        return out;
    }

    @Override
    public String toString() {
        String name = switch (type) {
            case OPEN -> "OPEN";
            case UPDATE -> "UPDATE";
            case NOTIFICATION -> "NOTIFICATION";
            case KEEPALIVE -> "KEEPALIVE";
            default -> "TYPE-" + type;
        };
        return name + " " + body.hex();
    }
}
