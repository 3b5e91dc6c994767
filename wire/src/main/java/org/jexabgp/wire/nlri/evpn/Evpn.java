package org.jexabgp.wire.nlri.evpn;

import java.util.Locale;
import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.JsonSink;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.WireReader;
import org.jexabgp.wire.WireWriter;
import org.jexabgp.wire.nlri.Labels;
import org.jexabgp.wire.nlri.Nlri;
import org.jexabgp.wire.nlri.NlriCodec;
import org.jspecify.annotations.Nullable;

/**
 * An EVPN NLRI, RFC 7432 §7: {@code route-type(1) length(1) body}. Types 1 Ethernet A-D, 2 MAC/IP, 3 Inclusive
 * Multicast, 4 Ethernet Segment (RFC 7432 §7.1–7.4) and 5 IP Prefix (RFC 9136 §3) are parsed; others are opaque.
 */
public sealed interface Evpn extends Nlri
        permits EvpnEthernetAd, EvpnMacIp, EvpnMulticast, EvpnSegment, EvpnPrefix, EvpnOpaque {
    int ETHERNET_AD = 1;
    int MAC_IP = 2;
    int MULTICAST = 3;
    int SEGMENT = 4;
    int PREFIX = 5;

    NlriCodec CODEC = new NlriCodec() {
        @Override
        public Nlri decode(WireReader in, Family family, long pathId, Negotiated session) throws Malformed {
            return Evpn.decode(in);
        }

        @Override
        public boolean carriesPathId() {
            return false;
        }
    };

    int routeType();

    /** ExaBGP's {@code "name"}. */
    String name();

    /** ExaBGP's short name, used in the text form. */
    String shortName();

    /** The route type specific part, after the 2-byte header. */
    void encodeBody(WireWriter out);

    /**
     * The fields of the body that RFC 7432 §7.1–§7.4 and RFC 9136 §3.1 make "part of the prefix" for BGP route key
     * processing (the RD always is, as in every VPN NLRI); ESI, labels and gateway of some types are attributes.
     */
    void encodeKey(WireWriter out);

    @Override
    default Family family() {
        return EvpnFamily.L2VPN_EVPN_FAMILY;
    }

    @Override
    default long pathId() {
        return 0;
    }

    @Override
    default void encode(WireWriter out, boolean withPathId) {
        out.u8(routeType());
        int at = out.length();
        out.u8(0);
        encodeBody(out);
        out.setU8(at, out.length() - at - 1);
    }

    /**
     * The route type, then the route key fields of {@link #encodeKey}: a withdrawal names the route without its label
     * (RFC 7432 §7.2), and a new label replaces the route instead of adding one. Also the packing order.
     */
    @Override
    default Bytes key() {
        WireWriter w = new WireWriter(64);
        w.u8(routeType());
        encodeKey(w);
        return w.toBytes();
    }

    /** The whole NLRI, header included: ExaBGP's {@code "raw"}. */
    default Bytes packed() {
        WireWriter w = new WireWriter(64);
        encode(w, false);
        return w.toBytes();
    }

    /** ExaBGP's text: {@code evpn:<short name>:0x<body hex>}. */
    @Override
    default String text() {
        WireWriter w = new WireWriter(64);
        encodeBody(w);
        return "evpn:" + shortName().toLowerCase(Locale.ROOT) + ":0x" + w.toBytes().hex().toLowerCase(Locale.ROOT);
    }

    static Evpn decode(WireReader in) throws Malformed {
        int type = in.u8();
        int length = in.u8();
        if (in.remaining() < length) throw Malformed.update(10, "evpn route of " + length + " bytes overruns");
        WireReader body = in.take(length);
        Evpn route = switch (type) {
            case ETHERNET_AD -> EvpnEthernetAd.decodeBody(body);
            case MAC_IP -> EvpnMacIp.decodeBody(body);
            case MULTICAST -> EvpnMulticast.decodeBody(body);
            case SEGMENT -> EvpnSegment.decodeBody(body);
            case PREFIX -> EvpnPrefix.decodeBody(body);
            default -> new EvpnOpaque(type, body.rest());
        };
        // RFC 7606 §5.3: fields that do not fill the route exactly make the NLRI malformed
        if (body.hasRemaining())
            throw Malformed.update(10, "evpn route type " + type + " has " + body.remaining() + " extra bytes");
        return route;
    }

    /** {@code ip-length-in-bits(1) address}: 0 (none), 32 or 128 (RFC 7432 §7.2). */
    static @Nullable IpAddress readAddress(WireReader in, boolean optional) throws Malformed {
        int bits = in.u8();
        if (bits == 0 && optional) return null;
        if (bits != 32 && bits != 128) throw Malformed.update(10, "evpn ip length " + bits);
        return new IpAddress(in.bytes(bits / 8));
    }

    static void writeAddress(WireWriter out, @Nullable IpAddress a) {
        if (a == null) out.u8(0);
        else out.u8(a.bytes().length() * 8).bytes(a.bytes());
    }

    /**
     * The rest of the route as one or two 3-byte label entries (RFC 7432 §7.2: MPLS Label1, optional Label2), kept
     * as received: peers often fill the whole field with a VNI (RFC 8365 §5.1.3), and ExaBGP prints it raw.
     */
    static Labels readLabels(WireReader in, int max) throws Malformed {
        int n = in.remaining() / 3;
        if (in.remaining() % 3 != 0 || n < 1 || n > max)
            throw Malformed.update(10, "evpn label field of " + in.remaining() + " bytes");
        java.util.List<Integer> e = new java.util.ArrayList<>(n);
        for (int i = 0; i < n; i++) e.add(in.u24());
        return Labels.received(e);
    }

    /**
     * Label fields as the config and API write them: each 20-bit label in the high bits of its own 3-byte field with
     * the bottom-of-stack bit set (RFC 7432 §7.1/§7.2 label fields, each a one-entry stack as in RFC 8277 §2).
     */
    static Labels labelFields(java.util.List<Integer> labels) {
        java.util.List<Integer> e = new java.util.ArrayList<>(labels.size());
        for (int l : labels) {
            if (l < 0 || l > 0xFFFFF) throw new IllegalArgumentException("label " + l + " is not 20 bits");
            e.add(l << 4 | 1);
        }
        return new Labels(e);
    }

    /** The label of a withdrawal that did not give one: three zero bytes (not part of the route key). */
    Labels NO_LABEL = new Labels(java.util.List.of(0));

    /** json.md §5.6: {@code "code", "parsed", "raw", "name"} open every parsed EVPN object. */
    default void jsonHead(JsonSink out) {
        out.beginObject();
        out.field("code", routeType());
        out.field("parsed", true);
        out.field("raw", packed().hex());
        out.field("name", name());
    }
}
