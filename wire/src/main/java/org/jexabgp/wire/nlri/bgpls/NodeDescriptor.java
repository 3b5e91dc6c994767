package org.jexabgp.wire.nlri.bgpls;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.JsonSink;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.WireReader;

/**
 * One node descriptor sub-TLV, RFC 9552 §5.2.1.4: 512 AS, 513 BGP-LS identifier, 514 OSPF area, 515 IGP router-id.
 * The router-id's form depends on its length (and on the protocol, RFC 9552 §5.2.1.4): 4 bytes OSPF router-id, 8
 * bytes OSPF pseudonode (router-id and designated router), 6 bytes IS-IS system-id, 7 bytes IS-IS pseudonode.
 */
public record NodeDescriptor(int type, Bytes value) {
    public static final int AUTONOMOUS_SYSTEM = 512;
    public static final int BGP_LS_IDENTIFIER = 513;
    public static final int OSPF_AREA_ID = 514;
    public static final int IGP_ROUTER_ID = 515;

    public NodeDescriptor {
        if (type < 0 || type > 0xFFFF) throw new IllegalArgumentException("node descriptor type " + type);
        if (value.length() > 0xFFFF) throw new IllegalArgumentException("node descriptor too long");
    }

    /** Reads the sub-TLVs of a Local/Remote Node Descriptors TLV (its whole value). */
    static List<NodeDescriptor> decodeAll(WireReader value) throws Malformed {
        List<NodeDescriptor> out = new ArrayList<>(4);
        while (value.hasRemaining()) {
            int type = value.u16();
            int length = value.u16();
            Bytes v = value.bytes(length);
            // RFC 9552 §5.2.1.4: fixed sizes for the AS, the identifier and the area
            boolean bad = switch (type) {
                case AUTONOMOUS_SYSTEM, BGP_LS_IDENTIFIER -> length != 4;
                case OSPF_AREA_ID -> length != 4 && length != 16;
                default -> false;
            };
            if (bad) throw Malformed.update(10, "bgp-ls node descriptor " + type + " of " + length + " bytes");
            out.add(new NodeDescriptor(type, v));
        }
        return out;
    }

    private long u32() {
        return (long) value.u8(0) << 24 | value.u8(1) << 16 | value.u8(2) << 8 | value.u8(3);
    }

    /** ExaBGP's object, one per descriptor: {@code { "autonomous-system": 65001 }}, {@code { "router-id": … }}. */
    public void json(JsonSink out) {
        out.beginObject();
        switch (type) {
            case AUTONOMOUS_SYSTEM -> out.field("autonomous-system", u32());
            case BGP_LS_IDENTIFIER -> out.field("bgp-ls-identifier", Long.toString(u32()));
            case OSPF_AREA_ID -> out.field("ospf-area-id", new IpAddress(value).toString());
            case IGP_ROUTER_ID -> routerId(out);
            default -> out.field("generic-" + type, "0x" + value.hex());
        }
        out.endObject();
    }

    private void routerId(JsonSink out) {
        switch (value.length()) {
            case 4 -> out.field("router-id", new IpAddress(value).toString());
            case 8 -> {
                byte[] b = value.toArray();
                out.field("router-id", ipv4(b, 0));
                out.field("designated-router-id", ipv4(b, 4));
            }
            case 7 -> {
                out.field("router-id", HexFormat.of().formatHex(value.toArray()));
                // ExaBGP leaves out a pseudonode number of 0
                if (value.u8(6) != 0) out.field("psn", Integer.toString(value.u8(6)));
            }
            default -> out.field("router-id", HexFormat.of().formatHex(value.toArray()));
        }
    }

    private static String ipv4(byte[] b, int at) {
        return (b[at] & 0xFF) + "." + (b[at + 1] & 0xFF) + "." + (b[at + 2] & 0xFF) + "." + (b[at + 3] & 0xFF);
    }
}
