package org.jexabgp.wire;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Network membership, as range neighbours and listener keys use it. */
class IpAddressTest {
    private static boolean in(String address, String network, int length) {
        return IpAddress.parse(address).inNetwork(IpAddress.parse(network), length);
    }

    @Test
    void membershipFollowsThePrefixBitsOnly() {
        assertThat(in("10.1.0.77", "10.1.0.0", 24)).isTrue();
        assertThat(in("10.1.1.77", "10.1.0.0", 24)).isFalse();
        // a length that does not end on a byte: 10.1.0.0/23 holds 10.1.1.x, /25 holds only .0 to .127
        assertThat(in("10.1.1.5", "10.1.0.0", 23)).isTrue();
        assertThat(in("10.1.0.200", "10.1.0.0", 25)).isFalse();
        assertThat(in("10.1.0.127", "10.1.0.0", 25)).isTrue();
        assertThat(in("192.0.2.1", "0.0.0.0", 0)).isTrue();
        assertThat(in("192.0.2.1", "192.0.2.1", 32)).isTrue();
        assertThat(in("192.0.2.2", "192.0.2.1", 32)).isFalse();
        assertThat(in("2001:db8::1", "2001:db8::", 32)).isTrue();
        assertThat(in("2001:db9::1", "2001:db8::", 32)).isFalse();
        assertThat(in("2001:db8::1", "2001:db8::", 127)).isTrue();
    }

    @Test
    void theOtherFamilyIsNeverInside() {
        assertThat(in("::ffff:10.1.0.1", "10.1.0.0", 24)).isFalse();
        assertThat(in("10.1.0.1", "::", 0)).isFalse();
    }
}
