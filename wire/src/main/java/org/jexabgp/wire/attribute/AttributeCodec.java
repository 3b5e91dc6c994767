package org.jexabgp.wire.attribute;

import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.WireReader;

/**
 * Turns one attribute body into its value. The framework ({@link Attributes}) has already read the header and hands
 * over a reader bounded to exactly the body; encoding is {@link Attribute#encodeValue}.
 */
@FunctionalInterface
public interface AttributeCodec {
    /**
     * @param flags the received flags, extended-length bit included (only raw attributes keep them)
     */
    Attribute decode(WireReader body, int flags, Negotiated session) throws Malformed;
}
