package org.jexabgp.wire.nlri.flow;

import java.util.ArrayList;
import java.util.List;
import org.jexabgp.wire.Afi;
import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.JsonSink;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.Safi;
import org.jexabgp.wire.WireReader;
import org.jexabgp.wire.WireWriter;
import org.jexabgp.wire.nlri.Nlri;
import org.jexabgp.wire.nlri.NlriCodec;
import org.jexabgp.wire.nlri.Prefix;
import org.jexabgp.wire.nlri.RouteDistinguisher;
import org.jspecify.annotations.Nullable;

/**
 * A FlowSpec rule (RFC 8955 §4, RFC 8956 for IPv6): {@code length [RD] components}. The length is one byte below 240,
 * else two bytes {@code 0xF000 | length} (RFC 8955 §4.1), up to 4095. Components stay in the order given: the
 * configuration sorts them by type (wire.md §5.1), a decoded rule keeps the peer's order so it re-encodes unchanged.
 * The route key is the encoded NLRI (wire.md §9.3).
 *
 * @param rd the route distinguisher of flow-vpn (SAFI 134, RFC 8955 §8); null for flow (SAFI 133)
 */
public record FlowNlri(Family family, @Nullable RouteDistinguisher rd, List<FlowComponent> components)
        implements Nlri {
    /** RFC 8955 §4.1: a length of 0xF000 or more cannot be written. */
    public static final int MAX_LENGTH = 0xFFF;

    public static final NlriCodec CODEC = new NlriCodec() {
        @Override
        public Nlri decode(WireReader in, Family family, long pathId, Negotiated session) throws Malformed {
            return FlowNlri.decode(in, family);
        }

        @Override
        public boolean carriesPathId() {
            return false;
        }
    };

    public FlowNlri {
        components = List.copyOf(components);
        boolean vpn = family.safi().equals(Safi.FLOW_VPN);
        if (vpn != (rd != null))
            throw new IllegalArgumentException(family.name() + (vpn ? " needs" : " has no") + " rd");
        boolean v6 = family.afi().equals(Afi.IPV6);
        for (FlowComponent c : components) {
            if (c instanceof FlowPrefixComponent p && p.ipv6() != v6)
                throw new IllegalArgumentException(p.prefix() + " in a " + family.name() + " rule");
        }
    }

    /** RFC 8955 §4.1, §4.2.2; RFC 8956 §3.1. */
    public static FlowNlri decode(WireReader in, Family family) throws Malformed {
        int length = in.u8();
        if (length >= 0xF0) length = (length & 0x0F) << 8 | in.u8();
        if (in.remaining() < length)
            throw Malformed.attributeList("flow rule of " + length + " bytes, " + in.remaining() + " left");
        WireReader body = in.take(length);
        RouteDistinguisher rd = family.safi().equals(Safi.FLOW_VPN) ? RouteDistinguisher.decode(body) : null;
        boolean v6 = family.afi().equals(Afi.IPV6);
        List<FlowComponent> components = new ArrayList<>();
        while (body.hasRemaining()) {
            int code = body.u8();
            FlowComponentType type = FlowComponentType.of(code);
            // RFC 8955 §4.2.3: an unknown component type makes the rest unreadable, so the NLRI is malformed
            if (type == null) throw Malformed.update(10, "unknown flow component type " + code);
            components.add(type.kind() == FlowComponentType.Kind.PREFIX
                    ? prefix(body, type, v6)
                    : operators(body, type));
        }
        if (components.isEmpty()) throw Malformed.update(10, "empty flow rule");
        return new FlowNlri(family, rd, components);
    }

    private static FlowPrefixComponent prefix(WireReader in, FlowComponentType type, boolean v6) throws Malformed {
        int size = v6 ? 16 : 4;
        int len = in.u8();
        if (len > size * 8) throw Malformed.update(10, "invalid flow prefix length " + len);
        int offset = v6 ? in.u8() : 0;
        // RFC 8956 §3.1: an offset past the length cannot match anything
        if (offset > len) throw Malformed.update(10, "flow prefix offset " + offset + " beyond length " + len);
        if (!v6) {
            // IPv4 as a number, host bits cleared by the mask: one array instead of three copies
            int n = (len + 7) / 8;
            if (in.remaining() < n) in.skip(n); // throws the same Truncated as reading the bytes at once
            long address = 0;
            for (int i = 0; i < n; i++) address |= (long) in.u8() << (24 - 8 * i);
            long mask = len == 0 ? 0 : 0xFFFFFFFFL << (32 - len) & 0xFFFFFFFFL;
            return new FlowPrefixComponent(type, new Prefix(IpAddress.v4(address & mask), len), offset);
        }
        byte[] address = new byte[size];
        in.bytes((len + 7) / 8).copyTo(address, 0);
        // bits past the length are not part of the prefix: keep them clear so equal rules compare equal
        clearHostBits(address, len);
        return new FlowPrefixComponent(type, new Prefix(IpAddress.of(address), len), offset);
    }

    private static void clearHostBits(byte[] a, int len) {
        for (int bit = len; bit < a.length * 8; bit++) a[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
    }

    private static FlowOperatorComponent operators(WireReader in, FlowComponentType type) throws Malformed {
        // most components hold one term: List.of(term) then needs no copy in the record's constructor
        FlowTerm first = null;
        List<FlowTerm> terms = null;
        while (true) {
            int op = in.u8();
            int size = 1 << ((op & FlowTerm.LENGTH) >>> 4);
            long value = switch (size) {
                case 1 -> in.u8();
                case 2 -> in.u16();
                case 4 -> in.u32();
                default -> in.u64();
            };
            // RFC 8955 §4.2.1.2: bits 2-5 of a bitmask operator, bit 3 of a numeric one, are reserved (kept as
            // zero here: they carry no meaning we could render)
            int keep = type.kind() == FlowComponentType.Kind.BITMASK ? FlowTerm.AND | 0x03 : FlowTerm.AND | 0x07;
            FlowTerm term = new FlowTerm(op & keep, value, size);
            if (first == null) {
                first = term;
            } else {
                if (terms == null) {
                    terms = new ArrayList<>();
                    terms.add(first);
                }
                terms.add(term);
            }
            if ((op & FlowTerm.END) != 0) break;
        }
        return new FlowOperatorComponent(type, terms == null ? List.of(first) : terms);
    }

    @Override
    public long pathId() {
        return 0;
    }

    @Override
    public void encode(WireWriter out, boolean withPathId) {
        WireWriter body = new WireWriter(64);
        if (rd != null) rd.encode(body);
        for (FlowComponent c : components) c.encode(body);
        int length = body.length();
        if (length > MAX_LENGTH) throw new IllegalArgumentException("flow rule too long: " + length + " bytes");
        if (length < 0xF0) out.u8(length);
        else out.u16(0xF000 | length);
        out.writer(body);
    }

    /** The encoded rule: unsigned byte order is ExaBGP's packing order for flow (wire.md §9.3). */
    @Override
    public Bytes key() {
        WireWriter w = new WireWriter(64);
        encode(w, false);
        return w.toBytes();
    }

    private boolean ipv6() {
        return family.afi().equals(Afi.IPV6);
    }

    /**
     * json.md §5.6: one list per component type, in rule order (several prefixes of one type share their key's
     * list), then {@code rd}, then {@code string}.
     */
    @Override
    public void json(JsonSink out, boolean withPathId) {
        out.beginObject();
        for (FlowComponentType type : typesInOrder()) {
            out.beginArray(type.jsonName(ipv6()));
            for (FlowComponent c : components) {
                if (c.type() != type) continue;
                for (String s : c.texts()) out.value(s);
            }
            out.endArray();
        }
        if (rd != null) rd.json(out);
        out.field("string", text());
        out.endObject();
    }

    private List<FlowComponentType> typesInOrder() {
        List<FlowComponentType> types = new ArrayList<>();
        for (FlowComponent c : components) if (!types.contains(c.type())) types.add(c.type());
        return types;
    }

    /**
     * ExaBGP's text: {@code flow destination-ipv4 10.0.0.0/24 protocol =tcp destination-port [ >8080&<8088 =3128 ]
     * rd 65000:1}; a single term bare, several in brackets.
     */
    @Override
    public String text() {
        StringBuilder sb = new StringBuilder("flow");
        for (FlowComponentType type : typesInOrder()) {
            List<String> entries = new ArrayList<>();
            int terms = 0;
            for (FlowComponent c : components) {
                if (c.type() != type) continue;
                entries.addAll(c.texts());
                terms += c instanceof FlowOperatorComponent o ? o.terms().size() : 1;
            }
            sb.append(' ').append(type.jsonName(ipv6())).append(' ');
            // ExaBGP brackets a component of several terms, even AND-ed into one entry (qa/decoding/bgp-flow-4)
            if (terms == 1) sb.append(entries.getFirst());
            else sb.append("[ ").append(String.join(" ", entries)).append(" ]");
        }
        if (rd != null) sb.append(" rd ").append(rd);
        return sb.toString();
    }
}
