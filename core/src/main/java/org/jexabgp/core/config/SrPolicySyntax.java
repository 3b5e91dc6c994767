package org.jexabgp.core.config;

import java.util.ArrayList;
import java.util.List;
import org.jexabgp.core.model.Route;
import org.jexabgp.wire.Afi;
import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.attribute.Attribute;
import org.jexabgp.wire.attribute.AttributeCode;
import org.jexabgp.wire.attribute.TunnelEncap;
import org.jexabgp.wire.attribute.TunnelSubTlv;
import org.jexabgp.wire.nlri.srpolicy.SrPolicy;
import org.jexabgp.wire.nlri.srpolicy.SrPolicyFamily;

/**
 * SR Policy routes (RFC 9830) and the Tunnel Encapsulation attribute (RFC 9012), docs/sr-policy.md. ExaBGP has
 * neither; the grammar follows its flow/vpls style: one statement of keyword/value terms, lists in {@code [ ]}.
 *
 * <pre>
 * sr-policy distinguisher &lt;u32&gt; color &lt;u32&gt; endpoint &lt;ip&gt; &lt;tunnel terms&gt; &lt;attributes&gt;
 * tunnel-encap [ &lt;type&gt; &lt;tunnel terms&gt; ] [ … ]                 (an attribute of any route)
 * </pre>
 *
 * Tunnel terms, each one sub-TLV in the order written: {@code preference <u32>}, {@code binding-sid <label|ipv6>},
 * {@code srv6-binding-sid <ipv6>}, {@code enlp <u8>}, {@code priority <u8>}, {@code segment-list [ weight <u32> label
 * <label>|[ … ] sid <ipv6>|[ … ] ]}, {@code candidate-path-name <word>}, {@code policy-name <word>}, {@code sub-tlv
 * <type> 0x<hex>}; inside {@code tunnel-encap} also {@code color <u32>}, {@code endpoint <ip>}, {@code udp-port <u16>},
 * {@code protocol-type <u16>} and {@code encapsulation 0x<hex>}.
 */
final class SrPolicySyntax {
    private SrPolicySyntax() {}

    /** The route keywords besides the NLRI and tunnel terms (no label, rd, split or path-information). */
    private static final List<String> ATTRIBUTES = List.of(
            "next-hop", "origin", "as-path", "med", "local-preference", "community", "large-community",
            "extended-community", "originator-id", "cluster-list", "attribute", "aigp", "name", "watchdog", "withdraw");

    /** The words after {@code sr-policy}; afi is the {@code ipv4}/{@code ipv6} that selected the family. */
    static Route route(Cursor c, Token afi, boolean withdraw) throws ConfigError {
        Family family = afi.text().equals("ipv6") ? SrPolicyFamily.IPV6 : SrPolicyFamily.IPV4;
        Long distinguisher = null, color = null;
        IpAddress endpoint = null;
        List<TunnelSubTlv> subTlvs = new ArrayList<>();
        AttributeSyntax.Draft d = new AttributeSyntax.Draft();
        while (c.hasNext()) {
            Token kw = c.peek();
            switch (kw.text()) {
                case "distinguisher" -> {
                    c.next("");
                    distinguisher = Values.number(c.next("a distinguisher"), 0, 0xFFFF_FFFFL, "a distinguisher (u32)");
                }
                case "color" -> {
                    c.next("");
                    color = Values.number(c.next("a color"), 0, 0xFFFF_FFFFL, "a color (u32)");
                }
                case "endpoint" -> {
                    c.next("");
                    Token t = c.next("an endpoint address");
                    endpoint = Values.ip(t);
                    // RFC 9830 §2.1: the endpoint has the family's AFI
                    if (!endpoint.afi().equals(family.afi()))
                        throw ConfigError.at(t, "an " + family.afi().name() + " endpoint");
                }
                default -> {
                    if (policyTerm(c, subTlvs)) continue;
                    if (!ATTRIBUTES.contains(kw.text()))
                        throw ConfigError.at(kw, "an sr-policy term", "invalid keyword \"" + kw.text() + "\" in sr-policy");
                    AttributeSyntax.attribute(c, d, false);
                }
            }
        }
        Token end = c.end();
        if (distinguisher == null) throw ConfigError.at(end, "distinguisher", "sr-policy distinguisher missing");
        if (color == null) throw ConfigError.at(end, "color", "sr-policy color missing");
        if (endpoint == null) throw ConfigError.at(end, "endpoint", "sr-policy endpoint missing");
        IpAddress nextHop = d.nextHop;
        if (nextHop == null && !d.self) {
            if (!withdraw) throw ConfigError.at(end, "next-hop", "sr-policy next-hop missing");
            nextHop = family.afi().equals(Afi.IPV6) ? IpAddress.V6_ZERO : IpAddress.V4_ZERO;
        }
        boolean own = d.attributes.stream().anyMatch(a -> a.code().equals(AttributeCode.TUNNEL_ENCAP));
        if (own && !subTlvs.isEmpty())
            throw ConfigError.at(end, "sr-policy terms or a tunnel-encap attribute", "both given");
        // RFC 9830 §2.1: the update carries one Tunnel Encapsulation attribute with one SR Policy tunnel
        if (!own && !withdraw) {
            List<Attribute> attributes = new ArrayList<>();
            attributes.add(TunnelEncap.of(new TunnelEncap.Tunnel(TunnelEncap.SR_POLICY, subTlvs)));
            attributes.addAll(d.attributes);
            d.attributes.clear();
            d.attributes.addAll(attributes);
        }
        return L2vpnSyntax.build(new SrPolicy(family, distinguisher, color, endpoint), d, nextHop, d.self);
    }

