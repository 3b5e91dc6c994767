package org.jexabgp.wire.nlri.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.nlri.Prefix;
import org.jexabgp.wire.nlri.RouteDistinguisher;

/** Random FlowSpec rules for round-trip properties (seeded; the seed goes in failure messages). */
public final class FlowGenerators {
    private FlowGenerators() {}

    public static FlowNlri rule(SplittableRandom r) {
        boolean v6 = r.nextBoolean();
        boolean vpn = r.nextBoolean();
        Family family = v6
                ? (vpn ? FlowFamily.IPV6_FLOW_VPN_FAMILY : FlowFamily.IPV6_FLOW_FAMILY)
                : (vpn ? FlowFamily.IPV4_FLOW_VPN_FAMILY : FlowFamily.IPV4_FLOW_FAMILY);
        RouteDistinguisher rd = vpn ? RouteDistinguisher.type0(r.nextInt(0x10000), r.nextLong(1L << 32)) : null;
        List<FlowComponent> components = new ArrayList<>();
        int n = 1 + r.nextInt(5);
        for (int i = 0; i < n; i++) {
            FlowComponentType type = FlowComponentType.values()[r.nextInt(13)];
            if (type.kind() == FlowComponentType.Kind.PREFIX) {
                components.add(prefix(r, type, v6));
            } else {
                List<FlowTerm> terms = new ArrayList<>();
                int k = 1 + r.nextInt(4);
                for (int t = 0; t < k; t++) {
                    int size = 1 << r.nextInt(3);
                    long value = r.nextLong(1L << (8 * size));
                    int bits = type.kind() == FlowComponentType.Kind.BITMASK ? r.nextInt(4) : r.nextInt(8);
                    terms.add(new FlowTerm(bits | (t > 0 && r.nextBoolean() ? FlowTerm.AND : 0), value, size));
                }
                components.add(new FlowOperatorComponent(type, terms));
            }
        }
        return new FlowNlri(family, rd, components);
    }

    private static FlowPrefixComponent prefix(SplittableRandom r, FlowComponentType type, boolean v6) {
        byte[] a = new byte[v6 ? 16 : 4];
        r.nextBytes(a);
        int len = r.nextInt(a.length * 8 + 1);
        for (int bit = len; bit < a.length * 8; bit++) a[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        int offset = v6 ? r.nextInt(len + 1) : 0;
        return new FlowPrefixComponent(type, new Prefix(IpAddress.of(a), len), offset);
    }
}
