package org.jexabgp.wire.attribute;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.JsonSink;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.WireReader;

/**
 * One TLV of the BGP-LS attribute and its ExaBGP JSON (wire.md §6 lists the decoded codes: node TLVs RFC 9552
 * §5.3.1, link TLVs §5.3.2, prefix TLVs §5.3.3, segment routing RFC 9085, SRv6 RFC 9514). A TLV whose value does not
 * have the size its type needs is shown like an unknown one: {@code "generic-lsid-<type>": ["0x<hex>"]}.
 */
public record LinkStateTlv(int type, Bytes value) {
    public LinkStateTlv {
        if (type < 0 || type > 0xFFFF) throw new IllegalArgumentException("bgp-ls tlv type " + type);
        if (value.length() > 0xFFFF) throw new IllegalArgumentException("bgp-ls tlv too long");
    }

    /** Flag names, most significant bit first, as ExaBGP names them; RSV marks reserved bits. */
    private static final String[] NODE_FLAGS = {"O", "T", "E", "B", "R", "V", "RSV", "RSV"};

    private static final String[] SR_CAPABILITY_FLAGS = {"I", "V", "RSV", "RSV", "RSV", "RSV", "RSV", "RSV"};
    private static final String[] ADJ_FLAGS = {"F", "B", "V", "L", "S", "P", "RSV", "RSV"};
    private static final String[] ENDX_FLAGS = {"B", "S", "P", "RSV", "RSV", "RSV", "RSV", "RSV"};
    private static final String[] PREFIX_ATTRIBUTE_FLAGS = {"X", "R", "N", "RSV", "RSV", "RSV", "RSV", "RSV"};
    private static final String[] PREFIX_SID_FLAGS = {"R", "N", "P", "E", "V", "L", "RSV", "RSV"};
    private static final String[] IGP_FLAGS = {"D", "N", "L", "P", "RSV", "RSV", "RSV", "RSV"};
    private static final String[] MPLS_MASK = {"LDP", "RSVP-TE", "RSV", "RSV", "RSV", "RSV", "RSV", "RSV"};
    private static final String[] PROTECTION_FLAGS = {
        "ExtraTrafic", "Unprotected", "Shared", "Dedicated1:1", "Dedicated1+1", "Enhanced", "RSV", "RSV"
    };
    private static final String[] LOCATOR_FLAGS = {"D", "RSV", "RSV", "RSV", "RSV", "RSV", "RSV", "RSV"};
    private static final String[] SRV6_CAPABILITY_FLAGS = {
        "RSV", "O", "RSV", "RSV", "RSV", "RSV", "RSV", "RSV"
    };

    /** Types whose repeats ExaBGP merges into one list (RFC 9552 allows several router-ids; RFC 9514 several SIDs). */
    private static boolean merges(int type) {
        return switch (type) {
            case 1028, 1029, 1106, 1107, 1108 -> true;
            default -> false;
        };
    }

    /** Writes all TLVs of one type (in received order). */
    static void json(JsonSink out, List<LinkStateTlv> group) {
        int type = group.getFirst().type();
        if (merges(type)) {
            boolean ok = true;
            for (LinkStateTlv t : group) ok &= t.valid();
            if (ok) {
                out.beginArray(mergedKey(type));
                for (LinkStateTlv t : group) t.mergedValue(out);
                out.endArray();
                return;
            }
        }
        for (LinkStateTlv t : group) t.json(out);
    }

    private static String mergedKey(int type) {
        return switch (type) {
            case 1028, 1029 -> "local-te-router-ids";
            case 1106 -> "srv6-endx";
            case 1107 -> "srv6-lan-endx-isis";
            default -> "srv6-lan-endx-ospf";
        };
    }

    private boolean valid() {
        try {
            if (merges(type)) mergedValue(new DiscardingSink());
            else render(new DiscardingSink());
            return true;
        } catch (Malformed | RuntimeException e) { // a broken TLV is shown as generic, never fails the event
            return false;
        }
    }

