package org.jexabgp.wire;

import org.jexabgp.wire.nlri.inet.InetFamily;

/** Every address family jexabgp speaks (ARCHITECTURE §5). Adding a family is one line here. */
public final class Families {
    private Families() {}

    public static final FamilyTable ALL = FamilyTable.of(
            InetFamily.IPV4_UNICAST, InetFamily.IPV4_MULTICAST, InetFamily.IPV6_UNICAST, InetFamily.IPV6_MULTICAST);
}
