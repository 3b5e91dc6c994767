package org.jexabgp.wire;

import org.jexabgp.wire.nlri.NextHopRule;
import org.jexabgp.wire.nlri.NlriCodec;

/**
 * One row of the family table (ARCHITECTURE §5): everything the generic MP_REACH/MP_UNREACH code needs to know about a
 * family. The name is {@link Family#name()} (ExaBGP's spelling).
 *
 * @param announceable false for decode-only families such as BGP-LS
 */
public record FamilySpec(Family family, NlriCodec nlri, NextHopRule nextHop, boolean announceable) {
    public String name() {
        return family.name();
    }
}
