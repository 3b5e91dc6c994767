package org.jexabgp.core.rib;

import java.util.Comparator;
import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.nlri.Nlri;

/**
 * A route's identity in the Adj-RIB-Out: its family and its NLRI key (path id, prefix, RD; not labels, config.md §11).
 * The natural order is the packing order of wire.md §9.3 step 1: family, then the key's unsigned bytes.
 */
public record RouteKey(Family family, Bytes nlriKey) implements Comparable<RouteKey> {
    // Written out: a record's generated equals and hashCode are linked at run time through method handles,
    // milliseconds of every start for each record (issue 9).
    @Override
    public boolean equals(Object o) {
        return o instanceof RouteKey k && java.util.Objects.equals(family, k.family)
                && java.util.Objects.equals(nlriKey, k.nlriKey);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Objects.hashCode(family) + java.util.Objects.hashCode(nlriKey);
    }

    private static final Comparator<RouteKey> ORDER =
            Comparator.comparing(RouteKey::family).thenComparing(RouteKey::nlriKey);

    public static RouteKey of(Nlri nlri) {
        return new RouteKey(nlri.family(), nlri.key());
    }

    @Override
    public int compareTo(RouteKey o) {
        return ORDER.compare(this, o);
    }
}
