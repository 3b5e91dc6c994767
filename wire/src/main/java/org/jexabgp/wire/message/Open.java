package org.jexabgp.wire.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.JsonSink;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.WireReader;
import org.jexabgp.wire.WireWriter;
import org.jexabgp.wire.capability.Asn4;
import org.jexabgp.wire.capability.Capabilities;
import org.jexabgp.wire.capability.Capability;

/**
 * OPEN, RFC 4271 §4.2. {@code asn} is the speaker's ASN: above 65535 the My-AS field carries AS_TRANS (RFC 6793 §4.2.1);
 * decoding keeps the field as received (see {@link #asn4()} for the real one). {@code capabilities} may hold
 * empty-valued capabilities, which the JSON shows but the wire never carries (wire.md §3.1 quirk).
 */
public record Open(int version, long asn, int holdTimeSeconds, IpAddress routerId, List<Capability> capabilities)
        implements Message {
    public static final int AS_TRANS = 23456;
    /** RFC 9072 §2: a Non-Ext OP Type of 255 marks the extended optional parameters length. */
    private static final int EXTENDED_PARAMETERS = 255;

    public Open {
        if (version < 0 || version > 0xFF) throw new IllegalArgumentException("version " + version);
        if (asn < 0 || asn > 0xFFFFFFFFL) throw new IllegalArgumentException("asn " + asn);
        if (holdTimeSeconds < 0 || holdTimeSeconds > 0xFFFF) throw new IllegalArgumentException("hold time");
        if (!routerId.isV4()) throw new IllegalArgumentException("router-id must be IPv4: " + routerId);
        capabilities = List.copyOf(capabilities);
    }

    @Override
    public MessageType type() {
        return MessageType.OPEN;
    }

    /** The 4-octet ASN capability's value, if the OPEN carries one. */
    public Optional<Long> asn4() {
        for (Capability c : capabilities) if (c instanceof Asn4 a) return Optional.of(a.asn());
        return Optional.empty();
    }

    /** The 2-byte My Autonomous System field. */
    public int myAsField() {
        return asn > 0xFFFF ? AS_TRANS : (int) asn;
    }

    static Open decode(WireReader body) throws Malformed {
        int version = body.u8();
        int myAs = body.u16();
        int hold = body.u16();
        IpAddress routerId = IpAddress.v4(body.u32());
        int length = body.u8();
        boolean extended = false;
        // RFC 9072 §2: length 255 and type 255 announce a two-byte length and two-byte parameter lengths
        if (length == EXTENDED_PARAMETERS && body.remaining() > 0 && body.peek(0) == EXTENDED_PARAMETERS) {
            body.u8();
            length = body.u16();
            extended = true;
        }
        if (length != body.remaining())
            throw new Malformed(2, 0, "OPEN optional parameters length " + length + " but " + body.remaining() + " left");
        List<Capability> capabilities = new ArrayList<>();
        while (body.hasRemaining()) {
            int type = body.u8();
            int paramLength = extended ? body.u16() : body.u8();
            WireReader param = body.take(paramLength);
            // RFC 4271 §4.2: type 1 was authentication (deprecated, RFC 5492 §3): ExaBGP answers 2/5, else 2/0
            if (type == 1) throw new Malformed(2, 5, "OPEN authentication parameter is not supported");
            if (type != 2) throw new Malformed(2, 0, "OPEN optional parameter of unknown type " + type);
            // RFC 5492 §4: one parameter may carry several capabilities
            while (param.hasRemaining()) {
                int code = param.u8();
                capabilities.add(Capabilities.decode(code, param.take(param.u8())));
            }
        }
        return new Open(version, myAs, hold, routerId, capabilities);
    }

    void encode(WireWriter out) {
        out.u8(version).u16(myAsField()).u16(holdTimeSeconds).bytes(routerId.bytes());
        // wire.md §3.1: one capability per optional parameter, empty values not sent at all
        WireWriter values = new WireWriter();
        List<int[]> spans = new ArrayList<>(); // code, offset, length in values
        for (Capability c : capabilities) {
            int at = values.length();
            c.encodeValue(values);
            int n = values.length() - at;
            if (n > 0 || c.sentWhenEmpty()) spans.add(new int[] {c.code(), at, n});
        }
        int classic = 0;
        for (int[] s : spans) classic += 4 + s[2];
        boolean extended = classic >= 255; // RFC 9072 §2; ExaBGP switches at 255
        if (extended) {
            out.u8(EXTENDED_PARAMETERS).u8(EXTENDED_PARAMETERS).u16(classic + spans.size());
        } else {
            out.u8(classic);
        }
        for (int[] s : spans) {
            out.u8(2);
            if (extended) out.u16(2 + s[2]);
            else out.u8(2 + s[2]);
            out.u8(s[0]).u8(s[2]).bytes(values.array(), s[1], s[2]);
        }
    }

    /**
     * Writes {@code "open": { version, asn, hold_time, router_id, capabilities }} (json.md §5.1); capability keys are
     * decimal codes for a received OPEN, names for one we send.
     */
    public void json(JsonSink out, boolean received) {
        out.beginObject("open")
                .field("version", version)
                .field("asn", asn)
                .field("hold_time", holdTimeSeconds)
                .field("router_id", routerId.toString());
        Capabilities.json(out, capabilities, received);
        out.endObject();
    }

    /** The text encoder's form (json.md §8). */
    public String text() {
        StringBuilder sb = new StringBuilder("open version ").append(version).append(" asn ").append(asn);
        sb.append(" hold_time ").append(holdTimeSeconds).append(" router_id ").append(routerId);
        sb.append(" capabilities [");
        for (int i = 0; i < capabilities.size(); i++) {
            if (i > 0) sb.append(", ");
            sb.append(capabilities.get(i).text().toLowerCase(java.util.Locale.ROOT));
        }
        return sb.append("]").toString();
    }
}
