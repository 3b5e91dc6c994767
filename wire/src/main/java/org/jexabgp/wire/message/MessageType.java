package org.jexabgp.wire.message;

/** BGP message type (RFC 4271 §4.1, IANA), an open enum: all 256 values are cached. */
public record MessageType(int value) {
    private static final MessageType[] ALL = new MessageType[256];

    static {
        for (int i = 0; i < 256; i++) ALL[i] = new MessageType(i);
    }

    public static final MessageType OPEN = of(1);
    public static final MessageType UPDATE = of(2);
    public static final MessageType NOTIFICATION = of(3);
    public static final MessageType KEEPALIVE = of(4);
    public static final MessageType ROUTE_REFRESH = of(5);
    /** ExaBGP's private OPERATIONAL message (draft-ietf-idr-operational-message). */
    public static final MessageType OPERATIONAL = of(6);

    public MessageType {
        if (value < 0 || value > 255) throw new IllegalArgumentException("message type " + value);
    }

    public static MessageType of(int value) {
        if (value < 0 || value > 255) throw new IllegalArgumentException("message type " + value);
        MessageType cached = ALL[value];
        return cached != null ? cached : new MessageType(value);
    }

    /** ExaBGP's lower-case name: the JSON {@code type} of the packets form (json.md §6). */
    public String jsonName() {
        return switch (value) {
            case 1 -> "open";
            case 2 -> "update";
            case 3 -> "notification";
            case 4 -> "keepalive";
            case 5 -> "route-refresh";
            case 6 -> "operational";
            default -> "unknown";
        };
    }

    /** ExaBGP's upper-case name, used in error texts (wire.md §1). */
    public String headerName() {
        return switch (value) {
            case 1 -> "OPEN";
            case 2 -> "UPDATE";
            case 3 -> "NOTIFICATION";
            case 4 -> "KEEPALIVE";
            case 5 -> "ROUTE_REFRESH";
            case 6 -> "OPERATIONAL";
            default -> "UNKNOWN MESSAGE " + value;
        };
    }

    /** Whether this is one of the types we decode (others become {@link UnknownMessage}). */
    public boolean known() {
        return value >= 1 && value <= 6;
    }

    @Override
    public String toString() {
        return headerName();
    }
}
