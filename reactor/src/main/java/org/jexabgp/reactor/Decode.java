package org.jexabgp.reactor;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jexabgp.reactor.json.Direction;
import org.jexabgp.reactor.json.EventNeighbor;
import org.jexabgp.reactor.json.JacksonJsonSink;
import org.jexabgp.reactor.json.JsonEncoder;
import org.jexabgp.reactor.json.MessageForm;
import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.Families;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.FamilySpec;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.WireReader;
import org.jexabgp.wire.WireWriter;
import org.jexabgp.wire.message.Header;
import org.jexabgp.wire.message.Message;
import org.jexabgp.wire.message.MessageCodec;
import org.jexabgp.wire.message.MessageType;
import org.jexabgp.wire.nlri.Nlri;
import org.jspecify.annotations.Nullable;

/**
 * The logic of {@code exabgp decode} (runtime.md §1, json.md §9): hex in, the JSON a process would receive out, as
 * seen from a fake neighbour 127.0.0.1, AS 65533, direction {@code "in"}, counter 1.
 */
public final class Decode {
    private static final EventNeighbor FAKE = new EventNeighbor("127.0.0.1", "127.0.0.1", 65533, 65533);
    private static final int MARKER_LENGTH = 16;

    private Decode() {}

    /** What the hex holds when it has no BGP header; a header's type always wins. */
    public enum Kind {
        UPDATE,
        OPEN,
        /** {@code -n}: NLRIs of one family, back to back. */
        NLRI
    }

    /** The line to print, or why the input is invalid (the command then prints {@code invalid payload}, exit 1). */
    public sealed interface Result {
        record Json(String line) implements Result {}

        record Invalid(String reason) implements Result {}
    }

    /**
     * @param hex the message; spaces and colons are ignored; without the 16-byte marker it is a message body
     * @param family {@code -f "ipv4 unicast"}: the only family to accept (and, for NLRI, the one to read); null for all
     * @param pathInformation {@code -i}: NLRIs carry RFC 7911 path identifiers
     */
    public static Result run(
            EventContext context, String hex, @Nullable String family, Kind kind, boolean pathInformation) {
        byte[] data;
        try {
            data = HexFormat.of().parseHex(hex.replace(" ", "").replace(":", "").strip());
        } catch (IllegalArgumentException e) {
            return new Result.Invalid("invalid payload: not hexadecimal");
        }
        List<Family> families = new ArrayList<>();
        if (family != null) {
            String[] words = family.strip().toLowerCase(Locale.ROOT).split("\\s+");
            try {
                if (words.length != 2) throw new IllegalArgumentException(family);
                families.add(Family.parse(words[0], words[1]));
            } catch (IllegalArgumentException e) {
                return new Result.Invalid("invalid family '" + family + "'");
            }
        } else {
            for (FamilySpec spec : Families.ALL.all()) families.add(spec.family());
        }
        Negotiated session = Negotiated.standalone(FAKE.localAs(), FAKE.peerAs(), families);
        if (pathInformation) session = session.withAddPath(Set.of(), Set.copyOf(families));

        JsonEncoder encoder = new JsonEncoder(context);
        try {
            if (kind == Kind.NLRI && !hasMarker(data)) return nlri(data, families.getFirst(), session, pathInformation);
            MessageType bodyType = kind == Kind.OPEN ? MessageType.OPEN : MessageType.UPDATE;
            Bytes raw = hasMarker(data) ? Bytes.of(data) : withHeader(bodyType, data);
            WireReader in = raw.reader();
            Header header = MessageCodec.header(in, Negotiated.EXTENDED_SIZE);
            if (header.length() != raw.length())
                return new Result.Invalid("invalid payload: length " + header.length() + ", " + raw.length() + " bytes");
            Message message = MessageCodec.decode(header.type(), in, session);
            return new Result.Json(
                    encoder.message(FAKE, 1, message, Direction.DECODE, raw, MessageForm.PARSED, session, false));
        } catch (Malformed e) {
            return new Result.Invalid("invalid payload: " + e.getMessage());
        }
    }

    private static boolean hasMarker(byte[] data) {
        if (data.length < MessageCodec.HEADER_LENGTH) return false;
        for (int i = 0; i < MARKER_LENGTH; i++) if (data[i] != (byte) 0xFF) return false;
        return true;
    }

    private static Bytes withHeader(MessageType type, byte[] body) {
        WireWriter w = new WireWriter(body.length + MessageCodec.HEADER_LENGTH);
        for (int i = 0; i < MARKER_LENGTH; i++) w.u8(0xFF);
        w.u16(Math.min(0xFFFF, body.length + MessageCodec.HEADER_LENGTH)).u8(type.value()).bytes(body);
        return w.toBytes();
    }

    /** {@code -n}: the NLRIs, one ExaBGP NLRI object per line. */
    private static Result nlri(byte[] data, Family family, Negotiated session, boolean pathInformation)
            throws Malformed {
        FamilySpec spec = Families.ALL.find(family);
        if (spec == null) return new Result.Invalid("family " + family.name() + " can not be decoded");
        WireReader in = WireReader.of(data);
        // ExaBGP prints each NLRI's object on its own line (vector bgp-ls-1)
        StringBuilder lines = new StringBuilder();
        while (in.hasRemaining()) {
            long pathId = pathInformation && spec.nlri().carriesPathId() ? in.u32() : 0;
            Nlri nlri = spec.nlri().decode(in, family, pathId, session);
            JacksonJsonSink out = new JacksonJsonSink();
            nlri.json(out, pathInformation);
            if (!lines.isEmpty()) lines.append('\n');
            lines.append(out.text());
        }
        return new Result.Json(lines.toString());
    }
}
