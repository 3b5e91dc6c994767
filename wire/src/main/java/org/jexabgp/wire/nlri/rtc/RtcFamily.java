package org.jexabgp.wire.nlri.rtc;

import org.jexabgp.wire.FamilySpec;
import org.jexabgp.wire.nlri.NextHopRule;

/**
 * The family table row for ipv4 rtc (1/132, wire.md §4: next hop 4 or 16 bytes). Announceable (ExaBGP only decodes
 * it): {@code rtc} routes of the config and API (docs/evpn.md).
 */
public final class RtcFamily {
    private RtcFamily() {}

    public static final FamilySpec IPV4_RTC = new FamilySpec(Rtc.IPV4_RTC, Rtc.CODEC, NextHopRule.PLAIN, true);
}
