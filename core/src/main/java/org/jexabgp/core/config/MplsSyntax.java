package org.jexabgp.core.config;

import java.util.ArrayList;
import java.util.List;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.Safi;
import org.jexabgp.wire.nlri.Labels;
import org.jexabgp.wire.nlri.Nlri;
import org.jexabgp.wire.nlri.Prefix;
import org.jexabgp.wire.nlri.RouteDistinguisher;
import org.jexabgp.wire.nlri.inet.InetNlri;
import org.jexabgp.wire.nlri.label.LabeledNlri;
import org.jexabgp.wire.nlri.vpn.VpnNlri;

/**
 * The MPLS qualifiers of a route, {@code label} and {@code rd}/{@code route-distinguisher} (config.md §12), and the
 * family they select for prefixes: labeled unicast ({@code nlri-mpls}) or MPLS VPN ({@code mpls-vpn}).
 */
final class MplsSyntax {
    private MplsSyntax() {}

    /** {@code label <n>} or {@code label [ <n> … ]}: 20-bit labels, commas skipped. */
    static Labels labels(Cursor c) throws ConfigError {
        List<Integer> labels = new ArrayList<>();
        if (!c.peekIs("[")) {
            labels.add(label(c.next("a label")));
            return Labels.of(labels);
        }
        c.expect("[");
        while (true) {
            Token t = c.next("a label or ']'");
            if (t.is("]")) break;
            if (t.is(",")) continue;
            labels.add(label(t));
        }
        if (labels.isEmpty()) throw ConfigError.at(c.last(), "at least one label");
        // an NLRI length is one byte: 24 bits per label plus the prefix must stay below 256
        if (labels.size() > 8) throw ConfigError.at(c.last(), "at most 8 labels");
        return Labels.of(labels);
    }

    private static int label(Token t) throws ConfigError {
        return (int) Values.number(t, 0, 0xFFFFF, "a label (0..1048575)");
    }

    /** config.md §12 RD rules: {@code asn16:u32} type 0, {@code asn32:u16} type 2, {@code ipv4:u16} type 1. */
    static RouteDistinguisher rd(Cursor c) throws ConfigError {
        Token t = c.next("a route distinguisher");
        return rd(t);
    }

    static RouteDistinguisher rd(Token t) throws ConfigError {
        try {
            return RouteDistinguisher.parse(t.text());
        } catch (IllegalArgumentException e) {
            throw ConfigError.at(t, "a route distinguisher (<asn>:<n> or <ipv4>:<n>)");
        }
    }

    /**
     * config.md §10.1: a prefix route with an RD is {@code mpls-vpn}, with labels (and no RD) {@code nlri-mpls}, both
     * in the one-line and the block form (defect D1 fixed). Other families are kept.
     */
    static Family family(Family prefixFamily, AttributeSyntax.Draft d) {
        Safi s = prefixFamily.safi();
        if (!s.equals(Safi.UNICAST) && !s.equals(Safi.MULTICAST)) return prefixFamily;
        if (d.rd != null) return new Family(prefixFamily.afi(), Safi.MPLS_VPN);
        if (d.labels != null) return new Family(prefixFamily.afi(), Safi.NLRI_MPLS);
        return prefixFamily;
    }

    /** Whether {@code path-information} may be written in an {@code announce} statement of this family. */
    static boolean takesPathInformation(Family family) {
        Safi s = family.safi();
        return s.equals(Safi.UNICAST) || s.equals(Safi.NLRI_MPLS) || s.equals(Safi.MPLS_VPN);
    }

    /** The NLRI of one prefix of the family chosen by {@link #family}. */
    static Nlri nlri(Family family, Prefix prefix, AttributeSyntax.Draft d, Token at) throws ConfigError {
        Labels labels = d.labels;
        if (family.safi().equals(Safi.NLRI_MPLS)) {
            if (labels == null) throw ConfigError.at(at, "a label", "nlri-mpls routes need a label");
            return new LabeledNlri(family, prefix, labels, d.pathId);
        }
        if (family.safi().equals(Safi.MPLS_VPN)) {
            RouteDistinguisher rd = d.rd;
            if (rd == null) throw ConfigError.at(at, "rd", "mpls-vpn routes need a route distinguisher");
            // ExaBGP sends a VPN route without label as an NLRI with no label at all
            return new VpnNlri(family, prefix, labels == null ? Labels.NONE : labels, rd, d.pathId);
        }
        return new InetNlri(family, prefix, d.pathId);
    }
}
