package org.jexabgp.wire.attribute;

import java.util.ArrayList;
import java.util.List;
import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.JsonSink;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.WireReader;
import org.jexabgp.wire.WireWriter;
import org.jspecify.annotations.Nullable;

/**
 * BGP Prefix-SID (40), RFC 8669 and RFC 9252: a list of TLVs {@code type(1) length(2) value}, kept in received or
 * configured order (wire.md §6.1). Known TLVs: 1 label index, 3 originator SRGB, 5/6 SRv6 L3/L2 service; any other
 * is kept as bytes (RFC 8669 §3: unknown TLVs are propagated unchanged).
 */
public record PrefixSid(List<Tlv> tlvs) implements Attribute {
    public static final int LABEL_INDEX = 1;
    public static final int ORIGINATOR_SRGB = 3;
    public static final int SRV6_L3_SERVICE = 5;
    public static final int SRV6_L2_SERVICE = 6;
    /** RFC 9252 §3.1: SRv6 SID Information sub-TLV; §3.2.1: SID Structure sub-sub-TLV (both type 1). */
    public static final int SID_INFORMATION = 1;

    public static final int SID_STRUCTURE = 1;

    /** RFC 9252 §3.1: the behavior ExaBGP uses when none is configured (opaque, RFC 8986 §10.2). */
    public static final int OPAQUE_BEHAVIOR = 0xFFFF;

    static final AttributeCodec CODEC = (body, flags, session) -> decode(body);

    public PrefixSid {
        tlvs = List.copyOf(tlvs);
    }

    public static PrefixSid of(Tlv... tlvs) {
        return new PrefixSid(List.of(tlvs));
    }

    /** One TLV of the attribute. */
    public sealed interface Tlv permits LabelIndex, OriginatorSrgb, Srv6Service, RawTlv {
        int type();

        /** The value after the type and length. */
        void encodeValue(WireWriter out);

        /** Writes {@code "key": value} inside the {@code bgp-prefix-sid} object. */
        void json(JsonSink out);
    }

    /** RFC 8669 §3.1: {@code 00(reserved) flags(2) index(4)}. */
    public record LabelIndex(int flags, long index) implements Tlv {
        public LabelIndex {
            if (flags < 0 || flags > 0xFFFF) throw new IllegalArgumentException("label-index flags " + flags);
            if (index < 0 || index > 0xFFFF_FFFFL) throw new IllegalArgumentException("label-index " + index);
        }

        public LabelIndex(long index) {
            this(0, index);
        }

        @Override
        public int type() {
            return LABEL_INDEX;
        }

        @Override
        public void encodeValue(WireWriter out) {
            out.u8(0).u16(flags).u32(index);
        }

        @Override
        public void json(JsonSink out) {
            out.field("sr-label-index", index);
        }
    }

    /** One SRGB range: 3-byte base, 3-byte size (RFC 8669 §3.2). */
    public record SrgbRange(int base, int range) {
        public SrgbRange {
            if (base < 0 || base > 0xFFFFFF) throw new IllegalArgumentException("srgb base " + base);
            if (range < 0 || range > 0xFFFFFF) throw new IllegalArgumentException("srgb range " + range);
        }
    }

    /** RFC 8669 §3.2: {@code flags(2)} then the ranges. */
    public record OriginatorSrgb(int flags, List<SrgbRange> ranges) implements Tlv {
        public OriginatorSrgb {
            if (flags < 0 || flags > 0xFFFF) throw new IllegalArgumentException("srgb flags " + flags);
            ranges = List.copyOf(ranges);
        }

        @Override
        public int type() {
            return ORIGINATOR_SRGB;
        }

        @Override
        public void encodeValue(WireWriter out) {
            out.u16(flags);
            for (SrgbRange r : ranges) out.u24(r.base()).u24(r.range());
        }

        /** {@code "sr-srgbs": [ [800000, 4096], … ]}, as ExaBGP writes it. */
        @Override
        public void json(JsonSink out) {
            out.beginArray("sr-srgbs");
            for (SrgbRange r : ranges) out.beginArray().value(r.base()).value(r.range()).endArray();
            out.endArray();
        }
    }

