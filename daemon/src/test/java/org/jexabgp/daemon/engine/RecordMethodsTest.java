package org.jexabgp.daemon.engine;

import org.jexabgp.wire.RecordMethods;
import org.junit.jupiter.api.Test;

/** The engine's records whose equals and hashCode are written out ({@link RecordMethods}). */
class RecordMethodsTest {
    @Test
    void writtenOutMethodsCompareEveryComponent() throws ReflectiveOperationException {
        new RecordMethods().check(ProtectedPeers.Network.class);
    }
}