    /** {@code tunnel-encap [ <type> <terms> ] [ … ]}, the attribute keyword of any route. */
    static TunnelEncap tunnelEncap(Cursor c) throws ConfigError {
        List<TunnelEncap.Tunnel> tunnels = new ArrayList<>();
        do {
            c.expect("[");
            Token type = c.next("a tunnel type (a number or sr-policy, vxlan, gre, mpls, …)");
            int t = TunnelEncap.typeOf(type.text());
            if (t < 0) t = (int) Values.number(type, 0, 0xFFFF, "a tunnel type (a number or sr-policy, vxlan, …)");
            List<TunnelSubTlv> subTlvs = new ArrayList<>();
            while (!c.peekIs("]")) {
                Token kw = c.peekOrEnd();
                if (policyTerm(c, subTlvs) || tunnelTerm(c, subTlvs)) continue;
                throw ConfigError.at(kw, "a tunnel term or ']'", "invalid keyword \"" + kw.text() + "\" in tunnel-encap");
            }
            c.expect("]");
            try {
                tunnels.add(new TunnelEncap.Tunnel(t, subTlvs));
            } catch (IllegalArgumentException e) {
                throw ConfigError.at(type, "a tunnel of at most 65535 bytes");
            }
        } while (c.peekIs("["));
        try {
            return new TunnelEncap(tunnels);
        } catch (IllegalArgumentException e) {
            throw ConfigError.at(c.last(), "a tunnel-encap attribute of at most 65535 bytes");
        }
    }

