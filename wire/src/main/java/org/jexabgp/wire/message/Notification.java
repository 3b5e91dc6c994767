package org.jexabgp.wire.message;

import java.nio.charset.StandardCharsets;
import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.JsonSink;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.WireReader;
import org.jexabgp.wire.WireWriter;

/** NOTIFICATION, RFC 4271 §4.5: error code, subcode and data. */
public record Notification(int code, int subcode, Bytes data) implements Message {
    /** RFC 9003 §2: a Shutdown Communication holds at most 128 bytes of UTF-8 (RFC 8203 said 128 too). */
    public static final int SHUTDOWN_TEXT_MAX = 128;

    public Notification {
        if (code < 0 || code > 255) throw new IllegalArgumentException("notification code " + code);
        if (subcode < 0 || subcode > 255) throw new IllegalArgumentException("notification subcode " + subcode);
    }

    @Override
    public MessageType type() {
        return MessageType.NOTIFICATION;
    }

    /**
     * A NOTIFICATION as ExaBGP sends one: data is always a text, the given one or, when empty, the RFC name of the
     * code/subcode; Cease 6/2 and 6/4 carry it length-prefixed (RFC 9003 §2, wire.md §11).
     */
    public static Notification of(int code, int subcode, String text) {
        String t = text.isEmpty() ? subcodeName(code, subcode) : text;
        byte[] utf8 = t.getBytes(StandardCharsets.UTF_8);
        if (!shutdownCommunication(code, subcode)) return new Notification(code, subcode, Bytes.of(utf8));
        // RFC 9003 §2: cut to 128 bytes, without splitting a UTF-8 sequence
        int n = Math.min(utf8.length, SHUTDOWN_TEXT_MAX);
        while (n > 0 && n < utf8.length && (utf8[n] & 0xC0) == 0x80) n--;
        WireWriter w = new WireWriter(n + 1);
        w.u8(n).bytes(utf8, 0, n);
        return new Notification(code, subcode, w.toBytes());
    }

    /** The NOTIFICATION carried by a decoding error. */
    public static Notification of(Malformed error) {
        return new Notification(error.code(), error.subcode(), error.data());
    }

    /** ExaBGP's answer to a message it could not decode (wire.md §1): 1/0 with this text, no length prefix. */
    public static Notification cannotDecode(int messageType) {
        return new Notification(1, 0, Bytes.of(cannotDecodeText(messageType).getBytes(StandardCharsets.US_ASCII)));
    }

    static String cannotDecodeText(int messageType) {
        return "can not decode update message of type \"" + messageType + "\"";
    }

    static Notification decode(WireReader body) throws Malformed {
        int code = body.u8();
        int subcode = body.u8();
        return new Notification(code, subcode, body.rest());
    }

    void encode(WireWriter out) {
        out.u8(code).u8(subcode).bytes(data);
    }

    private static boolean shutdownCommunication(int code, int subcode) {
        return code == 6 && (subcode == 2 || subcode == 4);
    }

    /**
     * The text a NOTIFICATION we send carries: the Shutdown Communication for 6/2 and 6/4 (after its length byte), the
     * data as text otherwise.
     */
    public String text() {
        if (shutdownCommunication(code, subcode) && !data.isEmpty()) {
            int n = data.u8(0);
            if (n <= data.length() - 1) return utf8(data, 1, n);
        }
        return printable(data) ? ascii(data) : data.hex();
    }

    /**
     * How ExaBGP reports a NOTIFICATION it received (json.md §5.8): for 6/2 and 6/4, {@code Shutdown Communication:
     * "<text>"} or why it could not be read (RFC 9003 §2: at most 128 bytes, within the data); otherwise the data as
     * text when printable, else as hex.
     */
    public String receivedText() {
        if (!shutdownCommunication(code, subcode) || data.isEmpty()) return printable(data) ? ascii(data) : data.hex();
        int n = data.u8(0);
        if (n == 0) return "empty Shutdown Communication.";
        if (n > data.length() - 1)
            return "invalid Shutdown Communication (buffer underrun) length : " + n + " [" + data.hex() + "]";
        if (n > SHUTDOWN_TEXT_MAX)
            return "invalid Shutdown Communication (too large) length : " + n + " [" + data.hex() + "]";
        return "Shutdown Communication: \"" + utf8(data, 1, n) + "\"";
    }