    /** This TLV alone; an unexpected size falls back to the generic form (ExaBGP refuses the UPDATE instead). */
    public void json(JsonSink out) {
        if (merges(type)) {
            if (!valid()) generic(out);
            else {
                out.beginArray(mergedKey(type));
                mergedValue(out);
                out.endArray();
            }
            return;
        }
        if (!isKnown(type)) {
            generic(out);
            return;
        }
        // validate first, on a sink that drops everything, so nothing half-written reaches the output
        if (!valid()) {
            generic(out);
            return;
        }
        try {
            render(out);
        } catch (Malformed e) {
            throw new IllegalStateException("checked above", e);
        }
    }

    private void generic(JsonSink out) {
        out.beginArray("generic-lsid-" + type).value("0x" + value.hex()).endArray();
    }

    private static boolean isKnown(int type) {
        return (type >= 1024 && type <= 1031)
                || type == 1034
                || type == 1035
                || type == 1038
                || (type >= 1088 && type <= 1100)
                || (type >= 1106 && type <= 1108)
                || (type >= 1152 && type <= 1158)
                || type == 1162
                || type == 1170
                || type == 1171
                || type == 1250
                || type == 1252;
    }

    private void mergedValue(JsonSink out) {
        try {
            WireReader in = value.reader();
            switch (type) {
                case 1028, 1029 -> out.value(address(in, type == 1028 ? 4 : 16));
                case 1106 -> endX(out, in, 0);
                case 1107 -> endX(out, in, 6);
                default -> endX(out, in, 4);
            }
        } catch (Malformed e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    private void render(JsonSink out) throws Malformed {
        WireReader in = value.reader();
        switch (type) {
            case 1024 -> flags(out, "node-flags", exact(in, 1).u8(), NODE_FLAGS);
            case 1025, 1097, 1157 -> out.field("opaque", "0x" + value.hex());
            case 1026 -> out.field("node-name", new String(value.toArray(), StandardCharsets.UTF_8));
            // RFC 9552 §5.3.1.2: the IS-IS area identifier, shown by ExaBGP as one big number
            case 1027 -> out.field("area-id", value.isEmpty() ? "0" : new BigInteger(1, value.toArray()).toString());
            case 1030, 1031 -> out.field("remote-te-router-id", address(in, type == 1030 ? 4 : 16));
            case 1034 -> srCapabilities(out, in);
            case 1035 -> {
                out.beginArray("sr-algorithms");
                while (in.hasRemaining()) out.value(in.u8());
                out.endArray();
            }
            case 1038 -> {
                exact(in, 4);
                flags(out, "srv6-capabilities-flags", value.u8(0), SRV6_CAPABILITY_FLAGS);
            }
            case 1088 -> out.field("admin-group-mask", exact(in, 4).u32());
            case 1089 -> out.field("maximum-link-bandwidth", ieee(exact(in, 4)));
            case 1090 -> out.field("maximum-reservable-link-bandwidth", ieee(exact(in, 4)));
            case 1091 -> {
                exact(in, 32);
                out.beginArray("unreserved-bandwidth");
                for (int i = 0; i < 8; i++) out.value(ieee(in));
                out.endArray();
            }
            case 1092 -> out.field("te-metric", unsigned(in, 1, 4));
            case 1093 -> flags(out, "link-protection-flags", exact(in, 2).u8(), PROTECTION_FLAGS);
            case 1094 -> flags(out, "mpls-mask", exact(in, 1).u8(), MPLS_MASK);
            // RFC 9552 §5.3.2.4: 1 to 3 bytes
            case 1095 -> out.field("igp-metric", unsigned(in, 1, 3));
            case 1096 -> {
                if (value.length() % 4 != 0) throw Malformed.update(5, "srlg");
                out.beginArray("shared-risk-link-groups");
                while (in.hasRemaining()) out.value(in.u32());
                out.endArray();
            }
            case 1098 -> out.field("link-name", new String(value.toArray(), StandardCharsets.UTF_8));
            case 1099 -> adjacencySid(out, in, "sr-adj", false);
            case 1100 -> adjacencySid(out, in, "sr-adj-lan", true);
            case 1152 -> flags(out, "igp-flags", exact(in, 1).u8(), IGP_FLAGS);
            case 1153 -> {
                if (value.length() % 4 != 0) throw Malformed.update(5, "route tags");
                out.beginArray("igp-route-tags");
                while (in.hasRemaining()) out.value(in.u32());
                out.endArray();
            }
            case 1154 -> {
                if (value.length() % 8 != 0) throw Malformed.update(5, "extended route tags");
                out.beginArray("igp-extended-route-tags");
                while (in.hasRemaining()) out.value(in.u64());
                out.endArray();
            }
            case 1155 -> out.field("prefix-metric", exact(in, 4).u32());
            case 1156 -> out.field("ospf-forwarding-address", address(in, value.length() == 4 ? 4 : 16));
            case 1158 -> prefixSid(out, in);
            case 1162 -> locator(out, in);
            case 1170 -> flags(out, "sr-prefix-attribute-flags", exact(in, 1).u8(), PREFIX_ATTRIBUTE_FLAGS);
            case 1171 -> out.field("source-router-id", address(in, value.length() == 4 ? 4 : 16));
            case 1250 -> {
                exact(in, 4);
                out.beginObject("srv6-endpoint-behavior");
                out.field("endpoint-behavior", in.u16()).field("flags", in.u8()).field("algorithm", in.u8());
                out.endObject();
            }
            case 1252 -> structure(out, exact(in, 4));
            default -> throw new IllegalStateException("not a known tlv " + type);
        }
    }

    private WireReader exact(WireReader in, int size) throws Malformed {
        if (in.remaining() != size) throw Malformed.update(5, "bgp-ls tlv " + type + " of " + in.remaining());
        return in;
    }

    private String address(WireReader in, int size) throws Malformed {
        return new IpAddress(exact(in, size).bytes(size)).toString();
    }

    private long unsigned(WireReader in, int min, int max) throws Malformed {
        if (in.remaining() < min || in.remaining() > max)
            throw Malformed.update(5, "bgp-ls tlv " + type + " of " + in.remaining());
        long v = 0;
        while (in.hasRemaining()) v = v << 8 | in.u8();
        return v;
    }

    /** Bandwidths are IEEE 754 single precision, bytes per second (RFC 3630 §2.5.6). */
    private static double ieee(WireReader in) throws Malformed {
        return Float.intBitsToFloat((int) in.u32());
    }

    /** ExaBGP's flag objects: every name once, in bit order; repeated RSV keeps the last reserved bit. */
    static void flags(JsonSink out, String key, int bits, String[] names) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < 8; i++) m.put(names[i], bits >> (7 - i) & 1);
        out.beginObject(key);
        for (var e : m.entrySet()) out.field(e.getKey(), e.getValue());
        out.endObject();
    }

