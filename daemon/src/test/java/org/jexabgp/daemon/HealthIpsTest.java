package org.jexabgp.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class HealthIpsTest {
    @Test
    void ipCommandLikeExabgps() {
        HealthIps ips = new HealthIps(List.of("192.0.2.10", "192.0.2.11/32"), List.of("192.0.2.11%eth0"), "web",
                true, m -> {});
        assertThat(ips.command("add", "192.0.2.10"))
                .containsExactly("sudo", "ip", "address", "add", "192.0.2.10/32", "dev", "lo", "label", "lo:web");
        assertThat(ips.command("delete", "192.0.2.11/32"))
                .containsExactly("sudo", "ip", "address", "delete", "192.0.2.11/32", "dev", "eth0", "label",
                        "eth0:web");
        HealthIps plain = new HealthIps(List.of("2001:db8::1"), List.of(), null, false, m -> {});
        assertThat(plain.command("add", "2001:db8::1")).containsExactly("ip", "address", "add", "2001:db8::1/128",
                "dev", "lo");
    }

    @Test
    void ipIfnameNeedsBothParts() {
        assertThatThrownBy(() -> new HealthIps(List.of(), List.of("192.0.2.1"), null, false, m -> {}))
                .hasMessageContaining("<ip>%<ifname>");
    }
}
