package org.jexabgp.wire;

import org.jexabgp.wire.attribute.AttributeCode;
import org.jexabgp.wire.attribute.Community;
import org.jexabgp.wire.attribute.LargeCommunity;
import org.jexabgp.wire.nlri.Prefix;
import org.junit.jupiter.api.Test;

/** The wire records whose equals and hashCode are written out (RecordMethods). */
class RecordMethodsTest {
    @Test
    void writtenOutMethodsCompareEveryComponent() throws ReflectiveOperationException {
        RecordMethods check = new RecordMethods()
                .sample(Prefix.class, Prefix.parse("192.0.2.0/24"), Prefix.parse("198.51.100.0/24"));
        check.check(Prefix.class);
        check.check(org.jexabgp.wire.nlri.inet.InetNlri.class);
        check.check(Community.class);
        check.check(LargeCommunity.class);
        check.check(org.jexabgp.wire.attribute.Med.class);
        check.check(AttributeCode.class);
        check.lists(new Community(1), new Community(2)).check(org.jexabgp.wire.attribute.Communities.class);
        check.lists(new LargeCommunity(1, 2, 3), new LargeCommunity(1, 2, 4))
                .check(org.jexabgp.wire.attribute.LargeCommunities.class);
        check.sample(Afi.class, Afi.IPV4, Afi.IPV6).sample(Safi.class, Safi.UNICAST, Safi.MULTICAST).check(Family.class);
        check.check(Afi.class);
        check.check(Safi.class);
    }
}
