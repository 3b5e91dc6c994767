package org.jexabgp.daemon.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.channels.SocketChannel;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The layout of Linux's {@code struct tcp_md5sig} (include/uapi/linux/tcp.h): sockaddr_storage at 0 (128 bytes),
 * flags 128, prefixlen 129, keylen (u16, host order) 130, ifindex 132, key[80] at 136; 216 bytes in all.
 */
class SockoptTest {
    private static String hex(MemorySegment s, int from, int to) {
        return HexFormat.of().withUpperCase().formatHex(s.asSlice(from, to - from).toArray(ValueLayout.JAVA_BYTE));
    }

    /** A u16 in host order, as the kernel reads sa_family and tcpm_keylen. */
    private static String host16(int v) {
        return ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN
                ? "%02X%02X".formatted(v & 0xFF, v >>> 8)
                : "%02X%02X".formatted(v >>> 8, v & 0xFF);
    }

    @Test
    void ipv4PeerOnAnIpv4Socket() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment sig = arena.allocate(Sockopt.MD5SIG_SIZE);
            sig.fill((byte) 0x55); // every byte not written must be cleared
            Sockopt.fillMd5sig(sig, false, new byte[] {(byte) 192, 0, 2, 1}, "abc".getBytes());
            // struct sockaddr_in: AF_INET (2), port 0, 192.0.2.1, then zeros to 128
            assertThat(hex(sig, 0, 8)).isEqualTo(host16(2) + "0000" + "C0000201");
            assertThat(hex(sig, 8, 130)).isEqualTo("00".repeat(122));
            assertThat(hex(sig, 130, 132)).isEqualTo(host16(3)); // key length
            assertThat(hex(sig, 132, 136)).isEqualTo("00000000"); // ifindex 0: any interface
            assertThat(hex(sig, 136, 139)).isEqualTo("616263"); // "abc"
            assertThat(hex(sig, 139, 216)).isEqualTo("00".repeat(77));
        }
    }

    @Test
    void ipv4PeerOnADualStackSocketIsV4Mapped() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment sig = arena.allocate(Sockopt.MD5SIG_SIZE);
            Sockopt.fillMd5sig(sig, true, new byte[] {10, 0, 0, 2}, "k".getBytes());
            // struct sockaddr_in6: AF_INET6 (10), port 0, flowinfo 0, ::ffff:10.0.0.2 (RFC 4291 §2.5.5.2)
            assertThat(hex(sig, 0, 8)).isEqualTo(host16(10) + "0000" + "00000000");
            assertThat(hex(sig, 8, 24)).isEqualTo("00000000000000000000FFFF0A000002");
            assertThat(hex(sig, 130, 132)).isEqualTo(host16(1));
        }
    }

    @Test
    void aRangeSetsThePrefixFlagAndLength() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment sig = arena.allocate(Sockopt.MD5SIG_SIZE);
            sig.fill((byte) 0x55);
            Sockopt.fillMd5sig(sig, false, new byte[] {10, 1, 0, 0}, 24, "abc".getBytes());
            assertThat(hex(sig, 0, 8)).isEqualTo(host16(2) + "0000" + "0A010000");
            assertThat(hex(sig, 8, 128)).isEqualTo("00".repeat(120));
            // tcpm_flags TCP_MD5SIG_FLAG_PREFIX (1), tcpm_prefixlen 24
            assertThat(hex(sig, 128, 130)).isEqualTo("0118");
            assertThat(hex(sig, 130, 132)).isEqualTo(host16(3));
            assertThat(hex(sig, 136, 139)).isEqualTo("616263");
        }
    }

    @Test
    void anIpv4RangeOnADualStackSocketKeepsItsIpv4Length() {
        // the kernel keys a v4-mapped address as IPv4 and takes at most 32 as its prefix length
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment sig = arena.allocate(Sockopt.MD5SIG_SIZE);
            Sockopt.fillMd5sig(sig, true, new byte[] {10, 1, 0, 0}, 16, "k".getBytes());
            assertThat(hex(sig, 8, 24)).isEqualTo("00000000000000000000FFFF0A010000");
            assertThat(hex(sig, 128, 130)).isEqualTo("0110");
        }
    }

    @Test
    void aSinglePeerHasNoPrefixFlag() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment sig = arena.allocate(Sockopt.MD5SIG_SIZE);
            sig.fill((byte) 0x55);
            byte[] v6 = HexFormat.of().parseHex("20010DB8000000000000000000000001");
            Sockopt.fillMd5sig(sig, true, v6, 128, "k".getBytes());
            assertThat(hex(sig, 128, 130)).isEqualTo("0000");
            Sockopt.fillMd5sig(sig, true, v6, 64, "k".getBytes());
            assertThat(hex(sig, 128, 130)).isEqualTo("0140");
        }
    }

    @Test
    void theKernelTakesAPrefixKeyOnARealListener() throws Exception {
        try (var server = java.nio.channels.ServerSocketChannel.open(java.net.StandardProtocolFamily.INET6)) {
            Sockopt.setMd5(server, true, new byte[] {127, 0, 0, 0}, 8, "k".getBytes());
            Sockopt.setMd5(server, true, HexFormat.of().parseHex("20010DB8000000000000000000000000"), 32,
                    "k".getBytes());
            // a prefix longer than the address is refused before the kernel sees it
            assertThatThrownBy(() -> Sockopt.setMd5(server, true, new byte[4], 33, "k".getBytes()))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aKeyLongerThan80BytesIsRefusedBeforeTheKernelSeesIt() throws Exception {
        try (SocketChannel ch = SocketChannel.open()) {
            assertThatThrownBy(() -> Sockopt.setMd5(ch, true, new byte[4], new byte[81]))
                    .hasMessageContaining("80");
        }
    }

    @Test
    void availableOnLinuxWithTheLaunchersFlags() {
        // the test JVM runs with --enable-native-access and --add-exports java.base/sun.nio.ch, as the launcher
        assertThat(Sockopt.unavailable()).isNull();
    }

    @Test
    void setsTtlAndMinTtlOnARealSocket() throws Exception {
        try (SocketChannel ch = SocketChannel.open(java.net.StandardProtocolFamily.INET)) {
            Sockopt.setTtl(ch, false, 1);
            Sockopt.setMinTtl(ch, false, 254);
            // the kernel refuses a TTL above 255 (EINVAL): errors surface, they are not swallowed
            assertThatThrownBy(() -> Sockopt.setTtl(ch, false, 256)).hasMessageContaining("errno");
        }
    }
}
