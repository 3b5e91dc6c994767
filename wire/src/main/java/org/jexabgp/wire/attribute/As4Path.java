package org.jexabgp.wire.attribute;

import java.util.List;
import org.jexabgp.wire.JsonSink;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.WireWriter;

/**
 * AS4_PATH, RFC 6793 §3: the real path with 4-byte ASNs, sent next to a 2-byte AS_PATH. On receive {@code UpdateCodec}
 * merges it into the AS_PATH (RFC 6793 §4.2.3), so decoded updates do not hold one.
 */
public record As4Path(List<AsPath.Segment> segments) implements Attribute {
    static final AttributeCodec CODEC = (body, flags, session) -> {
        List<AsPath.Segment> segments = AsPath.decodeSegments(body, 4, 17);
        // RFC 6793 §3/§6: confederation segments in AS4_PATH make it malformed (the attribute is discarded)
        for (AsPath.Segment s : segments)
            if (s.confederation()) throw Malformed.update(9, "AS4_PATH carries a confederation segment");
        return new As4Path(segments);
    };

    public As4Path {
        segments = List.copyOf(segments);
    }

    /** The AS4_PATH to send next to a path: the same segments without confederations (RFC 6793 §3). */
    public static As4Path of(AsPath path) {
        return new As4Path(path.segments().stream().filter(s -> !s.confederation()).toList());
    }

    public int pathLength() {
        return new AsPath(segments).pathLength();
    }

    @Override
    public AttributeCode code() {
        return AttributeCode.AS4_PATH;
    }

    @Override
    public int flags() {
        return 0xC0;
    }

    @Override
    public void encodeValue(WireWriter out, Negotiated session) {
        AsPath.encodeSegments(segments, out, 4);
    }

    @Override
    public void json(JsonSink out) {
        AsPath.jsonSegments(out, "as4-path", segments);
    }

    @Override
    public String text() {
        return "as4-path " + AsPath.textSegments(segments);
    }
}