    /**
     * RFC 9252 §2: SRv6 L3 (type 5) or L2 (type 6) service, {@code reserved(1)} then sub-TLVs. The only sub-TLV
     * defined is SID information; others are kept raw.
     */
    public record Srv6Service(int type, List<SubTlv> subTlvs) implements Tlv {
        public Srv6Service {
            if (type != SRV6_L3_SERVICE && type != SRV6_L2_SERVICE)
                throw new IllegalArgumentException("SRv6 service TLV type " + type);
            subTlvs = List.copyOf(subTlvs);
        }

        /** The usual form: one SID, with or without a structure (config {@code bgp-prefix-sid-srv6}). */
        public static Srv6Service l3(IpAddress sid, int behavior, @Nullable SidStructure structure) {
            return of(SRV6_L3_SERVICE, sid, behavior, structure);
        }

        public static Srv6Service l2(IpAddress sid, int behavior, @Nullable SidStructure structure) {
            return of(SRV6_L2_SERVICE, sid, behavior, structure);
        }

        public static Srv6Service of(int type, IpAddress sid, int behavior, @Nullable SidStructure structure) {
            List<SubTlv> sub = structure == null ? List.of() : List.of(structure);
            return new Srv6Service(type, List.of(new SidInformation(sid, 0, behavior, sub)));
        }

        public String name() {
            return type == SRV6_L3_SERVICE ? "l3-service" : "l2-service";
        }

        @Override
        public void encodeValue(WireWriter out) {
            out.u8(0);
            writeSubTlvs(subTlvs, out);
        }

        /** json.md §5.5 (J5 fixed: real values): {@code "l3-service": [ { "sid": …, … } ]}. */
        @Override
        public void json(JsonSink out) {
            out.beginArray(name());
            for (SubTlv s : subTlvs) {
                out.beginObject();
                s.json(out);
                out.endObject();
            }
            out.endArray();
        }
    }

    /** A sub-TLV (RFC 9252 §3.1) or sub-sub-TLV (§3.2): {@code type(1) length(2) value}. */
    public sealed interface SubTlv permits SidInformation, SidStructure, RawSubTlv {
        int type();

        void encodeValue(WireWriter out);

        /** Fields inside the object that stands for this sub-TLV. */
        void json(JsonSink out);
    }

    /** RFC 9252 §3.1: {@code reserved(1) sid(16) flags(1) behavior(2) reserved(1)} then sub-sub-TLVs. */
    public record SidInformation(IpAddress sid, int flags, int behavior, List<SubTlv> subTlvs) implements SubTlv {
        public SidInformation {
            if (sid.isV4()) throw new IllegalArgumentException("an SRv6 SID is an IPv6 address");
            if (flags < 0 || flags > 0xFF) throw new IllegalArgumentException("SID flags " + flags);
            if (behavior < 0 || behavior > 0xFFFF) throw new IllegalArgumentException("SID behavior " + behavior);
            subTlvs = List.copyOf(subTlvs);
        }

        @Override
        public int type() {
            return SID_INFORMATION;
        }

        @Override
        public void encodeValue(WireWriter out) {
            out.u8(0).bytes(sid.bytes()).u8(flags).u16(behavior).u8(0);
            writeSubTlvs(subTlvs, out);
        }

        @Override
        public void json(JsonSink out) {
            out.field("sid", sid.toString());
            out.field("flags", flags);
            out.field("endpoint_behavior", behavior);
            for (SubTlv s : subTlvs) s.json(out);
        }
    }

