package org.jexabgp.core.rib;

import org.jexabgp.wire.Family;

/** Receives the UPDATE messages a drain produces, in sending order. */
@FunctionalInterface
public interface UpdateSink {
    /**
     * One complete UPDATE, 19-byte header included, in {@code message[0, length)}. The array is reused once this
     * returns: copy what must outlive the call.
     */
    void update(byte[] message, int length);

    /**
     * An UPDATE group was dropped because its attributes leave no room for one NLRI (ExaBGP logs this as critical and
     * carries on). Core does no logging: the caller reports it.
     */
    default void oversized(Family family, int attributeBytes) {}
}
