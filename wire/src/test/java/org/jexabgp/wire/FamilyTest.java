package org.jexabgp.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Families, AFIs and SAFIs are values: equal when their numbers are, whichever instance, hashing alike. */
class FamilyTest {
    @Test
    void equalByNumbersNotByInstance() {
        Family made = new Family(new Afi(1), new Safi(1));
        assertThat(made).isEqualTo(Family.IPV4_UNICAST).hasSameHashCodeAs(Family.IPV4_UNICAST);
        assertThat(new Afi(2)).isEqualTo(Afi.IPV6).hasSameHashCodeAs(Afi.IPV6).isNotEqualTo(Afi.IPV4);
        assertThat(new Safi(133)).isEqualTo(Safi.of(133)).isNotEqualTo(new Afi(133)).isNotEqualTo(null);
        assertThat(made).isNotEqualTo(Family.IPV4_MULTICAST).isNotEqualTo(Family.IPV6_UNICAST).isNotEqualTo("ipv4 unicast");
        Set<Family> set = new HashSet<>(Set.of(Family.IPV4_UNICAST, Family.IPV6_UNICAST));
        assertThat(set).contains(made, new Family(new Afi(2), new Safi(1))).doesNotContain(Family.IPV4_MULTICAST);
    }
}