    /** RFC 9252 §3.2.1: locator block, locator node, function, argument lengths, transposition length and offset. */
    public record SidStructure(
            int locatorBlock, int locatorNode, int function, int argument, int transpositionLength,
            int transpositionOffset) implements SubTlv {
        public SidStructure {
            for (int v : new int[] {locatorBlock, locatorNode, function, argument, transpositionLength,
                transpositionOffset}) {
                if (v < 0 || v > 0xFF) throw new IllegalArgumentException("SID structure value " + v);
            }
        }

        @Override
        public int type() {
            return SID_STRUCTURE;
        }

        @Override
        public void encodeValue(WireWriter out) {
            out.u8(locatorBlock).u8(locatorNode).u8(function).u8(argument).u8(transpositionLength);
            out.u8(transpositionOffset);
        }

        @Override
        public void json(JsonSink out) {
            out.beginObject("structure");
            out.field("locator-block-length", locatorBlock);
            out.field("locator-node-length", locatorNode);
            out.field("function-length", function);
            out.field("argument-length", argument);
            out.field("transposition-length", transpositionLength);
            out.field("transposition-offset", transpositionOffset);
            out.endObject();
        }

        /** {@code [64,24,16,0,0,0]}, the config form (config.md §12). */
        public String text() {
            return "[" + locatorBlock + "," + locatorNode + "," + function + "," + argument + ","
                    + transpositionLength + "," + transpositionOffset + "]";
        }
    }

    /** A sub-TLV or sub-sub-TLV we do not parse. */
    public record RawSubTlv(int type, Bytes value) implements SubTlv {
        public RawSubTlv {
            if (type < 0 || type > 0xFF) throw new IllegalArgumentException("sub-TLV type " + type);
            if (value.length() > 0xFFFF) throw new IllegalArgumentException("sub-TLV too long");
        }

        @Override
        public void encodeValue(WireWriter out) {
            out.bytes(value);
        }

        @Override
        public void json(JsonSink out) {
            out.field("sub-tlv-" + type, "0x" + value.hex());
        }
    }

    /** A TLV we do not parse, re-encoded unchanged. */
    public record RawTlv(int type, Bytes value) implements Tlv {
        public RawTlv {
            if (type < 0 || type > 0xFF) throw new IllegalArgumentException("TLV type " + type);
            if (value.length() > 0xFFFF) throw new IllegalArgumentException("TLV too long");
        }

        @Override
        public void encodeValue(WireWriter out) {
            out.bytes(value);
        }

        @Override
        public void json(JsonSink out) {
            out.field("tlv-" + type, "0x" + value.hex());
        }
    }

    static PrefixSid decode(WireReader body) throws Malformed {
        List<Tlv> tlvs = new ArrayList<>();
        while (body.hasRemaining()) {
            int type = body.u8();
            int length = body.u16();
            if (body.remaining() < length) throw malformed("TLV " + type + " overruns the attribute");
            WireReader v = body.take(length);
            tlvs.add(switch (type) {
                case LABEL_INDEX -> {
                    // RFC 8669 §3.1: the length is always 7
                    if (length != 7) throw malformed("label-index TLV of length " + length);
                    v.u8();
                    yield new LabelIndex(v.u16(), v.u32());
                }
                case ORIGINATOR_SRGB -> {
                    // RFC 8669 §3.2: flags then whole 6-byte ranges
                    if (length < 2 || (length - 2) % 6 != 0) throw malformed("SRGB TLV of length " + length);
                    int flags = v.u16();
                    List<SrgbRange> ranges = new ArrayList<>();
                    while (v.hasRemaining()) ranges.add(new SrgbRange(v.u24(), v.u24()));
                    yield new OriginatorSrgb(flags, ranges);
                }
                case SRV6_L3_SERVICE, SRV6_L2_SERVICE -> {
                    v.u8(); // RFC 9252 §2: reserved
                    yield new Srv6Service(type, readSubTlvs(v, true));
                }
                default -> new RawTlv(type, v.rest());
            });
        }
        return new PrefixSid(tlvs);
    }

    /** sidInformation: sub-TLVs of a service (type 1 = SID information), else sub-sub-TLVs (type 1 = structure). */
    private static List<SubTlv> readSubTlvs(WireReader in, boolean sidInformation) throws Malformed {
        List<SubTlv> out = new ArrayList<>();
        while (in.hasRemaining()) {
            int type = in.u8();
            int length = in.u16();
            if (in.remaining() < length) throw malformed("sub-TLV " + type + " overruns its TLV");
            WireReader v = in.take(length);
            if (type == SID_INFORMATION && sidInformation) {
                // RFC 9252 §3.1: reserved, SID, flags, behavior, reserved: 21 bytes before the sub-sub-TLVs
                if (length < 21) throw malformed("SID information sub-TLV of length " + length);
                v.u8();
                IpAddress sid = new IpAddress(v.bytes(16));
                int flags = v.u8();
                int behavior = v.u16();
                v.u8();
                out.add(new SidInformation(sid, flags, behavior, readSubTlvs(v, false)));
            } else if (type == SID_STRUCTURE && !sidInformation) {
                if (length != 6) throw malformed("SID structure sub-sub-TLV of length " + length);
                out.add(new SidStructure(v.u8(), v.u8(), v.u8(), v.u8(), v.u8(), v.u8()));
            } else {
                out.add(new RawSubTlv(type, v.rest()));
            }
        }
        return out;
    }

