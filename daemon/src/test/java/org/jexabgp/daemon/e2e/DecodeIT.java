package org.jexabgp.daemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code exabgp decode HEX} as a process (runtime.md §1, json.md §9); no engine involved. */
class DecodeIT {
    @TempDir
    Path dir;

    private DaemonProcess.Finished decode(String... args) throws Exception {
        String[] all = new String[args.length + 1];
        all[0] = "decode";
        System.arraycopy(args, 0, all, 1, args.length);
        return DaemonProcess.run(dir, Map.of(), Duration.ofSeconds(20), all);
    }

    @Test
    void updateWithHeaderPrintsItsJson() throws Exception {
        DaemonProcess.Finished run = decode(BgpMessage.MARKER + "003D" + "02" // 61 bytes, UPDATE (RFC 4271 §4.3)
                + "0000" // no withdrawn routes
                + "0022" // 34 bytes of attributes
                + "40010102" // ORIGIN INCOMPLETE
                + "4002060201" + "0000FDE9" // AS_PATH: AS_SEQUENCE [65001] (4-octet, RFC 6793)
                + "400304C0000201" // NEXT_HOP 192.0.2.1
                + "80040400000032" // MED 50
                + "C00804FDE90064" // COMMUNITY 65001:100
                + "18C63364"); // NLRI 198.51.100.0/24
        assertThat(run.exit()).as(run::toString).isZero();
        String line = run.stdout().strip();
        assertThat(line).doesNotContain("\n");
        Object j = Json.parse(line);
        assertThat(Json.at(j, "exabgp")).isEqualTo("5.0.0");
        assertThat(Json.at(j, "type")).isEqualTo("update");
        // json.md §9: a fake neighbour 127.0.0.1 / 65533, direction "in"
        assertThat(Json.at(j, "neighbor", "address")).isEqualTo(Map.of("local", "127.0.0.1", "peer", "127.0.0.1"));
        assertThat(Json.at(j, "neighbor", "asn")).isEqualTo(Map.of("local", 65533L, "peer", 65533L));
        assertThat(Json.at(j, "neighbor", "direction")).isEqualTo("in");
        Object attribute = Json.at(j, "neighbor", "message", "update", "attribute");
        assertThat(Json.at(attribute, "origin")).isEqualTo("incomplete");
        assertThat(Json.at(attribute, "as-path", "0"))
                .isEqualTo(Map.of("element", "as-sequence", "value", List.of(65001L)));
        assertThat(Json.at(attribute, "med")).isEqualTo(50L);
        assertThat(Json.at(attribute, "community")).isEqualTo(List.of(List.of(65001L, 100L)));
        assertThat(Json.at(j, "neighbor", "message", "update", "announce"))
                .isEqualTo(Map.of("ipv4 unicast", Map.of("192.0.2.1", List.of(Map.of("nlri", "198.51.100.0/24")))));
    }

    @Test
    void bodyWithoutHeaderIsAnUpdate() throws Exception {
        // runtime.md §1: without marker/length/type the hex is an UPDATE body; spaces and colons are ignored
        DaemonProcess.Finished run = decode("0004 18:0A:00:00 0000"); // withdrawn 10.0.0.0/24, nothing else
        assertThat(run.exit()).as(run::toString).isZero();
        Object j = Json.parse(run.stdout().strip());
        assertThat(Json.at(j, "neighbor", "message", "update"))
                .isEqualTo(Map.of("withdraw", Map.of("ipv4 unicast", List.of(Map.of("nlri", "10.0.0.0/24")))));
    }

    @Test
    void invalidHexIsAnInvalidPayload() throws Exception {
        DaemonProcess.Finished run = decode("zz");
        assertThat(run.exit()).as(run::toString).isEqualTo(1);
        assertThat(run.stdout().strip()).isEqualTo("invalid payload");
    }
}
