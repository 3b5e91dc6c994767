package org.jexabgp.wire.nlri.flow;

import org.jexabgp.wire.Afi;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.FamilySpec;
import org.jexabgp.wire.Safi;
import org.jexabgp.wire.nlri.NextHopRule;

/**
 * The FlowSpec rows of the family table (wire.md §4). The MP_REACH next hop is empty unless a redirect or copy set one
 * (4 or 16 bytes, wire.md §5.1), which the plain rule reads and writes.
 */
public final class FlowFamily {
    private FlowFamily() {}

    public static final Family IPV4_FLOW_FAMILY = new Family(Afi.IPV4, Safi.FLOW);
    public static final Family IPV4_FLOW_VPN_FAMILY = new Family(Afi.IPV4, Safi.FLOW_VPN);
    public static final Family IPV6_FLOW_FAMILY = new Family(Afi.IPV6, Safi.FLOW);
    public static final Family IPV6_FLOW_VPN_FAMILY = new Family(Afi.IPV6, Safi.FLOW_VPN);

    public static final FamilySpec IPV4_FLOW =
            new FamilySpec(IPV4_FLOW_FAMILY, FlowNlri.CODEC, NextHopRule.PLAIN, true);
    public static final FamilySpec IPV4_FLOW_VPN =
            new FamilySpec(IPV4_FLOW_VPN_FAMILY, FlowNlri.CODEC, NextHopRule.PLAIN, true);
    public static final FamilySpec IPV6_FLOW =
            new FamilySpec(IPV6_FLOW_FAMILY, FlowNlri.CODEC, NextHopRule.PLAIN, true);
    public static final FamilySpec IPV6_FLOW_VPN =
            new FamilySpec(IPV6_FLOW_VPN_FAMILY, FlowNlri.CODEC, NextHopRule.PLAIN, true);
}
