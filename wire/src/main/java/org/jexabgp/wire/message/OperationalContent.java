package org.jexabgp.wire.message;

import java.nio.charset.StandardCharsets;
import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.JsonSink;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.Truncated;
import org.jexabgp.wire.WireReader;
import org.jexabgp.wire.WireWriter;

/**
 * The decoded body of an OPERATIONAL message (wire.md §11): {@code type(2) length(2)} then {@code AFI(2) SAFI(1)} and
 * the type's fields. Values are validated here, so an instance always encodes.
 */
public sealed interface OperationalContent {
    /** Longest advisory text ExaBGP sends (wire.md §11). */
    int MAX_ADVISORY = 2048;

    OperationalType type();

    Family family();

    /** ADM/ASM: a UTF-8 text. */
    record Advisory(OperationalType type, Family family, String advisory) implements OperationalContent {
        public Advisory {
            if (type.shape() != OperationalType.Shape.ADVISORY) throw new IllegalArgumentException(type + " is no advisory");
            if (advisory.getBytes(StandardCharsets.UTF_8).length > MAX_ADVISORY)
                throw new IllegalArgumentException("advisory longer than " + MAX_ADVISORY + " bytes");
        }
    }

    /** RPCQ/APCQ/LPCQ. */
    record Query(OperationalType type, Family family, IpAddress routerId, long sequence) implements OperationalContent {
        public Query {
            if (type.shape() != OperationalType.Shape.QUERY) throw new IllegalArgumentException(type + " is no query");
            checkIds(routerId, sequence);
        }
    }

    /** RPCP/APCP/LPCP. */
    record Reply(OperationalType type, Family family, IpAddress routerId, long sequence, long counter)
            implements OperationalContent {
        public Reply {
            if (type.shape() != OperationalType.Shape.REPLY) throw new IllegalArgumentException(type + " is no reply");
            checkIds(routerId, sequence);
            if (counter < 0 || counter > 0xFFFF_FFFFL) throw new IllegalArgumentException("counter " + counter);
        }
    }

    private static void checkIds(IpAddress routerId, long sequence) {
        if (!routerId.isV4()) throw new IllegalArgumentException("router-id must be IPv4");
        if (sequence < 0 || sequence > 0xFFFF_FFFFL) throw new IllegalArgumentException("sequence " + sequence);
    }

    /** The whole message body: type, length, AFI, SAFI and the fields. */
    default Bytes encode() {
        WireWriter data = new WireWriter();
        data.u16(family().afi().value()).u8(family().safi().value());
        switch (this) {
            case Advisory a -> data.bytes(a.advisory().getBytes(StandardCharsets.UTF_8));
            case Query q -> data.bytes(q.routerId().bytes()).u32(q.sequence());
            case Reply r -> data.bytes(r.routerId().bytes()).u32(r.sequence()).u32(r.counter());
        }
        WireWriter out = new WireWriter();
        out.u16(type().code()).u16(data.length()).writer(data);
        return out.toBytes();
    }

    /** Reads a body; throws for an unknown type or a length that does not fit the type. */
    static OperationalContent decode(Bytes body) throws Malformed {
        WireReader in = WireReader.of(body.toArray());
        try {
            int code = in.u16();
            int length = in.u16();
            if (length != in.remaining())
                throw bad("operational length " + length + " but " + in.remaining() + " bytes follow");
            OperationalType type = OperationalType.of(code);
            if (type == null) throw bad("unknown operational type " + code);
            Family family = Family.of(in.u16(), in.u8());
            OperationalContent out = switch (type.shape()) {
                case ADVISORY -> new Advisory(type, family, new String(in.rest().toArray(), StandardCharsets.UTF_8));
                case QUERY -> new Query(type, family, new IpAddress(in.bytes(4)), in.u32());
                case REPLY -> new Reply(type, family, new IpAddress(in.bytes(4)), in.u32(), in.u32());
            };
            if (in.hasRemaining()) throw bad("operational " + type + ": " + in.remaining() + " extra bytes");
            return out;
        } catch (Truncated e) {
            throw bad("operational message truncated");
        } catch (Malformed e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw bad("operational message: " + e.getMessage());
        }
    }

    /** Never ends a session: ExaBGP shows OPERATIONAL bodies it cannot read raw, so 0/0 is only informative. */
    private static Malformed bad(String reason) {
        return new Malformed(0, 0, reason);
    }

    /** json.md §5.9: {@code "operational": { "name": "ASM", "afi", "safi", … }}. */
    default void json(JsonSink out) {
        out.beginObject("operational");
        out.field("name", type().name());
        out.field("afi", family().afi().name());
        out.field("safi", family().safi().name());
        switch (this) {
            case Advisory a -> out.field("advisory", a.advisory());
            case Query q -> out.field("router-id", q.routerId().toString()).field("sequence", q.sequence());
            case Reply r -> out.field("router-id", r.routerId().toString()).field("sequence", r.sequence())
                    .field("counter", r.counter());
        }
        out.endObject();
    }

    /** json.md §8: {@code ASM afi ipv4 safi unicast advisory "<text>"} / {@code … router-id R sequence N counter C}. */
    default String text() {
        String head = type().name() + " afi " + family().afi().name() + " safi " + family().safi().name();
        return switch (this) {
            case Advisory a -> head + " advisory \"" + a.advisory() + "\"";
            case Query q -> head + " router-id " + q.routerId() + " sequence " + q.sequence();
            case Reply r -> head + " router-id " + r.routerId() + " sequence " + r.sequence() + " counter " + r.counter();
        };
    }
}
