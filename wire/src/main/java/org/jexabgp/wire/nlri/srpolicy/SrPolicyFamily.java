package org.jexabgp.wire.nlri.srpolicy;

import org.jexabgp.wire.Afi;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.FamilySpec;
import org.jexabgp.wire.Safi;
import org.jexabgp.wire.nlri.NextHopRule;

/**
 * The family table rows for ipv4/ipv6 sr-policy (AFI 1/2, SAFI 73, RFC 9830 §2.1): a plain 4- or 16-byte next hop,
 * announceable.
 */
public final class SrPolicyFamily {
    private SrPolicyFamily() {}

    public static final Family IPV4 = new Family(Afi.IPV4, Safi.SR_POLICY);
    public static final Family IPV6 = new Family(Afi.IPV6, Safi.SR_POLICY);

    public static final FamilySpec IPV4_SR_POLICY = new FamilySpec(IPV4, SrPolicy.CODEC, NextHopRule.PLAIN, true);
    public static final FamilySpec IPV6_SR_POLICY = new FamilySpec(IPV6, SrPolicy.CODEC, NextHopRule.PLAIN, true);
}
