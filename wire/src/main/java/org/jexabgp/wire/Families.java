package org.jexabgp.wire;

import org.jexabgp.wire.nlri.inet.InetFamily;

/** Every address family jexabgp speaks (ARCHITECTURE §5). Adding a family is one line here. */
public final class Families {
    private Families() {}

    public static final FamilyTable ALL = FamilyTable.of(
            InetFamily.IPV4_UNICAST, InetFamily.IPV4_MULTICAST, InetFamily.IPV6_UNICAST, InetFamily.IPV6_MULTICAST,
            org.jexabgp.wire.nlri.label.LabelFamily.IPV4_NLRI_MPLS,
            org.jexabgp.wire.nlri.label.LabelFamily.IPV6_NLRI_MPLS,
            org.jexabgp.wire.nlri.vpn.VpnFamily.IPV4_MPLS_VPN,
            org.jexabgp.wire.nlri.vpn.VpnFamily.IPV6_MPLS_VPN,
            org.jexabgp.wire.nlri.vpls.VplsFamily.L2VPN_VPLS,
            org.jexabgp.wire.nlri.mvpn.McastVpnFamily.IPV4_MCAST_VPN,
            org.jexabgp.wire.nlri.mvpn.McastVpnFamily.IPV6_MCAST_VPN,
            org.jexabgp.wire.nlri.mup.MupFamily.IPV4_MUP,
            org.jexabgp.wire.nlri.mup.MupFamily.IPV6_MUP,
            org.jexabgp.wire.nlri.flow.FlowFamily.IPV4_FLOW,
            org.jexabgp.wire.nlri.flow.FlowFamily.IPV4_FLOW_VPN,
            org.jexabgp.wire.nlri.flow.FlowFamily.IPV6_FLOW,
            org.jexabgp.wire.nlri.flow.FlowFamily.IPV6_FLOW_VPN,
            org.jexabgp.wire.nlri.bgpls.BgpLsFamily.BGP_LS_ROW,
            org.jexabgp.wire.nlri.bgpls.BgpLsFamily.BGP_LS_VPN_ROW,
            org.jexabgp.wire.nlri.evpn.EvpnFamily.L2VPN_EVPN,
            org.jexabgp.wire.nlri.rtc.RtcFamily.IPV4_RTC,
            org.jexabgp.wire.nlri.srpolicy.SrPolicyFamily.IPV4_SR_POLICY,
            org.jexabgp.wire.nlri.srpolicy.SrPolicyFamily.IPV6_SR_POLICY);
}
