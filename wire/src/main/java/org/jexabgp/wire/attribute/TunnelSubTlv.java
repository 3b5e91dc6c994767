package org.jexabgp.wire.attribute;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.JsonSink;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.WireReader;
import org.jexabgp.wire.WireWriter;
import org.jspecify.annotations.Nullable;

/**
 * One sub-TLV of a tunnel of the Tunnel Encapsulation attribute (RFC 9012 §3): {@code type(1)}, then a 1-byte length
 * for types 0–127 and a 2-byte length for 128–255, then the value. The sub-TLV registry is shared by every tunnel
 * type, so the named ones below are read wherever they appear. Reserved octets are read and ignored and sent as zero
 * (RFC 9830 §2.4); everything else, flags included, is kept so a decoded value re-encodes to the same meaning.
 */
public sealed interface TunnelSubTlv
        permits TunnelSubTlv.Encapsulation,
                TunnelSubTlv.ProtocolType,
                TunnelSubTlv.Color,
                TunnelSubTlv.EgressEndpoint,
                TunnelSubTlv.UdpDestinationPort,
                TunnelSubTlv.Preference,
                TunnelSubTlv.BindingSid,
                TunnelSubTlv.Srv6BindingSid,
                TunnelSubTlv.Enlp,
                TunnelSubTlv.Priority,
                TunnelSubTlv.SegmentList,
                TunnelSubTlv.Name,
                TunnelSubTlv.Raw {
    int ENCAPSULATION = 1;
    int PROTOCOL_TYPE = 2;
    int COLOR = 4;
    int EGRESS_ENDPOINT = 6;
    int UDP_DESTINATION_PORT = 8;
    int PREFERENCE = 12;
    int BINDING_SID = 13;
    int ENLP = 14;
    int PRIORITY = 15;
    int SRV6_BINDING_SID = 20;
    int SEGMENT_LIST = 128;
    int CANDIDATE_PATH_NAME = 129;
    int POLICY_NAME = 130;

    int type();

    /** The value after type and length. */
    void encodeValue(WireWriter out);

    /** The JSON key, lower-case hyphenated, or null for a sub-TLV kept raw. */
    @Nullable String name();

    /** Writes the value after {@link #name()} was written as the key (a number, string or object). */
    void jsonValue(JsonSink out);

    /** RFC 9012 §3: types 128–255 have a 2-byte length. */
    static boolean longLength(int type) {
        return type >= 128;
    }

    /** Writes type, length and value. */
    static void write(TunnelSubTlv s, WireWriter out) {
        WireWriter v = new WireWriter(32);
        s.encodeValue(v);
        writeRaw(s.type(), v.toBytes(), out);
    }

    static void writeRaw(int type, Bytes value, WireWriter out) {
        out.u8(type);
        if (longLength(type)) out.u16(value.length());
        else out.u8(value.length());
        out.bytes(value);
    }

    /** The largest value a sub-TLV of this type can carry. */
    static int maxLength(int type) {
        return longLength(type) ? 0xFFFF : 0xFF;
    }

    /** Encapsulation (1, RFC 9012 §3.2): its layout depends on the tunnel type, so it is kept as bytes. */
    record Encapsulation(Bytes value) implements TunnelSubTlv {
        public Encapsulation {
            if (value.length() > 0xFF) throw new IllegalArgumentException("encapsulation sub-TLV too long");
        }

        @Override
        public int type() {
            return ENCAPSULATION;
        }

        @Override
        public void encodeValue(WireWriter out) {
            out.bytes(value);
        }

        @Override
        public String name() {
            return "encapsulation";
        }

        @Override
        public void jsonValue(JsonSink out) {
            out.value("0x" + value.hex());
        }
    }

    /** Protocol Type (2, RFC 9012 §3.4.1): the Ethertype of the payload. */
    record ProtocolType(int ethertype) implements TunnelSubTlv {
        public ProtocolType {
            if (ethertype < 0 || ethertype > 0xFFFF) throw new IllegalArgumentException("ethertype " + ethertype);
        }

        @Override
        public int type() {
            return PROTOCOL_TYPE;
        }

        @Override
        public void encodeValue(WireWriter out) {
            out.u16(ethertype);
        }

        @Override
        public String name() {
            return "protocol-type";
        }

        @Override
        public void jsonValue(JsonSink out) {
            out.value(ethertype);
        }
    }

    /**
     * Color (4, RFC 9012 §3.4.2): a whole Color extended community {@code 03 0B flags(2) color(4)} (RFC 9012 §4.3).
     * A value that is not one is kept raw.
     */
    record Color(int flags, long color) implements TunnelSubTlv {
        public Color {
            if (flags < 0 || flags > 0xFFFF) throw new IllegalArgumentException("color flags " + flags);
            if (color < 0 || color > 0xFFFF_FFFFL) throw new IllegalArgumentException("color " + color);
        }

        public Color(long color) {
            this(0, color);
        }

        @Override
        public int type() {
            return COLOR;
        }

        @Override
        public void encodeValue(WireWriter out) {
            out.u8(0x03).u8(0x0B).u16(flags).u32(color);
        }

        @Override
        public String name() {
            return "color";
        }

        /** The color as a number; the flags only when set (RFC 9256 §8.8 CO bits), as an object. */
        @Override
        public void jsonValue(JsonSink out) {
            if (flags == 0) out.value(color);
            else out.beginObject().field("color", color).field("flags", flags).endObject();
        }
    }

    /**
     * Tunnel Egress Endpoint (6, RFC 9012 §3.1): {@code reserved(4) afi(2) address}; AFI 0 has no address, AFI 1 four
     * bytes, AFI 2 sixteen. Any other combination makes the tunnel malformed (RFC 9012 §3.1).
     *
     * @param address null for AFI 0
     */
    record EgressEndpoint(@Nullable IpAddress address) implements TunnelSubTlv {
        @Override
        public int type() {
            return EGRESS_ENDPOINT;
        }

        @Override
        public void encodeValue(WireWriter out) {
            out.u32(0);
            if (address == null) out.u16(0);
            else out.u16(address.afi().value()).bytes(address.bytes());
        }

        @Override
        public String name() {
            return "endpoint";
        }

        @Override
        public void jsonValue(JsonSink out) {
            // RFC 9012 §3.1: AFI 0, no address ("none" rather than null keeps the value a string)
            out.value(address == null ? "none" : address.toString());
        }
    }

    /** UDP Destination Port (8, RFC 9012 §3.3.2). */
    record UdpDestinationPort(int port) implements TunnelSubTlv {
        public UdpDestinationPort {
            if (port < 0 || port > 0xFFFF) throw new IllegalArgumentException("udp port " + port);
        }

        @Override
        public int type() {
            return UDP_DESTINATION_PORT;
        }

        @Override
        public void encodeValue(WireWriter out) {
            out.u16(port);
        }

        @Override
        public String name() {
            return "udp-port";
        }

        @Override
        public void jsonValue(JsonSink out) {
            out.value(port);
        }
    }

    /** Preference (12, RFC 9830 §2.4.1): {@code flags(1) reserved(1) preference(4)}. */
    record Preference(int flags, long preference) implements TunnelSubTlv {
        public Preference {
            if (flags < 0 || flags > 0xFF) throw new IllegalArgumentException("preference flags " + flags);
            if (preference < 0 || preference > 0xFFFF_FFFFL)
                throw new IllegalArgumentException("preference " + preference);
        }

        public Preference(long preference) {
            this(0, preference);
        }

        @Override
        public int type() {
            return PREFERENCE;
        }

        @Override
        public void encodeValue(WireWriter out) {
            out.u8(flags).u8(0).u32(preference);
        }

        @Override
        public String name() {
            return "preference";
        }

        @Override
        public void jsonValue(JsonSink out) {
            out.value(preference);
        }
    }

    /**
     * Binding SID (13, RFC 9830 §2.4.2): {@code flags(1) reserved(1)} then no SID, a 4-byte MPLS label entry (label in
     * the top 20 bits) or a 16-byte SRv6 SID. Flags: S (0x80, specified BSID only), I (0x40, drop upon invalid).
     */
    record BindingSid(int flags, Bytes sid) implements TunnelSubTlv {
        public BindingSid {
            if (flags < 0 || flags > 0xFF) throw new IllegalArgumentException("binding-sid flags " + flags);
            if (sid.length() != 0 && sid.length() != 4 && sid.length() != 16)
                throw new IllegalArgumentException("binding SID of " + sid.length() + " bytes");
        }

        /** An MPLS label as the binding SID, TC/S/TTL zero. */
        public static BindingSid label(int flags, int label) {
            if (label < 0 || label > 0xFFFFF) throw new IllegalArgumentException("label " + label);
            return new BindingSid(flags, new WireWriter(4).u32((long) label << 12).toBytes());
        }

        public static BindingSid srv6(int flags, IpAddress sid) {
            if (sid.isV4()) throw new IllegalArgumentException("an SRv6 SID is an IPv6 address");
            return new BindingSid(flags, sid.bytes());
        }

        @Override
        public int type() {
            return BINDING_SID;
        }

        @Override
        public void encodeValue(WireWriter out) {
            out.u8(flags).u8(0).bytes(sid);
        }

        @Override
        public String name() {
            return "binding-sid";
        }

        @Override
        public void jsonValue(JsonSink out) {
            out.beginObject().field("flags", flags);
            if (sid.length() == 4) out.field("label", labelOf(sid));
            else if (sid.length() == 16) out.field("sid", new IpAddress(sid).toString());
            out.endObject();
        }
    }

    /**
     * SRv6 Binding SID (20, RFC 9830 §2.4.3): {@code flags(1) reserved(1) sid(16)}, then the endpoint behavior and SID
     * structure (8 bytes, RFC 9830 §2.4.4.2.4) when present.
     *
     * @param behaviorAndStructure empty or 8 bytes
     */
    record Srv6BindingSid(int flags, IpAddress sid, Bytes behaviorAndStructure) implements TunnelSubTlv {
        public Srv6BindingSid {
            if (flags < 0 || flags > 0xFF) throw new IllegalArgumentException("srv6-binding-sid flags " + flags);
            if (sid.isV4()) throw new IllegalArgumentException("an SRv6 SID is an IPv6 address");
            checkBehavior(behaviorAndStructure);
        }

        @Override
        public int type() {
            return SRV6_BINDING_SID;
        }

        @Override
        public void encodeValue(WireWriter out) {
            out.u8(flags).u8(0).bytes(sid.bytes()).bytes(behaviorAndStructure);
        }

        @Override
        public String name() {
            return "srv6-binding-sid";
        }

        @Override
        public void jsonValue(JsonSink out) {
            out.beginObject().field("flags", flags).field("sid", sid.toString());
            behaviorJson(behaviorAndStructure, out);
            out.endObject();
        }
    }

    /** Explicit NULL Label Policy (14, RFC 9830 §2.4.5): {@code flags(1) reserved(1) enlp(1)}. */
    record Enlp(int flags, int enlp) implements TunnelSubTlv {
        public Enlp {
            if (flags < 0 || flags > 0xFF) throw new IllegalArgumentException("enlp flags " + flags);
            if (enlp < 0 || enlp > 0xFF) throw new IllegalArgumentException("enlp " + enlp);
        }

        @Override
        public int type() {
            return ENLP;
        }

        @Override
        public void encodeValue(WireWriter out) {
            out.u8(flags).u8(0).u8(enlp);
        }

        @Override
        public String name() {
            return "enlp";
        }

        @Override
        public void jsonValue(JsonSink out) {
            out.value(enlp);
        }
    }

    /** Priority (15, RFC 9830 §2.4.6): {@code priority(1) reserved(1)}. */
    record Priority(int priority) implements TunnelSubTlv {
        public Priority {
            if (priority < 0 || priority > 0xFF) throw new IllegalArgumentException("priority " + priority);
        }

        @Override
        public int type() {
            return PRIORITY;
        }

        @Override
        public void encodeValue(WireWriter out) {
            out.u8(priority).u8(0);
        }

        @Override
        public String name() {
            return "priority";
        }

        @Override
        public void jsonValue(JsonSink out) {
            out.value(priority);
        }
    }

    /**
     * Policy Candidate Path Name (129, RFC 9830 §2.4.7) or Policy Name (130, §2.4.8): {@code flags(1) reserved(1)}
     * then the name, kept as bytes (JSON shows it as UTF-8).
     */
    record Name(int type, int flags, Bytes value) implements TunnelSubTlv {
        public Name {
            if (type != CANDIDATE_PATH_NAME && type != POLICY_NAME) throw new IllegalArgumentException("name type " + type);
            if (flags < 0 || flags > 0xFF) throw new IllegalArgumentException("name flags " + flags);
            if (value.length() > 0xFFFF - 2) throw new IllegalArgumentException("name too long");
        }

        public static Name of(int type, String name) {
            return new Name(type, 0, Bytes.of(name.getBytes(StandardCharsets.UTF_8)));
        }

        public String text() {
            return new String(value.toArray(), StandardCharsets.UTF_8);
        }

        @Override
        public void encodeValue(WireWriter out) {
            out.u8(flags).u8(0).bytes(value);
        }

        @Override
        public String name() {
            return type == CANDIDATE_PATH_NAME ? "candidate-path-name" : "policy-name";
        }

        @Override
        public void jsonValue(JsonSink out) {
            out.value(text());
        }
    }

    /** A sub-TLV we do not name, re-encoded unchanged (RFC 9012 §13: unknown sub-TLVs are ignored, not errors). */
    record Raw(int type, Bytes value) implements TunnelSubTlv {
        public Raw {
            if (type < 0 || type > 0xFF) throw new IllegalArgumentException("sub-TLV type " + type);
            if (value.length() > maxLength(type)) throw new IllegalArgumentException("sub-TLV " + type + " too long");
        }

        @Override
        public void encodeValue(WireWriter out) {
            out.bytes(value);
        }

        @Override
        public @Nullable String name() {
            return null;
        }

        @Override
        public void jsonValue(JsonSink out) {
            out.beginObject().field("type", type).field("raw", "0x" + value.hex()).endObject();
        }
    }

    /**
     * Segment List (128, RFC 9830 §2.4.4): {@code reserved(1)} then its own sub-TLVs, in order: the optional Weight (9)
     * and the segments. Those use the same type/length rule as tunnel sub-TLVs.
     */
    record SegmentList(List<Segment> items) implements TunnelSubTlv {
        public static final int WEIGHT = 9;
        public static final int TYPE_A = 1;
        public static final int TYPE_B = 13;

        public SegmentList {
            items = List.copyOf(items);
            if (encode(items).length() > 0xFFFF) throw new IllegalArgumentException("segment list too long");
        }

        private static WireWriter encode(List<Segment> items) {
            WireWriter out = new WireWriter(64);
            out.u8(0);
            for (Segment s : items) {
                WireWriter v = new WireWriter(24);
                s.encodeValue(v);
                writeRaw(s.type(), v.toBytes(), out);
            }
            return out;
        }

        @Override
        public int type() {
            return SEGMENT_LIST;
        }

        @Override
        public void encodeValue(WireWriter out) {
            out.writer(encode(items));
        }

        @Override
        public String name() {
            return "segment-list";
        }

        /** {@code {"weight": 1, "segments": [ {"segment-type": 1, "flags": 0, "label": 16001}, … ]}}. */
        @Override
        public void jsonValue(JsonSink out) {
            out.beginObject();
            List<Segment> segments = new ArrayList<>();
            boolean weighted = false;
            for (Segment s : items) {
                if (s instanceof Weight w && !weighted) {
                    out.field("weight", w.weight());
                    if (w.flags() != 0) out.field("weight-flags", w.flags());
                    weighted = true;
                } else segments.add(s);
            }
            out.beginArray("segments");
            for (Segment s : segments) {
                out.beginObject().field("segment-type", s.type());
                s.json(out);
                out.endObject();
            }
            out.endArray();
            out.endObject();
        }
    }

    /** An element of a segment list: its weight or one segment (RFC 9830 §2.4.4.1, §2.4.4.2). */
    sealed interface Segment permits Weight, SegmentA, SegmentB, RawSegment {
        int type();

        void encodeValue(WireWriter out);

        /** The fields after {@code "segment-type"}. */
        void json(JsonSink out);
    }

    /** Weight (9, RFC 9830 §2.4.4.1): {@code flags(1) reserved(1) weight(4)}. */
    record Weight(int flags, long weight) implements Segment {
        public Weight {
            if (flags < 0 || flags > 0xFF) throw new IllegalArgumentException("weight flags " + flags);
            if (weight < 0 || weight > 0xFFFF_FFFFL) throw new IllegalArgumentException("weight " + weight);
        }

        @Override
        public int type() {
            return SegmentList.WEIGHT;
        }

        @Override
        public void encodeValue(WireWriter out) {
            out.u8(flags).u8(0).u32(weight);
        }

        @Override
        public void json(JsonSink out) {
            out.field("weight", weight);
        }
    }

    /**
     * Segment Type A (1, RFC 9830 §2.4.4.2.1): an SR-MPLS SID, {@code flags(1) algorithm(1) label(20) tc(3) s(1)
     * ttl(8)}.
     *
     * @param entry the whole 4-byte label stack entry
     */
    record SegmentA(int flags, int algorithm, long entry) implements Segment {
        public SegmentA {
            if (flags < 0 || flags > 0xFF) throw new IllegalArgumentException("segment flags " + flags);
            if (algorithm < 0 || algorithm > 0xFF) throw new IllegalArgumentException("algorithm " + algorithm);
            if (entry < 0 || entry > 0xFFFF_FFFFL) throw new IllegalArgumentException("label entry " + entry);
        }

        public static SegmentA label(int label) {
            if (label < 0 || label > 0xFFFFF) throw new IllegalArgumentException("label " + label);
            return new SegmentA(0, 0, (long) label << 12);
        }

        public int label() {
            return (int) (entry >>> 12);
        }

        @Override
        public int type() {
            return SegmentList.TYPE_A;
        }

        @Override
        public void encodeValue(WireWriter out) {
            out.u8(flags).u8(algorithm).u32(entry);
        }

        @Override
        public void json(JsonSink out) {
            out.field("flags", flags).field("label", label());
            if (algorithm != 0) out.field("algorithm", algorithm);
            if ((entry & 0xFFF) != 0) out.field("tc-s-ttl", entry & 0xFFF);
        }
    }

    /**
     * Segment Type B (13, RFC 9830 §2.4.4.2.2): an SRv6 SID, {@code flags(1) reserved(1) sid(16)} and, when present,
     * the endpoint behavior and SID structure (8 bytes).
     */
    record SegmentB(int flags, IpAddress sid, Bytes behaviorAndStructure) implements Segment {
        public SegmentB {
            if (flags < 0 || flags > 0xFF) throw new IllegalArgumentException("segment flags " + flags);
            if (sid.isV4()) throw new IllegalArgumentException("an SRv6 SID is an IPv6 address");
            checkBehavior(behaviorAndStructure);
        }

        public static SegmentB sid(IpAddress sid) {
            return new SegmentB(0, sid, Bytes.EMPTY);
        }

        @Override
        public int type() {
            return SegmentList.TYPE_B;
        }

        @Override
        public void encodeValue(WireWriter out) {
            out.u8(flags).u8(0).bytes(sid.bytes()).bytes(behaviorAndStructure);
        }

        @Override
        public void json(JsonSink out) {
            out.field("flags", flags).field("sid", sid.toString());
            behaviorJson(behaviorAndStructure, out);
        }
    }

    /** A segment type we do not name (C to K, RFC 9830 §2.4.4.2.3ff.), kept unchanged. */
    record RawSegment(int type, Bytes value) implements Segment {
        public RawSegment {
            if (type < 0 || type > 0xFF) throw new IllegalArgumentException("segment type " + type);
            if (value.length() > maxLength(type)) throw new IllegalArgumentException("segment " + type + " too long");
        }

        @Override
        public void encodeValue(WireWriter out) {
            out.bytes(value);
        }

        @Override
        public void json(JsonSink out) {
            out.field("raw", "0x" + value.hex());
        }
    }

    // ---- decoding ----

    /** Reads the sub-TLVs filling {@code in}; a length that overruns the tunnel is malformed (RFC 9012 §13). */
    static List<TunnelSubTlv> readAll(WireReader in) throws Malformed {
        List<TunnelSubTlv> out = new ArrayList<>();
        while (in.hasRemaining()) {
            int type = in.u8();
            int length = readLength(in, type, "sub-TLV");
            out.add(decode(type, in.take(length)));
        }
        return out;
    }

    private static int readLength(WireReader in, int type, String what) throws Malformed {
        if (in.remaining() < (longLength(type) ? 2 : 1)) throw malformed(what + " " + type + " length truncated");
        int length = longLength(type) ? in.u16() : in.u8();
        if (length > in.remaining()) throw malformed(what + " " + type + " of length " + length + " overruns");
        return length;
    }

    private static TunnelSubTlv decode(int type, WireReader v) throws Malformed {
        int length = v.remaining();
        return switch (type) {
            case ENCAPSULATION -> new Encapsulation(v.rest());
            case PROTOCOL_TYPE -> {
                expect(type, length, 2);
                yield new ProtocolType(v.u16());
            }
            case COLOR -> {
                expect(type, length, 8);
                // RFC 9012 §3.4.2: the value is a Color extended community; anything else we leave alone
                if (v.peek(0) != 0x03 || v.peek(1) != 0x0B) yield new Raw(type, v.rest());
                v.skip(2);
                yield new Color(v.u16(), v.u32());
            }
            case EGRESS_ENDPOINT -> {
                if (length < 6) throw malformed("tunnel egress endpoint of length " + length);
                v.skip(4);
                int afi = v.u16();
                // RFC 9012 §3.1: the address length follows from the AFI; any other AFI or length is malformed
                int want = switch (afi) {
                    case 0 -> 0;
                    case 1 -> 4;
                    case 2 -> 16;
                    default -> throw malformed("tunnel egress endpoint with AFI " + afi);
                };
                if (v.remaining() != want) throw malformed("tunnel egress endpoint AFI " + afi + " length " + length);
                yield new EgressEndpoint(want == 0 ? null : new IpAddress(v.bytes(want)));
            }
            case UDP_DESTINATION_PORT -> {
                expect(type, length, 2);
                yield new UdpDestinationPort(v.u16());
            }
            case PREFERENCE -> {
                expect(type, length, 6);
                int flags = v.u8();
                v.skip(1);
                yield new Preference(flags, v.u32());
            }
            case BINDING_SID -> {
                // RFC 9830 §2.4.2: 2, 6 or 18
                if (length != 2 && length != 6 && length != 18) throw malformed("binding SID of length " + length);
                int flags = v.u8();
                v.skip(1);
                yield new BindingSid(flags, v.rest());
            }
            case SRV6_BINDING_SID -> {
                // RFC 9830 §2.4.3: 18, or 26 with the behavior and structure
                if (length != 18 && length != 26) throw malformed("SRv6 binding SID of length " + length);
                int flags = v.u8();
                v.skip(1);
                yield new Srv6BindingSid(flags, new IpAddress(v.bytes(16)), v.rest());
            }
            case ENLP -> {
                expect(type, length, 3);
                int flags = v.u8();
                v.skip(1);
                yield new Enlp(flags, v.u8());
            }
            case PRIORITY -> {
                expect(type, length, 2);
                int priority = v.u8();
                v.skip(1);
                yield new Priority(priority);
            }
            case SEGMENT_LIST -> {
                if (length < 1) throw malformed("segment list without its reserved octet");
                v.skip(1);
                yield new SegmentList(readSegments(v));
            }
            case CANDIDATE_PATH_NAME, POLICY_NAME -> {
                if (length < 2) throw malformed("name sub-TLV " + type + " of length " + length);
                int flags = v.u8();
                v.skip(1);
                yield new Name(type, flags, v.rest());
            }
            default -> new Raw(type, v.rest());
        };
    }

    private static List<Segment> readSegments(WireReader in) throws Malformed {
        List<Segment> out = new ArrayList<>();
        while (in.hasRemaining()) {
            int type = in.u8();
            int length = readLength(in, type, "segment sub-TLV");
            WireReader v = in.take(length);
            out.add(switch (type) {
                case SegmentList.WEIGHT -> {
                    expect(type, length, 6);
                    int flags = v.u8();
                    v.skip(1);
                    yield new Weight(flags, v.u32());
                }
                case SegmentList.TYPE_A -> {
                    expect(type, length, 6);
                    yield new SegmentA(v.u8(), v.u8(), v.u32());
                }
                case SegmentList.TYPE_B -> {
                    if (length != 18 && length != 26) throw malformed("segment type B of length " + length);
                    int flags = v.u8();
                    v.skip(1);
                    yield new SegmentB(flags, new IpAddress(v.bytes(16)), v.rest());
                }
                default -> new RawSegment(type, v.rest());
            });
        }
        return out;
    }

    private static void expect(int type, int length, int want) throws Malformed {
        if (length != want) throw malformed("sub-TLV " + type + " of length " + length + ", not " + want);
    }

    /** RFC 9830 §5 / RFC 9012 §13: the framework applies the table's verdict. */
    static Malformed malformed(String reason) {
        return Malformed.attributeList("tunnel-encap: " + reason);
    }

    private static void checkBehavior(Bytes b) {
        if (b.length() != 0 && b.length() != 8)
            throw new IllegalArgumentException("behavior and structure of " + b.length() + " bytes");
    }

    /**
     * RFC 9830 §2.4.4.2.4: {@code behavior(2) reserved(2) locator-block(1) locator-node(1) function(1) argument(1)}.
     */
    private static void behaviorJson(Bytes b, JsonSink out) {
        if (b.length() != 8) return;
        out.field("behavior", b.u8(0) << 8 | b.u8(1));
        out.beginObject("structure");
        out.field("locator-block-length", b.u8(4));
        out.field("locator-node-length", b.u8(5));
        out.field("function-length", b.u8(6));
        out.field("argument-length", b.u8(7));
        out.endObject();
    }

    private static long labelOf(Bytes entry) {
        long v = (long) entry.u8(0) << 24 | entry.u8(1) << 16 | entry.u8(2) << 8 | entry.u8(3);
        return v >>> 12;
    }
}
