package org.jexabgp.reactor;

import java.util.ArrayList;
import java.util.List;
import org.jexabgp.core.model.Route;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.attribute.Attribute;
import org.jexabgp.wire.nlri.Nlri;
import org.jspecify.annotations.Nullable;

/**
 * One route as {@code show adj-rib} prints it: the NLRI, its next hop as text (null for NLRI types without one) and
 * the path attributes other than NEXT_HOP/MP_REACH. Both directions share it: received routes come from decoded
 * UPDATEs, sent ones from the Adj-RIB-Out.
 */
record RibEntry(Nlri nlri, @Nullable String nextHop, List<Attribute> attributes) {
    RibEntry {
        attributes = List.copyOf(attributes);
    }

    static RibEntry of(Route r) {
        return new RibEntry(r.nlri(), r.nextHop() == null ? null : r.nextHop().toString(),
                new ArrayList<>(r.attributes().all()));
    }

    Family family() {
        return nlri.family();
    }

    /** The NLRI with its next hop where the NLRI type places it (json.md §8). */
    String nlriText() {
        String hop = nextHop;
        return hop == null ? nlri.text() : nlri.text(hop);
    }

    String attributesText() {
        StringBuilder sb = new StringBuilder();
        for (Attribute a : attributes) {
            String t = a.text();
            if (!t.isEmpty()) sb.append(' ').append(t);
        }
        return sb.toString();
    }
}
