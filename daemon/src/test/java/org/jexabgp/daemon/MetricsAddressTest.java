package org.jexabgp.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MetricsAddressTest {
    @Test
    void hostPortForms() {
        assertThat(MetricsAddress.parse("127.0.0.1:9100").getAddress().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(MetricsAddress.parse("127.0.0.1:9100").getPort()).isEqualTo(9100);
        assertThat(MetricsAddress.parse("[::1]:9100").getAddress().getHostAddress()).isEqualTo("0:0:0:0:0:0:0:1");
        assertThat(MetricsAddress.parse(":9100").getAddress().isAnyLocalAddress()).isTrue();
    }

    @Test
    void refusesNamesAndBadPorts() {
        assertThatThrownBy(() -> MetricsAddress.parse("localhost:9100")).hasMessageContaining("not an IP address");
        assertThatThrownBy(() -> MetricsAddress.parse("127.0.0.1")).hasMessageContaining("host:port");
        assertThatThrownBy(() -> MetricsAddress.parse("127.0.0.1:99999")).hasMessageContaining("invalid port");
    }
}