    /** RFC 9085 §2.1.2: flags(1) reserved(1), then ranges {@code size(3) SID/Label sub-TLV 1161}. */
    private void srCapabilities(JsonSink out, WireReader in) throws Malformed {
        int bits = in.u8();
        in.u8();
        flags(out, "sr-capability-flags", bits, SR_CAPABILITY_FLAGS);
        out.beginArray("sids");
        while (in.hasRemaining()) {
            long range = in.u24();
            out.beginArray().value(range).value(sidLabel(in)).endArray();
        }
        out.endArray();
    }

    /** RFC 9085 §2.1.1: SID/Label sub-TLV 1161, a 3-byte label (20 bits) or a 4-byte index. */
    private static long sidLabel(WireReader in) throws Malformed {
        int type = in.u16();
        int length = in.u16();
        if (type != 1161) throw Malformed.update(5, "sid/label sub-tlv " + type);
        return switch (length) {
            case 3 -> in.u24() & 0xFFFFF;
            case 4 -> in.u32();
            default -> throw Malformed.update(5, "sid/label of " + length + " bytes");
        };
    }

    /**
     * RFC 9085 §2.2.1 / §2.2.2: flags(1) weight(1) reserved(2) [neighbour system-id(6), LAN only] then SIDs: 3-byte
     * labels when V and L are set, else 4-byte indexes; bytes that do not make a SID are shown as undecoded.
     */
    private void adjacencySid(JsonSink out, WireReader in, String key, boolean lan) throws Malformed {
        int bits = in.u8();
        int weight = in.u8();
        in.skip(2);
        out.beginObject(key);
        flags(out, "flags", bits, ADJ_FLAGS);
        if (lan) out.field("system-id", HexFormat.of().formatHex(in.bytes(6).toArray()));
        boolean label = (bits & 0x30) == 0x30;
        int size = label ? 3 : 4;
        out.beginArray("sids");
        while (in.remaining() >= size) out.value(label ? in.u24() & 0xFFFFF : in.u32());
        out.endArray();
        out.field("weight", weight);
        out.beginArray("undecoded-sids");
        if (in.hasRemaining()) out.value("0x" + in.rest().hex());
        out.endArray();
        out.endObject();
    }

