package org.jexabgp.wire.nlri.inet;

import org.jexabgp.wire.Family;
import org.jexabgp.wire.FamilySpec;
import org.jexabgp.wire.nlri.NextHopRule;

/** The rows of the family table for plain prefixes (wire.md §4). */
public final class InetFamily {
    private InetFamily() {}

    public static final FamilySpec IPV4_UNICAST =
            new FamilySpec(Family.IPV4_UNICAST, InetNlri.CODEC, NextHopRule.PLAIN, true);
    public static final FamilySpec IPV4_MULTICAST =
            new FamilySpec(Family.IPV4_MULTICAST, InetNlri.CODEC, NextHopRule.PLAIN, true);
    public static final FamilySpec IPV6_UNICAST =
            new FamilySpec(Family.IPV6_UNICAST, InetNlri.CODEC, NextHopRule.PLAIN, true);
    public static final FamilySpec IPV6_MULTICAST =
            new FamilySpec(Family.IPV6_MULTICAST, InetNlri.CODEC, NextHopRule.PLAIN, true);
}
