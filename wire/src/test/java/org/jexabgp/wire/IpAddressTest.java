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

    /** The dotted quad as it was read before the one-pass reader: split on dots, one to three digits, at most 255. */
    private static byte[] referenceV4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) return null;
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) return null;
            int v = Integer.parseInt(p);
            if (v > 255) return null;
            out[i] = (byte) v;
        }
        return out;
    }

    @Test
    void dottedQuadsAreReadAsBySplittingOnDots() {
        java.util.Random random = new java.util.Random(4271);
        String alphabet = "0123456789..........x 25";
        for (int k = 0; k < 200_000; k++) {
            StringBuilder b = new StringBuilder();
            int length = random.nextInt(18);
            for (int i = 0; i < length; i++) b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            String text = b.toString();
            byte[] expected = referenceV4(text);
            IpAddress got = IpAddress.tryParse(text);
            if (expected == null) assertThat(got).as(text).isNull();
            else assertThat(got).as(text).isEqualTo(IpAddress.of(expected));
        }
        assertThat(IpAddress.tryParse("255.255.255.255")).isEqualTo(IpAddress.of(new byte[] {-1, -1, -1, -1}));
        assertThat(IpAddress.tryParse("1.2.3.256")).isNull();
        assertThat(IpAddress.tryParse("1.2.3.0004")).isNull();
        assertThat(IpAddress.tryParse("1.2.3.4.")).isNull();
        assertThat(IpAddress.tryParse(".1.2.3")).isNull();
    }

    @Test
    void dottedQuadsAreWrittenAsTheyAreRead() throws Exception {
        java.util.Random random = new java.util.Random(5952);
        for (int k = 0; k < 20_000; k++) {
            byte[] raw = new byte[4];
            random.nextBytes(raw);
            if (k < 256) raw[k % 4] = (byte) k; // every octet value in some position
            IpAddress a = IpAddress.of(raw);
            String text = a.toString();
            assertThat(text).isEqualTo(java.net.InetAddress.getByAddress(raw).getHostAddress());
            assertThat(IpAddress.parse(text)).isEqualTo(a);
        }
    }

    @Test
    void theOtherFamilyIsNeverInside() {
        assertThat(in("::ffff:10.1.0.1", "10.1.0.0", 24)).isFalse();
        assertThat(in("10.1.0.1", "::", 0)).isFalse();
    }
}