    /** RFC 9085 §2.3.1: flags(1) algorithm(1) reserved(2) SID (3-byte label or 4-byte index). */
    private void prefixSid(JsonSink out, WireReader in) throws Malformed {
        int bits = in.u8();
        int algorithm = in.u8();
        in.skip(2);
        flags(out, "sr-prefix-flags", bits, PREFIX_SID_FLAGS);
        out.beginArray("sids");
        if (in.remaining() == 3) out.value(in.u24() & 0xFFFFF);
        else out.value(exact(in, 4).u32());
        out.endArray();
        out.field("sr-algorithm", algorithm);
    }

    /** RFC 9514 §5.1: flags(1) algorithm(1) reserved(2) metric(4), sub-TLVs. */
    private void locator(JsonSink out, WireReader in) throws Malformed {
        int bits = in.u8();
        int algorithm = in.u8();
        in.skip(2);
        long metric = in.u32();
        out.beginObject("srv6-locator");
        flags(out, "flags", bits, LOCATOR_FLAGS);
        out.field("algorithm", algorithm);
        out.field("metric", metric);
        out.endObject();
    }

    /**
     * RFC 9514 §4.1 / §4.2: endpoint behaviour(2) flags(1) algorithm(1) weight(1) reserved(1) [neighbour ID] SID(16)
     * then sub-TLVs, of which 1252 (SID structure) is shown.
     */
    private static void endX(JsonSink out, WireReader in, int neighborSize) throws Malformed {
        int behavior = in.u16();
        int bits = in.u8();
        int algorithm = in.u8();
        int weight = in.u8();
        in.u8();
        out.beginObject();
        flags(out, "flags", bits, ENDX_FLAGS);
        if (neighborSize == 6) out.field("neighbor-id", HexFormat.of().formatHex(in.bytes(6).toArray()));
        else if (neighborSize == 4) out.field("neighbor-id", new IpAddress(in.bytes(4)).toString());
        out.field("behavior", behavior);
        out.field("algorithm", algorithm);
        out.field("weight", weight);
        out.field("sid", new IpAddress(in.bytes(16)).toString());
        while (in.hasRemaining()) {
            int sub = in.u16();
            WireReader v = in.take(in.u16());
            if (sub == 1252 && v.remaining() == 4) structure(out, v);
        }
        out.endObject();
    }

    /** RFC 9514 §8: locator block, locator node, function and argument lengths. */
    private static void structure(JsonSink out, WireReader in) throws Malformed {
        out.beginObject("srv6-sid-structure");
        out.field("loc_block_len", in.u8());
        out.field("loc_node_len", in.u8());
        out.field("func_len", in.u8());
        out.field("arg_len", in.u8());
        out.endObject();
    }

    /** Checks a rendering without writing it anywhere. */
    private static final class DiscardingSink implements JsonSink {
        @Override public JsonSink beginObject() { return this; }
        @Override public JsonSink beginObject(String key) { return this; }
        @Override public JsonSink endObject() { return this; }
        @Override public JsonSink beginArray() { return this; }
        @Override public JsonSink beginArray(String key) { return this; }
        @Override public JsonSink endArray() { return this; }
        @Override public JsonSink field(String key, String value) { return this; }
        @Override public JsonSink field(String key, long value) { return this; }
        @Override public JsonSink field(String key, double value) { return this; }
        @Override public JsonSink field(String key, boolean value) { return this; }
        @Override public JsonSink value(String value) { return this; }
        @Override public JsonSink value(long value) { return this; }
        @Override public JsonSink value(double value) { return this; }
        @Override public JsonSink value(boolean value) { return this; }
        @Override public JsonSink key(String key) { return this; }
    }
}
