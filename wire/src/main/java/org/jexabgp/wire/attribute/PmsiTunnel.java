package org.jexabgp.wire.attribute;

import java.util.Locale;
import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.JsonSink;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.WireWriter;

/**
 * PMSI_TUNNEL, RFC 6514 §5: {@code flags(1) tunnel-type(1) MPLS-label(3) tunnel-identifier}. Decoded and shown, never
 * configured (wire.md §6). Tunnel types other than 0 (no tunnel) and 6 (ingress replication, an IPv4 endpoint) keep
 * their identifier as raw bytes.
 *
 * @param rawLabel the 3 label bytes as a number: the label is {@code rawLabel >> 4} (RFC 3032 layout)
 */
public record PmsiTunnel(int tunnelFlags, int tunnelType, int rawLabel, Bytes tunnel) implements Attribute {
    public static final int NO_TUNNEL = 0;
    public static final int INGRESS_REPLICATION = 6;

    static final AttributeCodec CODEC = (body, flags, session) -> {
        // RFC 6514 §5: flags, type and label are always there
        if (body.remaining() < 5) throw Malformed.attributeLength(AttributeCode.PMSI_TUNNEL.value(), body.remaining());
        return new PmsiTunnel(body.u8(), body.u8(), body.u24(), body.rest());
    };

    public PmsiTunnel {
        if (tunnelFlags < 0 || tunnelFlags > 0xFF) throw new IllegalArgumentException("pmsi flags " + tunnelFlags);
        if (tunnelType < 0 || tunnelType > 0xFF) throw new IllegalArgumentException("pmsi type " + tunnelType);
        if (rawLabel < 0 || rawLabel > 0xFFFFFF) throw new IllegalArgumentException("pmsi label " + rawLabel);
    }

    public int label() {
        return rawLabel >>> 4;
    }

    @Override
    public AttributeCode code() {
        return AttributeCode.PMSI_TUNNEL;
    }

    /** RFC 6514 §5: optional, transitive. */
    @Override
    public int flags() {
        return 0xC0;
    }

    @Override
    public void encodeValue(WireWriter out, Negotiated session) {
        out.u8(tunnelFlags).u8(tunnelType).u24(rawLabel).bytes(tunnel);
    }

    /** RFC 6514 §5 tunnel type names, as ExaBGP prints them (lower case, no spaces). */
    static String typeName(int type) {
        return switch (type) {
            case 0 -> "notunnel";
            case 1 -> "rsvp-tep2mplsp";
            case 2 -> "mldpp2mplsp";
            case 3 -> "pim-ssmtree";
            case 4 -> "pim-smtree";
            case 5 -> "bidir-pimtree";
            case 6 -> "ingressreplication";
            case 7 -> "mldpmp2mplsp";
            default -> "unknown";
        };
    }

    /** ExaBGP's form, e.g. {@code pmsi:ingressreplication:0:1390(22247):29.5.4.64} (json.md §5.5). */
    @Override
    public String text() {
        // the raw value is shown next to the label when it holds more than the label (e.g. the bottom-of-stack bit)
        String label = rawLabel != label() << 4 ? label() + "(" + rawLabel + ")" : Integer.toString(label());
        String id;
        if (tunnelType == NO_TUNNEL || tunnel.isEmpty()) id = "";
        else if (tunnelType == INGRESS_REPLICATION && tunnel.length() == 4) id = new IpAddress(tunnel).toString();
        else id = "0x" + tunnel.hex().toUpperCase(Locale.ROOT);
        return "pmsi:" + typeName(tunnelType) + ":" + tunnelFlags + ":" + label + ":" + id;
    }

    @Override
    public void json(JsonSink out) {
        out.field("pmsi", text());
    }
}
