package org.jexabgp.core.rib;

import java.util.List;
import org.jexabgp.core.model.AttributeSet;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.RecordMethods;
import org.jexabgp.wire.attribute.Med;
import org.jexabgp.wire.nlri.Nlri;
import org.jexabgp.wire.nlri.inet.InetNlri;
import org.junit.jupiter.api.Test;

/** The core records whose equals and hashCode are written out ({@link RecordMethods}). */
class RecordMethodsTest {
    @Test
    void writtenOutMethodsCompareEveryComponent() throws ReflectiveOperationException {
        RecordMethods check = new RecordMethods()
                .sample(Nlri.class, InetNlri.of(Family.IPV4_UNICAST, "10.0.0.0/8"),
                        InetNlri.of(Family.IPV4_UNICAST, "10.1.0.0/16"))
                .sample(AttributeSet.class, AttributeSet.EMPTY, AttributeSet.of(List.of(new Med(5))));
        check.check(org.jexabgp.core.model.Route.class);
        check.check(PathTable.Path.class);
        check.check(RouteKey.class);
        check.check("org.jexabgp.core.rib.AdjRibOut$BucketKey");
        check.check("org.jexabgp.core.config.RouteTemplates$Key");
        check.check("org.jexabgp.core.model.RouteList$Shape");
    }
}
