package org.jexabgp.wire.nlri.vpn;

import java.util.ArrayList;
import java.util.List;
import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.WireWriter;
import org.jexabgp.wire.nlri.NextHopRule;
import org.jexabgp.wire.nlri.RouteDistinguisher;

/**
 * The MP_REACH next hop of VPN families: an all-zero RD then the address (RFC 4364 §4.3.2, RFC 4659 §3.2.1.1).
 * Accepted lengths: 12 and 24 (one address), 40 (RD, global, link-local, as ExaBGP reads it) and 48 (RD and address
 * twice, RFC 4659).
 */
public final class VpnNextHop implements NextHopRule {
    public static final VpnNextHop RULE = new VpnNextHop();

    private VpnNextHop() {}

    @Override
    public List<IpAddress> decode(Bytes raw, Family family, Negotiated session) throws Malformed {
        byte[] b = raw.toArray();
        List<IpAddress> out = new ArrayList<>(2);
        switch (b.length) {
            case 12, 24 -> {
                zeroRd(b, 0, family);
                out.add(IpAddress.of(java.util.Arrays.copyOfRange(b, 8, b.length)));
            }
            case 40 -> {
                zeroRd(b, 0, family);
                out.add(IpAddress.of(java.util.Arrays.copyOfRange(b, 8, 24)));
                out.add(IpAddress.of(java.util.Arrays.copyOfRange(b, 24, 40)));
            }
            case 48 -> {
                zeroRd(b, 0, family);
                zeroRd(b, 24, family);
                out.add(IpAddress.of(java.util.Arrays.copyOfRange(b, 8, 24)));
                out.add(IpAddress.of(java.util.Arrays.copyOfRange(b, 32, 48)));
            }
            // RFC 7606 §7.11: an unusable next hop length makes the MP_REACH_NLRI malformed
            default -> throw Malformed.update(9, "invalid next-hop length " + b.length + " for " + family.name());
        }
        return out;
    }

    /** wire.md §4: the RD of a VPN next hop must be zero (RFC 4364 §4.3.2). */
    private static void zeroRd(byte[] b, int at, Family family) throws Malformed {
        for (int i = at; i < at + RouteDistinguisher.LENGTH; i++)
            if (b[i] != 0) throw Malformed.update(9, "the next-hop of " + family.name() + " has a non-zero RD");
    }

    /** Each address after its own zero RD (one address is what ExaBGP sends, wire.md §9.4). */
    @Override
    public void encode(List<IpAddress> nextHops, WireWriter out) {
        for (IpAddress a : nextHops) {
            RouteDistinguisher.ZERO.encode(out);
            out.bytes(a.bytes());
        }
    }
}