    /** RFC 8669 §5 / RFC 9252 §5: a malformed Prefix-SID is handled by the table's error column. */
    private static Malformed malformed(String reason) {
        return Malformed.attributeList("bgp-prefix-sid: " + reason);
    }

    private static void writeSubTlvs(List<SubTlv> subs, WireWriter out) {
        for (SubTlv s : subs) {
            WireWriter v = new WireWriter(32);
            s.encodeValue(v);
            out.u8(s.type()).u16(v.length()).writer(v);
        }
    }

    @Override
    public AttributeCode code() {
        return AttributeCode.BGP_PREFIX_SID;
    }

    /** Optional transitive (RFC 8669 §3). */
    @Override
    public int flags() {
        return 0xC0;
    }

    @Override
    public void encodeValue(WireWriter out, Negotiated session) {
        for (Tlv t : tlvs) {
            WireWriter v = new WireWriter(32);
            t.encodeValue(v);
            out.u8(t.type()).u16(v.length()).writer(v);
        }
    }

    /** json.md §5.5: {@code "bgp-prefix-sid": { "sr-label-index": 777, "sr-srgbs": [ … ], "l3-service": [ … ] }}. */
    @Override
    public void json(JsonSink out) {
        out.beginObject("bgp-prefix-sid");
        for (Tlv t : tlvs) t.json(out);
        out.endObject();
    }

    /**
     * The configuration form (config.md §12): {@code bgp-prefix-sid [ 300, [ ( 800000,4096 ) ] ]} for label index and
     * SRGB, {@code bgp-prefix-sid-srv6 ( l3-service <sid> 0x48 [64,24,16,0,0,0] )} for SRv6 services.
     */
    @Override
    public String text() {
        List<String> parts = new ArrayList<>();
        LabelIndex index = null;
        OriginatorSrgb srgb = null;
        for (Tlv t : tlvs) {
            switch (t) {
                case LabelIndex l -> index = l;
                case OriginatorSrgb s -> srgb = s;
                case Srv6Service s -> parts.add(srv6Text(s));
                case RawTlv r -> parts.add("bgp-prefix-sid-tlv-" + r.type() + " 0x" + r.value().hex());
            }
        }
        String ranges = null;
        if (srgb != null) {
            List<String> r = new ArrayList<>();
            for (SrgbRange range : srgb.ranges()) r.add("( " + range.base() + "," + range.range() + " )");
            ranges = "[ " + String.join(", ", r) + (r.isEmpty() ? "]" : " ]");
        }
        if (index != null) {
            StringBuilder sb = new StringBuilder("bgp-prefix-sid [ ").append(index.index());
            if (ranges != null) sb.append(", ").append(ranges);
            parts.addFirst(sb.append(" ]").toString());
        } else if (ranges != null) {
            // no config form carries an SRGB alone (RFC 8669 §3.2 expects a label index with it)
            parts.addFirst("bgp-prefix-sid-srgb " + ranges);
        }
        return String.join(" ", parts);
    }

    private static String srv6Text(Srv6Service s) {
        StringBuilder sb = new StringBuilder("bgp-prefix-sid-srv6 ( ").append(s.name());
        for (SubTlv sub : s.subTlvs()) {
            if (!(sub instanceof SidInformation i)) continue;
            sb.append(' ').append(i.sid()).append(" 0x").append(Integer.toHexString(i.behavior()));
            for (SubTlv ss : i.subTlvs()) if (ss instanceof SidStructure st) sb.append(' ').append(st.text());
        }
        return sb.append(" )").toString();
    }
}
