package org.jexabgp.reactor.json;

import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.JsonSink;
import org.jexabgp.wire.attribute.AsPath;
import org.jexabgp.wire.attribute.Attribute;
import org.jexabgp.wire.attribute.ExtendedCommunities;
import org.jexabgp.wire.attribute.ExtendedCommunity;
import org.jexabgp.wire.message.Notification;

/**
 * Which ExaBGP JSON the events speak ({@code exabgp.api.json-version}): 5 is the seed's (json.md §3–§7), 4 is what
 * ExaBGP 4.x printed (json.md §11), for the many programs written against 4.2. Only the parts that differ are here; the
 * encoder asks its dialect for them and writes everything else the same way.
 */
public enum JsonDialect {
    /** ExaBGP 4.x: format version "4.0.1", flat AS-path lists, no notification text (json.md §11). */
    V4("4.0.1"),
    /** ExaBGP 5.0, the default. */
    V5("5.0.0");

    private final String formatVersion;

    JsonDialect(String formatVersion) {
        this.formatVersion = formatVersion;
    }

    /** The {@code "exabgp"} field: the JSON format version, not the program version (json.md §1). */
    public String formatVersion() {
        return formatVersion;
    }

    /** The dialect of an {@code api.json-version} value (4 or 5, validated by the settings). */
    public static JsonDialect of(int version) {
        return switch (version) {
            case 4 -> V4;
            case 5 -> V5;
            default -> throw new IllegalArgumentException("api.json-version must be 4 or 5, not " + version);
        };
    }

    /** One path attribute inside {@code "attribute"}. */
    void attribute(JsonSink out, Attribute a) {
        if (this == V4) {
            switch (a) {
                case AsPath p -> {
                    asPath42(out, p);
                    return;
                }
                case ExtendedCommunities c -> {
                    extendedCommunities42(out, c);
                    return;
                }
                default -> {}
            }
        }
        a.json(out);
    }

    /** {@code "notification": {...}}: 4.x had no {@code "message"} (json.md §5.8, §11). */
    void notification(JsonSink out, Notification n, boolean received) {
        if (this == V5) {
            n.json(out, received);
            return;
        }
        // the same data as 5.0 shows: for a received Shutdown Communication, the bytes of the reported text
        Bytes shown =
                received ? Bytes.of(n.receivedText().getBytes(java.nio.charset.StandardCharsets.UTF_8)) : n.data();
        out.beginObject("notification")
                .field("code", n.code())
                .field("subcode", n.subcode())
                .field("data", "0x" + shown.hex())
                .endObject();
    }

    /**
     * 4.x's AS path (json.md §5.5): each segment kind flattened into one list, {@code "as-path"} and
     * {@code "confederation-path"} always present (empty lists included, an empty iBGP path too), {@code "as-set"} and
     * {@code "confederation-set"} only when the path has such segments, in that order.
     */
    private static void asPath42(JsonSink out, AsPath path) {
        list(out, "as-path", path, AsPath.AS_SEQUENCE, true);
        list(out, "as-set", path, AsPath.AS_SET, false);
        list(out, "confederation-path", path, AsPath.AS_CONFED_SEQUENCE, true);
        list(out, "confederation-set", path, AsPath.AS_CONFED_SET, false);
    }

    private static void list(JsonSink out, String key, AsPath path, int type, boolean always) {
        boolean any = path.segments().stream().anyMatch(s -> s.type() == type);
        if (!any && !always) return;
        out.beginArray(key);
        for (AsPath.Segment s : path.segments()) {
            if (s.type() != type) continue;
            for (int i = 0; i < s.size(); i++) out.value(s.asn(i));
        }
        out.endArray();
    }

    /** 4.x printed the IPv4-address route origin with its fields swapped: {@code origin:<n>:<ip>} (json.md §11). */
    private static void extendedCommunities42(JsonSink out, ExtendedCommunities communities) {
        out.beginArray("extended-community");
        for (ExtendedCommunity c : communities.values()) {
            out.beginObject();
            out.fieldUnsigned("value", c.asLong());
            out.field("string", text42(c));
            out.endObject();
        }
        out.endArray();
    }

    static String text42(ExtendedCommunity c) {
        // RFC 4360 §5: route origin, IPv4 address specific (type 0x01 transitive / 0x41 non-transitive, subtype 0x03)
        if ((c.type() & 0xBF) == 0x01 && c.subtype() == 0x03) {
            Bytes v = c.value();
            return "origin:" + (v.u8(6) << 8 | v.u8(7)) + ":" + v.u8(2) + "." + v.u8(3) + "." + v.u8(4) + "." + v.u8(5);
        }
        return c.text();
    }
}
