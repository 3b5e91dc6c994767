package org.jexabgp.wire.attribute;

import org.jexabgp.wire.Verdict;

/**
 * One row of the attribute table (ARCHITECTURE §5).
 *
 * @param name ExaBGP's name (the JSON key)
 * @param flags the flags we send; on receive their optional and transitive bits must match (RFC 7606 §3c)
 * @param onError what a malformed value does to the UPDATE (RFC 7606 §7, with ExaBGP's choices, wire.md §12)
 */
public record AttributeSpec(AttributeCode code, String name, int flags, Verdict onError, AttributeCodec codec) {
    public boolean optional() {
        return (flags & 0x80) != 0;
    }
}
