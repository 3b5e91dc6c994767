package org.jexabgp.daemon.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.jexabgp.reactor.Io;
import org.jexabgp.wire.IpAddress;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Which protected neighbour's TTL options an accepted connection gets: the most specific one holding its address. */
class ProtectedPeersTest {
    private static final Io.ConnectionOptions WIDE = new Io.ConnectionOptions("wide", -1, 250);
    private static final Io.ConnectionOptions NARROW = new Io.ConnectionOptions("narrow", 255, -1);
    private static final Io.ConnectionOptions SINGLE = new Io.ConnectionOptions(null, 64, 254);

    private static final java.util.List<java.nio.channels.ServerSocketChannel> NO_LISTENERS = java.util.List.of();

    private static ProtectedPeers.Network net(String address, int length) {
        return new ProtectedPeers.Network(IpAddress.parse(address), length);
    }

    private static Io.@Nullable ConnectionOptions optionsOf(ProtectedPeers peers, String remote) {
        return peers.forRemote(IpAddress.parse(remote));
    }

    @Test
    void theMostSpecificNeighbourWinsWhateverTheOrder() throws Exception {
        ProtectedPeers peers = new ProtectedPeers();
        peers.protect(net("10.2.3.0", 24), NARROW, NO_LISTENERS);
        peers.protect(net("10.2.3.7", 32), SINGLE, NO_LISTENERS);
        peers.protect(net("10.2.0.0", 16), WIDE, NO_LISTENERS);
        assertThat(optionsOf(peers, "10.2.3.7")).isEqualTo(SINGLE);
        assertThat(optionsOf(peers, "10.2.3.8")).isEqualTo(NARROW);
        assertThat(optionsOf(peers, "10.2.9.1")).isEqualTo(WIDE);
        assertThat(optionsOf(peers, "10.3.0.1")).isNull();
    }

    @Test
    void prefixesNeedNotEndOnAByteAndFamiliesNeverMix() throws Exception {
        ProtectedPeers peers = new ProtectedPeers();
        peers.protect(net("192.0.2.128", 25), WIDE, NO_LISTENERS);
        peers.protect(net("2001:db8::", 32), NARROW, NO_LISTENERS);
        assertThat(optionsOf(peers, "192.0.2.200")).isEqualTo(WIDE);
        assertThat(optionsOf(peers, "192.0.2.127")).isNull();
        assertThat(optionsOf(peers, "2001:db8:1::5")).isEqualTo(NARROW);
        assertThat(optionsOf(peers, "2001:db9::5")).isNull();
        // ::ffff:192.0.2.200 arrives as the IPv4 address (Sockets.toEndpoint); a v6 /0 is not an IPv4 match
        peers.protect(net("::", 0), SINGLE, NO_LISTENERS);
        assertThat(optionsOf(peers, "192.0.2.1")).isNull();
    }

    @Test
    void aReloadReplacesTheOptionsOfTheSameRange() throws Exception {
        ProtectedPeers peers = new ProtectedPeers();
        peers.protect(net("10.1.0.0", 24), WIDE, NO_LISTENERS);
        peers.protect(net("10.1.0.0", 24), NARROW, NO_LISTENERS);
        assertThat(optionsOf(peers, "10.1.0.9")).isEqualTo(NARROW);
        assertThat(peers.entries()).hasSize(1);
    }

    @Test
    void anUnprotectedNeighbourFallsBackToTheRangeHoldingIt() throws Exception {
        ProtectedPeers peers = new ProtectedPeers();
        peers.protect(net("10.2.3.7", 32), SINGLE, NO_LISTENERS);
        peers.protect(net("10.2.0.0", 16), WIDE, NO_LISTENERS);
        peers.unprotect(net("10.2.3.7", 32), NO_LISTENERS);
        assertThat(optionsOf(peers, "10.2.3.7")).isEqualTo(WIDE);
        peers.unprotect(net("10.2.0.0", 16), NO_LISTENERS);
        assertThat(optionsOf(peers, "10.2.3.7")).isNull();
        assertThat(peers.entries()).isEmpty();
    }

    @Test
    void aRangeNamesItselfWithItsLength() {
        assertThat(net("10.1.0.0", 24)).hasToString("10.1.0.0/24");
        assertThat(net("10.1.0.1", 32)).hasToString("10.1.0.1");
        assertThatThrownBy(() -> net("10.1.0.0", 33)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Whether an unsigned connection from 127.0.0.1 to the listener completes within {@code millis}. */
    private static boolean connects(java.nio.channels.ServerSocketChannel server, long millis) throws Exception {
        try (java.nio.channels.SocketChannel client = java.nio.channels.SocketChannel.open();
                java.nio.channels.Selector selector = java.nio.channels.Selector.open()) {
            client.configureBlocking(false);
            if (client.connect(server.getLocalAddress())) return true;
            client.register(selector, java.nio.channels.SelectionKey.OP_CONNECT);
            if (selector.select(millis) == 0) return false;
            try {
                return client.finishConnect();
            } catch (java.io.IOException e) {
                return false;
            }
        }
    }

    @Test
    void aKeyDroppedWhileTtlOptionsRemainLeavesTheListeners() throws Exception {
        // a reload removing md5-password but keeping incoming-ttl: the neighbour is still protected, keyless
        try (java.nio.channels.ServerSocketChannel server =
                java.nio.channels.ServerSocketChannel.open(java.net.StandardProtocolFamily.INET)) {
            server.bind(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0));
            List<java.nio.channels.ServerSocketChannel> listeners = List.of(server);
            ProtectedPeers peers = new ProtectedPeers();
            peers.protect(net("127.0.0.1", 32), new Io.ConnectionOptions("secret", -1, 250), listeners);
            assertThat(connects(server, 1500)).as("unsigned, while the listener has the key").isFalse();
            peers.protect(net("127.0.0.1", 32), new Io.ConnectionOptions(null, -1, 250), listeners);
            assertThat(connects(server, 5000)).as("unsigned, once the key is dropped").isTrue();
            assertThat(optionsOf(peers, "127.0.0.1")).isEqualTo(new Io.ConnectionOptions(null, -1, 250));
        }
    }
}