    /** The RFC 9012 terms only {@code tunnel-encap} has (in sr-policy, color and endpoint name the NLRI). */
    private static boolean tunnelTerm(Cursor c, List<TunnelSubTlv> out) throws ConfigError {
        Token kw = c.peek();
        if (kw == null) return false;
        switch (kw.text()) {
            case "color" -> {
                c.next("");
                out.add(new TunnelSubTlv.Color(Values.number(c.next("a color"), 0, 0xFFFF_FFFFL, "a color (u32)")));
            }
            case "endpoint" -> {
                c.next("");
                out.add(new TunnelSubTlv.EgressEndpoint(Values.ip(c.next("an endpoint address"))));
            }
            case "udp-port" -> {
                c.next("");
                out.add(new TunnelSubTlv.UdpDestinationPort((int) Values.number(c.next("a port"), 0, 0xFFFF, "a port")));
            }
            case "protocol-type" -> {
                c.next("");
                out.add(new TunnelSubTlv.ProtocolType(
                        (int) Values.numberOrHex(c.next("an ethertype"), 0xFFFF, "an ethertype (u16)")));
            }
            case "encapsulation" -> {
                c.next("");
                Token t = c.next("0x<hex>");
                Bytes value = hex(t);
                if (value.length() > 0xFF) throw ConfigError.at(t, "at most 255 bytes");
                out.add(new TunnelSubTlv.Encapsulation(value));
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** One SR Policy term (RFC 9830 §2.4) if the next word starts one; false leaves the cursor alone. */
    private static boolean policyTerm(Cursor c, List<TunnelSubTlv> out) throws ConfigError {
        Token kw = c.peek();
        if (kw == null || kw.quoted()) return false;
        switch (kw.text()) {
            case "preference" -> {
                c.next("");
                out.add(new TunnelSubTlv.Preference(u32(c, "a preference")));
            }
            case "binding-sid" -> {
                c.next("");
                Token t = c.next("an MPLS label or an IPv6 SID");
                if (t.text().indexOf(':') >= 0) out.add(TunnelSubTlv.BindingSid.srv6(0, ipv6(t)));
                else out.add(TunnelSubTlv.BindingSid.label(0, label(t)));
            }
            case "srv6-binding-sid" -> {
                c.next("");
                out.add(new TunnelSubTlv.Srv6BindingSid(0, ipv6(c.next("an IPv6 SID")), Bytes.EMPTY));
            }
            case "enlp" -> {
                c.next("");
                out.add(new TunnelSubTlv.Enlp(0, (int) Values.number(c.next("an enlp"), 0, 0xFF, "an enlp (u8)")));
            }
            case "priority" -> {
                c.next("");
                out.add(new TunnelSubTlv.Priority((int) Values.number(c.next("a priority"), 0, 0xFF, "a priority (u8)")));
            }
            case "segment-list" -> {
                c.next("");
                out.add(segmentList(c));
            }
            case "candidate-path-name", "policy-name" -> {
                c.next("");
                int type = kw.text().equals("policy-name") ? TunnelSubTlv.POLICY_NAME : TunnelSubTlv.CANDIDATE_PATH_NAME;
                out.add(TunnelSubTlv.Name.of(type, c.word("a name")));
            }
            case "sub-tlv" -> {
                c.next("");
                Token type = c.next("a sub-TLV type");
                int t = (int) Values.number(type, 0, 0xFF, "a sub-TLV type (0..255)");
                Token data = c.next("0x<hex>");
                Bytes value = hex(data);
                if (value.length() > (t >= 128 ? 0xFFFF : 0xFF))
                    throw ConfigError.at(data, "at most " + (t >= 128 ? 65535 : 255) + " bytes for sub-TLV " + t);
                out.add(new TunnelSubTlv.Raw(t, value));
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** {@code [ weight <u32> label <label>|[ … ] sid <ipv6>|[ … ] ]}: segments in the order written. */
    private static TunnelSubTlv.SegmentList segmentList(Cursor c) throws ConfigError {
        c.expect("[");
        List<TunnelSubTlv.Segment> items = new ArrayList<>();
        boolean weighted = false;
        while (true) {
            Token kw = c.next("weight, label, sid or ']'");
            if (kw.is("]")) break;
            switch (kw.text()) {
                case "weight" -> {
                    if (weighted) throw ConfigError.at(kw, "label, sid or ']'", "a second weight");
                    weighted = true;
                    // RFC 9830 §2.4.4.1: the weight comes first among the segment list's sub-TLVs
                    items.addFirst(new TunnelSubTlv.Weight(0, u32(c, "a weight")));
                }
                case "label" -> {
                    for (Token t : oneOrList(c, "a label")) items.add(TunnelSubTlv.SegmentA.label(label(t)));
                }
                case "sid" -> {
                    for (Token t : oneOrList(c, "an IPv6 SID")) items.add(TunnelSubTlv.SegmentB.sid(ipv6(t)));
                }
                default -> throw ConfigError.at(kw, "weight, label, sid or ']'");
            }
        }
        try {
            return new TunnelSubTlv.SegmentList(items);
        } catch (IllegalArgumentException e) {
            throw ConfigError.at(c.last(), "a segment list of at most 65535 bytes");
        }
    }

    private static List<Token> oneOrList(Cursor c, String what) throws ConfigError {
        List<Token> out = new ArrayList<>();
        if (!c.peekIs("[")) {
            out.add(c.next(what));
            return out;
        }
        c.expect("[");
        while (true) {
            Token t = c.next(what + " or ']'");
            if (t.is("]")) break;
            out.add(t);
        }
        if (out.isEmpty()) throw ConfigError.at(c.last(), what);
        return out;
    }

    private static long u32(Cursor c, String what) throws ConfigError {
        return Values.number(c.next(what), 0, 0xFFFF_FFFFL, what + " (u32)");
    }

    private static int label(Token t) throws ConfigError {
        return (int) Values.number(t, 0, 0xFFFFF, "an MPLS label (0..1048575)");
    }

    private static IpAddress ipv6(Token t) throws ConfigError {
        IpAddress a = Values.ip(t);
        if (a.isV4()) throw ConfigError.at(t, "an IPv6 SID");
        return a;
    }

    private static Bytes hex(Token t) throws ConfigError {
        String s = t.text();
        if (!s.startsWith("0x") && !s.startsWith("0X")) throw ConfigError.at(t, "0x<hex>");
        try {
            return Bytes.fromHex(s.substring(2));
        } catch (IllegalArgumentException e) {
            throw ConfigError.at(t, "0x<hex> (an even number of hex digits)");
        }
    }
}
