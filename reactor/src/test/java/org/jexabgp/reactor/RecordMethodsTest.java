package org.jexabgp.reactor;

import org.jexabgp.wire.RecordMethods;
import org.junit.jupiter.api.Test;

/** The reactor records whose equals and hashCode are written out ({@link RecordMethods}). */
class RecordMethodsTest {
    @Test
    void writtenOutMethodsCompareEveryComponent() throws ReflectiveOperationException {
        RecordMethods check = new RecordMethods();
        check.check(ProcessKey.class);
        check.check(Io.ConnectionOptions.class);
        check.check("org.jexabgp.reactor.Reactor$Guarded");
        check.check("org.jexabgp.reactor.AdjRibIn$Key");
    }
}
