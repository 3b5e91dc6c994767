package org.jexabgp.core.config;

import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.attribute.PmsiTunnel;

/**
 * {@code pmsi …}: the P-Multicast Service Interface tunnel attribute (RFC 6514 §5), which EVPN inclusive-multicast
 * routes need (RFC 7432 §11.2). ExaBGP has no syntax for it; ours reads like its JSON text:
 *
 * <pre>
 * pmsi ingress-replication 192.0.2.1 label 100 [leaf-information-required]
 * pmsi ingress-replication 192.0.2.1 vni 10100          # VXLAN: the 24-bit VNI fills the label field (RFC 8365 §5.1.3)
 * pmsi no-tunnel [label 100]
 * pmsi type 3 identifier 0x0A000001E0000001 [label 100]  # any other tunnel type, identifier as hex
 * </pre>
 *
 * An MPLS {@code label} is written as RFC 3032 puts it in a label stack entry (label &lt;&lt; 4, bottom of stack).
 */
final class PmsiSyntax {
    private PmsiSyntax() {}

    static PmsiTunnel parse(Cursor c) throws ConfigError {
        Token kind = c.next("ingress-replication, no-tunnel or type");
        int type;
        Bytes identifier = Bytes.EMPTY;
        switch (kind.text()) {
            case "ingress-replication" -> {
                type = PmsiTunnel.INGRESS_REPLICATION;
                IpAddress ip = Values.ip(c.next("the tunnel endpoint address"));
                identifier = ip.bytes();
            }
            case "no-tunnel" -> type = PmsiTunnel.NO_TUNNEL;
            case "type" -> {
                type = (int) Values.number(c.next("a tunnel type"), 0, 255, "a tunnel type (0-255)");
                Token id = c.next("identifier");
                if (!id.text().equals("identifier")) throw ConfigError.at(id, "identifier");
                Token hex = c.next("the tunnel identifier as 0x hex");
                identifier = hex(hex);
            }
            default -> throw ConfigError.at(kind, "ingress-replication, no-tunnel or type");
        }
        int raw = 0;
        int flags = 0;
        while (c.hasNext()) {
            switch (c.peekOrEnd().text()) {
                case "label" -> {
                    c.next("label");
                    raw = (int) (Values.number(c.next("an MPLS label"), 0, 0xFFFFF, "an MPLS label (20 bits)") << 4) | 1;
                }
                case "vni" -> {
                    c.next("vni");
                    raw = (int) Values.number(c.next("a VNI"), 0, 0xFFFFFF, "a VNI (24 bits)");
                }
                // RFC 6514 §5: the one defined flag, Leaf Information Required
                case "leaf-information-required" -> {
                    c.next("leaf-information-required");
                    flags |= 0x01;
                }
                default -> {
                    return new PmsiTunnel(flags, type, raw, identifier);
                }
            }
        }
        return new PmsiTunnel(flags, type, raw, identifier);
    }

    private static Bytes hex(Token t) throws ConfigError {
        String s = t.text();
        if (!s.matches("0[xX]([0-9a-fA-F]{2})+")) throw ConfigError.at(t, "the tunnel identifier as 0x hex");
        return Bytes.fromHex(s.substring(2));
    }
}
