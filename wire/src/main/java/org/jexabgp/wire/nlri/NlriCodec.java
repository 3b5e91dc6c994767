package org.jexabgp.wire.nlri;

import org.jexabgp.wire.Family;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.WireReader;

/** Reads one NLRI of a family; the caller has already read the add-path identifier when there is one. */
public interface NlriCodec {
    /**
     * Reads exactly one NLRI from {@code in} (which may hold more after it).
     *
     * @param pathId the add-path identifier read by the caller, or 0
     */
    Nlri decode(WireReader in, Family family, long pathId, Negotiated session) throws Malformed;

    /** Whether RFC 7911 path identifiers apply to this NLRI type (INET, labeled and VPN types, wire.md §5). */
    default boolean carriesPathId() {
        return true;
    }
}
