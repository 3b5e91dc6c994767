package org.jexabgp.wire.attribute;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.JsonSink;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.WireReader;
import org.jexabgp.wire.WireWriter;

/**
 * Tunnel Encapsulation attribute (23), RFC 9012 §2: optional transitive, a list of tunnel TLVs {@code type(2)
 * length(2)} whose value is a list of sub-TLVs ({@link TunnelSubTlv}). Every tunnel type is read the same way; unknown
 * types and sub-TLVs are kept and re-encoded unchanged (RFC 9012 §13). The SR Policy tunnel type (15, RFC 9830 §2.4)
 * carries the candidate path of an SR Policy route.
 */
public record TunnelEncap(List<Tunnel> tunnels) implements Attribute {
    public static final int SR_POLICY = 15;

    static final AttributeCodec CODEC = (body, flags, session) -> decode(body);

    public TunnelEncap {
        tunnels = List.copyOf(tunnels);
        int length = 0;
        for (Tunnel t : tunnels) length += 4 + t.valueLength();
        if (length > 0xFFFF) throw new IllegalArgumentException("tunnel encapsulation attribute too long");
    }

    public static TunnelEncap of(Tunnel... tunnels) {
        return new TunnelEncap(List.of(tunnels));
    }

    /** One tunnel TLV: its type (RFC 9012 §14.2 registry) and its sub-TLVs in order. */
    public record Tunnel(int type, List<TunnelSubTlv> subTlvs) {
        public Tunnel {
            if (type < 0 || type > 0xFFFF) throw new IllegalArgumentException("tunnel type " + type);
            subTlvs = List.copyOf(subTlvs);
            if (valueLength(subTlvs) > 0xFFFF) throw new IllegalArgumentException("tunnel TLV too long");
        }

        public static Tunnel of(int type, TunnelSubTlv... subTlvs) {
            return new Tunnel(type, List.of(subTlvs));
        }

        int valueLength() {
            return valueLength(subTlvs);
        }

        private static int valueLength(List<TunnelSubTlv> subTlvs) {
            WireWriter w = new WireWriter(64);
            for (TunnelSubTlv s : subTlvs) TunnelSubTlv.write(s, w);
            return w.length();
        }

        void encode(WireWriter out) {
            out.u16(type);
            int at = out.length();
            out.u16(0);
            for (TunnelSubTlv s : subTlvs) TunnelSubTlv.write(s, out);
            out.setU16(at, out.length() - at - 2);
        }

        /**
         * {@code {"type": 15, "name": "sr-policy", <named sub-TLVs>, "segment-lists": […], "sub-tlvs": […]}}: a named
         * sub-TLV is a member the first time it appears; segment lists keep their order in their own array; raw and
         * repeated sub-TLVs go to {@code "sub-tlvs"} as {@code {"type": n, "raw": "0x…"}}.
         */
        void json(JsonSink out) {
            out.beginObject();
            out.field("type", type);
            String name = typeName(type);
            if (name != null) out.field("name", name);
            Set<String> seen = new HashSet<>();
            List<TunnelSubTlv> lists = new ArrayList<>();
            List<TunnelSubTlv> raw = new ArrayList<>();
            for (TunnelSubTlv s : subTlvs) {
                String key = s.name();
                if (s instanceof TunnelSubTlv.SegmentList) lists.add(s);
                else if (key == null || !seen.add(key)) raw.add(s);
                else {
                    out.key(key);
                    s.jsonValue(out);
                }
            }
            if (!lists.isEmpty()) {
                out.beginArray("segment-lists");
                for (TunnelSubTlv s : lists) s.jsonValue(out);
                out.endArray();
            }
            if (!raw.isEmpty()) {
                out.beginArray("sub-tlvs");
                for (TunnelSubTlv s : raw) {
                    WireWriter v = new WireWriter(32);
                    s.encodeValue(v);
                    new TunnelSubTlv.Raw(s.type(), v.toBytes()).jsonValue(out);
                }
                out.endArray();
            }
            out.endObject();
        }
    }

    /** The IANA tunnel type names we print (RFC 9012 §14.2, RFC 9830 §6); others are only their number. */
    public static @org.jspecify.annotations.Nullable String typeName(int type) {
        return switch (type) {
            case 1 -> "l2tpv3";
            case 2 -> "gre";
            case 7 -> "ip-in-ip";
            case 8 -> "vxlan";
            case 9 -> "nvgre";
            case 10 -> "mpls";
            case 11 -> "mpls-in-gre";
            case 12 -> "vxlan-gpe";
            case 13 -> "mpls-in-udp";
            case SR_POLICY -> "sr-policy";
            default -> null;
        };
    }

    /** The number of a tunnel type name of {@link #typeName}, or -1. */
    public static int typeOf(String name) {
        for (int t = 1; t <= SR_POLICY; t++) if (name.equals(typeName(t))) return t;
        return -1;
    }

