package org.jexabgp.core.model;

import org.jexabgp.wire.Afi;
import org.jexabgp.wire.Family;

/** One {@code nexthop { }} entry (config.md §8, RFC 8950): routes of family may carry a next hop of nextHopAfi. */
public record NextHopFamily(Family family, Afi nextHopAfi) {}