    /**
     * Writes {@code "notification": { code, subcode, data, message }}. ExaBGP prints, for a received one, the data of
     * the text it reports (json.md §5.8 shows {@code 0x53687574646F776E20…} = "Shutdown …").
     */
    public void json(JsonSink out, boolean received) {
        String message = received ? receivedText() : text();
        Bytes shown = received ? Bytes.of(message.getBytes(StandardCharsets.UTF_8)) : data;
        out.beginObject("notification")
                .field("code", code)
                .field("subcode", subcode)
                .field("data", "0x" + shown.hex())
                .field("message", message)
                .endObject();
    }

    /** ExaBGP's (and RFC 4271 §4.5's) name of an error code. */
    public static String codeName(int code) {
        return switch (code) {
            case 1 -> "Message header error";
            case 2 -> "OPEN message error";
            case 3 -> "UPDATE message error";
            case 4 -> "Hold timer expired";
            case 5 -> "State machine error";
            case 6 -> "Cease";
            case 7 -> "ROUTE-REFRESH message error";
            default -> "unknown error code " + code;
        };
    }

    /** The RFC/IANA name of a (code, subcode): RFC 4271 §4.5, RFC 5492, RFC 4486, RFC 6608, RFC 7313, RFC 8538. */
    public static String subcodeName(int code, int subcode) {
        String name = switch (code) {
            case 1 -> switch (subcode) {
                case 0 -> "Unspecific";
                case 1 -> "Connection Not Synchronized";
                case 2 -> "Bad Message Length";
                case 3 -> "Bad Message Type";
                default -> null;
            };
            case 2 -> switch (subcode) {
                case 0 -> "Unspecific";
                case 1 -> "Unsupported Version Number";
                case 2 -> "Bad Peer AS";
                case 3 -> "Bad BGP Identifier";
                case 4 -> "Unsupported Optional Parameter";
                case 5 -> "Authentication Notification (Deprecated)";
                case 6 -> "Unacceptable Hold Time";
                case 7 -> "Unsupported Capability";
                case 8 -> "Grouping Conflict";
                case 9 -> "Grouping Required";
                case 10 -> "Capability Value Mismatch";
                default -> null;
            };
            case 3 -> switch (subcode) {
                case 0 -> "Unspecific";
                case 1 -> "Malformed Attribute List";
                case 2 -> "Unrecognized Well-known Attribute";
                case 3 -> "Missing Well-known Attribute";
                case 4 -> "Attribute Flags Error";
                case 5 -> "Attribute Length Error";
                case 6 -> "Invalid ORIGIN Attribute";
                case 7 -> "AS Routing Loop";
                case 8 -> "Invalid NEXT_HOP Attribute";
                case 9 -> "Optional Attribute Error";
                case 10 -> "Invalid Network Field";
                case 11 -> "Malformed AS_PATH";
                default -> null;
            };
            case 4 -> subcode == 0 ? "Unspecific" : null;
            case 5 -> switch (subcode) {
                case 0 -> "Unspecific";
                case 1 -> "Receive Unexpected Message in OpenSent State";
                case 2 -> "Receive Unexpected Message in OpenConfirm State";
                case 3 -> "Receive Unexpected Message in Established State";
                default -> null;
            };
            case 6 -> switch (subcode) {
                case 0 -> "Unspecific";
                case 1 -> "Maximum Number of Prefixes Reached";
                case 2 -> "Administrative Shutdown";
                case 3 -> "Peer De-configured";
                case 4 -> "Administrative Reset";
                case 5 -> "Connection Rejected";
                case 6 -> "Other Configuration Change";
                case 7 -> "Connection Collision Resolution";
                case 8 -> "Out of Resources";
                case 9 -> "Hard Reset";
                default -> null;
            };
            case 7 -> switch (subcode) {
                case 0 -> "Reserved";
                case 1 -> "Invalid Message Length";
                case 2 -> "Malformed Message Subtype";
                default -> null;
            };
            default -> null;
        };
        return name != null ? name : "unknown reason " + code + "/" + subcode;
    }

    private static boolean printable(Bytes b) {
        for (int i = 0; i < b.length(); i++) {
            int c = b.u8(i);
            if ((c < 0x20 || c > 0x7E) && c != '\t' && c != '\n' && c != '\r' && c != 0x0B && c != 0x0C) return false;
        }
        return true;
    }

    private static String ascii(Bytes b) {
        return new String(b.toArray(), StandardCharsets.US_ASCII);
    }

    private static String utf8(Bytes b, int offset, int n) {
        return new String(b.toArray(), offset, n, StandardCharsets.UTF_8);
    }
}