    /**
     * RFC 9012 §2: tunnel TLVs fill the attribute exactly; RFC 9012 §13: the last sub-TLV of a tunnel must end where
     * the tunnel ends. Anything else is malformed, and the table's verdict applies.
     */
    static TunnelEncap decode(WireReader body) throws Malformed {
        List<Tunnel> tunnels = new ArrayList<>();
        while (body.hasRemaining()) {
            if (body.remaining() < 4) throw TunnelSubTlv.malformed("tunnel TLV header truncated");
            int type = body.u16();
            int length = body.u16();
            if (length > body.remaining())
                throw TunnelSubTlv.malformed("tunnel TLV " + type + " of length " + length + " overruns");
            tunnels.add(new Tunnel(type, TunnelSubTlv.readAll(body.take(length))));
        }
        return new TunnelEncap(tunnels);
    }

    @Override
    public AttributeCode code() {
        return AttributeCode.TUNNEL_ENCAP;
    }

    /** Optional transitive (RFC 9012 §2). */
    @Override
    public int flags() {
        return 0xC0;
    }

    @Override
    public void encodeValue(WireWriter out, Negotiated session) {
        for (Tunnel t : tunnels) t.encode(out);
    }

    /** {@code "tunnel-encap": [ {tunnel}, … ]} (docs/differences.md, extensions). */
    @Override
    public void json(JsonSink out) {
        out.beginArray("tunnel-encap");
        for (Tunnel t : tunnels) t.json(out);
        out.endArray();
    }

    /**
     * The configuration form (docs/sr-policy.md): {@code tunnel-encap [ sr-policy preference 200 segment-list [ weight
     * 1 label 16001 ] ]}, one bracket group per tunnel; what the words cannot say exactly is written {@code sub-tlv
     * <type> 0x<hex>}.
     */
    @Override
    public String text() {
        StringBuilder sb = new StringBuilder("tunnel-encap");
        for (Tunnel t : tunnels) {
            String name = typeName(t.type());
            sb.append(" [ ").append(name != null ? name : Integer.toString(t.type()));
            for (TunnelSubTlv s : t.subTlvs()) sb.append(' ').append(term(s));
            sb.append(" ]");
        }
        return sb.toString();
    }

    /** One sub-TLV in the words of the configuration. */
    public static String term(TunnelSubTlv s) {
        String exact = switch (s) {
            case TunnelSubTlv.Encapsulation e -> "encapsulation 0x" + e.value().hex();
            case TunnelSubTlv.ProtocolType p -> "protocol-type " + p.ethertype();
            case TunnelSubTlv.Color c when c.flags() == 0 -> "color " + c.color();
            case TunnelSubTlv.EgressEndpoint e when e.address() != null -> "endpoint " + e.address();
            case TunnelSubTlv.UdpDestinationPort u -> "udp-port " + u.port();
            case TunnelSubTlv.Preference p when p.flags() == 0 -> "preference " + p.preference();
            case TunnelSubTlv.BindingSid b when b.flags() == 0 -> bindingSid(b);
            case TunnelSubTlv.Srv6BindingSid b when b.flags() == 0 && b.behaviorAndStructure().isEmpty() ->
                "srv6-binding-sid " + b.sid();
            case TunnelSubTlv.Enlp e when e.flags() == 0 -> "enlp " + e.enlp();
            case TunnelSubTlv.Priority p -> "priority " + p.priority();
            case TunnelSubTlv.SegmentList l -> segmentList(l);
            case TunnelSubTlv.Name n when n.flags() == 0 && plainWord(n.text()) -> n.name() + " " + n.text();
            default -> null;
        };
        if (exact != null) return exact;
        WireWriter v = new WireWriter(32);
        s.encodeValue(v);
        return "sub-tlv " + s.type() + " 0x" + v.toBytes().hex();
    }

    private static @org.jspecify.annotations.Nullable String bindingSid(TunnelSubTlv.BindingSid b) {
        Bytes sid = b.sid();
        if (sid.length() == 16) return "binding-sid " + new org.jexabgp.wire.IpAddress(sid);
        if (sid.length() == 4 && (sid.u8(2) & 0x0F) == 0 && sid.u8(3) == 0)
            return "binding-sid " + (((long) sid.u8(0) << 12) | (sid.u8(1) << 4) | (sid.u8(2) >>> 4));
        return null;
    }

    private static @org.jspecify.annotations.Nullable String segmentList(TunnelSubTlv.SegmentList l) {
        StringBuilder sb = new StringBuilder("segment-list [");
        for (TunnelSubTlv.Segment s : l.items()) {
            switch (s) {
                case TunnelSubTlv.Weight w when w.flags() == 0 -> sb.append(" weight ").append(w.weight());
                case TunnelSubTlv.SegmentA a when a.flags() == 0 && a.algorithm() == 0 && (a.entry() & 0xFFF) == 0 ->
                    sb.append(" label ").append(a.label());
                case TunnelSubTlv.SegmentB b when b.flags() == 0 && b.behaviorAndStructure().isEmpty() ->
                    sb.append(" sid ").append(b.sid());
                default -> {
                    return null;
                }
            }
        }
        return sb.append(" ]").toString();
    }

    private static boolean plainWord(String s) {
        if (s.isEmpty()) return false;
        for (char c : s.toCharArray())
            if (!(Character.isLetterOrDigit(c) && c < 128) && "-_.:/".indexOf(c) < 0) return false;
        return true;
    }
}
