package org.jexabgp.daemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.jexabgp.daemon.net.Sockopt;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * TCP-MD5 (RFC 2385) over loopback in both engines: the test's own sockets get keys through the daemon's
 * {@link Sockopt}, so the kernel signs and checks every segment. The same key connects; a wrong or missing key leaves
 * the SYN unanswered (RFC 2385 §2: unsigned or badly signed segments are dropped), so no connection ever appears.
 */
@ParameterizedClass(name = "asyncio={0}")
@ValueSource(booleans = {false, true})
class SessionMd5IT extends EndToEnd {
    private static final byte[] LOOPBACK = {127, 0, 0, 1};
    /** How long a connection that must not happen is given: a signed SYN on loopback is answered in microseconds. */
    private static final Duration NEVER = Duration.ofSeconds(4);

    SessionMd5IT(boolean asyncio) {
        super(asyncio);
    }

    private String config(String md5, int listen) {
        return """
                neighbor 127.0.0.1 {
                    router-id 10.0.0.1;
                    local-address 127.0.0.1;
                    local-as 65001;
                    peer-as 65002;
                    hold-time 30;
                    %s
                    %s
                    family { ipv4 unicast; }
                }
                """.formatted(md5, listen > 0 ? "passive;" : "");
    }

    /** A listener on 127.0.0.1 whose MD5 key for 127.0.0.1 is {@code key} (null: no key). */
    private static ServerSocketChannel listener(@Nullable String key) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open(java.net.StandardProtocolFamily.INET);
        if (key != null) Sockopt.setMd5(server, false, LOOPBACK, key.getBytes(StandardCharsets.US_ASCII));
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        server.configureBlocking(false);
        return server;
    }

    /** Waits up to {@code timeout} for a connection; null if none came. */
    private static @Nullable SocketChannel accept(ServerSocketChannel server, Duration timeout) throws IOException {
        try (Selector selector = Selector.open()) {
            server.register(selector, SelectionKey.OP_ACCEPT);
            if (selector.select(timeout.toMillis()) == 0) return null;
            return server.accept();
        }
    }

    /** Reads the first BGP message header from the connection: what the daemon said first. */
    private static int firstMessageType(SocketChannel channel) throws IOException {
        channel.configureBlocking(true);
        channel.socket().setSoTimeout((int) Await.TIMEOUT.toMillis());
        ByteBuffer header = ByteBuffer.allocate(19);
        var in = java.nio.channels.Channels.newInputStream(channel);
        int read = in.readNBytes(header.array(), 0, 19);
        assertThat(read).isEqualTo(19);
        return header.get(18) & 0xFF;
    }

    @Test
    void outgoingWithTheSameKeyConnectsAndSendsItsOpen() throws Exception {
        try (ServerSocketChannel server = listener("s3cret-key")) {
            int port = server.socket().getLocalPort();
            daemon(DaemonProcess.server(asyncio, port, 0), file("md5.conf", config("md5-password s3cret-key;", 0)));
            try (SocketChannel ch = accept(server, Await.TIMEOUT)) {
                assertThat(ch).as("a connection signed with the shared key").isNotNull();
                assertThat(firstMessageType(ch)).isEqualTo(1); // OPEN
            }
        }
    }

    @Test
    void outgoingWithAWrongKeyNeverConnects() throws Exception {
        try (ServerSocketChannel server = listener("another-key")) {
            int port = server.socket().getLocalPort();
            DaemonProcess d = daemon(DaemonProcess.server(asyncio, port, 0),
                    file("md5.conf", config("md5-password s3cret-key;", 0)));
            assertThat(accept(server, NEVER)).as("a connection with a mismatched key").isNull();
            assertThat(d.isAlive()).isTrue();
        }
    }

    @Test
    void outgoingWithoutAKeyNeverReachesAProtectedListener() throws Exception {
        try (ServerSocketChannel server = listener("s3cret-key")) {
            int port = server.socket().getLocalPort();
            daemon(DaemonProcess.server(asyncio, port, 0), file("plain.conf", config("", 0)));
            assertThat(accept(server, NEVER)).isNull();
        }
    }

    @Test
    void base64KeyIsDecodedBeforeUse() throws Exception {
        // "czNjcmV0LWtleQ==" is base64 of "s3cret-key" (RFC 4648 §4)
        try (ServerSocketChannel server = listener("s3cret-key")) {
            int port = server.socket().getLocalPort();
            daemon(DaemonProcess.server(asyncio, port, 0),
                    file("b64.conf", config("md5-password czNjcmV0LWtleQ==; md5-base64 true;", 0)));
            try (SocketChannel ch = accept(server, Await.TIMEOUT)) {
                assertThat(ch).isNotNull();
            }
        }
    }

    /** A loopback port nothing listens on now. */
    private static int freePort() throws IOException {
        try (ServerSocketChannel probe = listener(null)) {
            return probe.socket().getLocalPort();
        }
    }

    /** The daemon's environment for listening on 127.0.0.1:port. */
    private Map<String, String> listeningOn(int port) {
        Map<String, String> env = new java.util.LinkedHashMap<>(DaemonProcess.server(asyncio, port, 0));
        env.put("exabgp_tcp_bind", "127.0.0.1");
        return env;
    }

    @Test
    void theListenerCarriesThePeersKey() throws Exception {
        int port = freePort();
        Map<String, String> env = listeningOn(port);
        daemon(env, file("listen.conf", config("md5-password s3cret-key;", port)));

        // the same key: accepted (once the daemon listens), and the daemon speaks first with its OPEN
        try (SocketChannel signed = Await.until("a signed connection to the daemon",
                () -> quietly("s3cret-key", port), java.util.Objects::nonNull, Await.TIMEOUT)) {
            assertThat(firstMessageType(signed)).isEqualTo(1);
        }
        // no key: the daemon's listener drops the SYN, so the connection never completes
        try (SocketChannel plain = connect(null, port)) {
            assertThat(plain).isNull();
        }
        // wrong key: dropped as well
        try (SocketChannel wrong = connect("another-key", port)) {
            assertThat(wrong).isNull();
        }
    }

    @Test
    void aReloadThatDropsTheKeyTakesItOffTheListener() throws Exception {
        int port = freePort();
        Map<String, String> env = listeningOn(port);
        DaemonProcess d = daemon(env, file("reload.conf", config("md5-password s3cret-key;", port)));
        try (SocketChannel signed = Await.until("a signed connection to the daemon",
                () -> quietly("s3cret-key", port), java.util.Objects::nonNull, Await.TIMEOUT)) {
            assertThat(firstMessageType(signed)).isEqualTo(1);
        }
        file("reload.conf", config("", port));
        d.signal("USR1");
        // once reloaded, the neighbour has no key and neither has the listener: an unsigned connection completes
        try (SocketChannel plain = Await.until("an unsigned connection after the reload",
                () -> quietly("127.0.0.1", null, port), java.util.Objects::nonNull, Duration.ofSeconds(30))) {
            assertThat(firstMessageType(plain)).isEqualTo(1);
        }
    }

    /**
     * The daemon listening on 127.0.0.1 with a passive range neighbour 127.0.1.0/24 (runtime.md §8) carrying these
     * settings; returns the port.
     */
    private int daemonWithRange(String settings) throws IOException {
        int port = freePort();
        Map<String, String> env = listeningOn(port);
        daemon(env, file("range.conf", """
                neighbor 127.0.1.0/24 {
                    router-id 10.0.0.1;
                    local-as 65001;
                    peer-as 65003;
                    hold-time 30;
                    passive;
                    %s
                    family { ipv4 unicast; }
                }
                """.formatted(settings)));
        return port;
    }

    /** The daemon's OPEN, then ours and a KEEPALIVE answered by KEEPALIVE and End-of-RIB: the session is established. */
    private static void establish(RawBgp c) throws IOException {
        assertThat(c.next().type()).isEqualTo(BgpMessage.OPEN);
        c.send(RawBgp.open(65003, 30, "0A010105"));
        assertThat(c.next().type()).isEqualTo(BgpMessage.KEEPALIVE);
        c.send(BgpMessage.keepalive());
        assertThat(c.next().isIpv4Eor()).as("End-of-RIB: established").isTrue();
    }

    @Test
    void aRangeNeighboursKeyGuardsEveryAddressInTheRange() throws Exception {
        int port = daemonWithRange("md5-password s3cret-key;");
        // the same key from an address inside the range: a session (the listener has a key for the whole prefix)
        try (SocketChannel signed = Await.until("a signed connection from 127.0.1.5",
                        () -> quietly("127.0.1.5", "s3cret-key", port), java.util.Objects::nonNull, Await.TIMEOUT);
                RawBgp c = RawBgp.of(signed)) {
            establish(c);
        }
        // no key, or a wrong one, from other addresses of the range: the SYN is dropped, nothing completes
        try (SocketChannel plain = connect("127.0.1.6", null, port)) {
            assertThat(plain).isNull();
        }
        try (SocketChannel wrong = connect("127.0.1.7", "another-key", port)) {
            assertThat(wrong).isNull();
        }
    }

    /**
     * RFC 5082 GTSM on a range: the connection accepted from 127.0.1.x gets the range's outgoing-ttl 255 (our socket
     * drops anything below 255 once connected) and incoming-ttl 255 (the daemon drops our OPEN sent with TTL 64).
     */
    @Test
    void aRangeNeighboursTtlSecurityAppliesToItsConnections() throws Exception {
        int port = daemonWithRange("outgoing-ttl 255; incoming-ttl 255;");
        try (SocketChannel gtsm = Await.until("a connection from 127.0.1.5",
                        () -> withTtl("127.0.1.5", port), java.util.Objects::nonNull, Await.TIMEOUT);
                RawBgp c = RawBgp.of(gtsm)) {
            Sockopt.setMinTtl(gtsm, false, 255);
            establish(c); // the KEEPALIVE and End-of-RIB answer our OPEN: they come after our minimum TTL is set
        }
        // our packets with the default TTL: the daemon's OPEN arrives, ours never reaches it, so no KEEPALIVE comes
        try (SocketChannel plain = connect("127.0.1.6", null, port); RawBgp c = RawBgp.of(plain)) {
            assertThat(c.next().type()).isEqualTo(BgpMessage.OPEN);
            c.send(RawBgp.open(65003, 30, "0A010106"));
            plain.socket().setSoTimeout((int) NEVER.toMillis());
            assertThatThrownBy(c::read).as("the daemon never saw our OPEN").hasMessageContaining("no message");
        }
    }

    /** A connection from {@code from} whose packets leave with TTL 255; null when the daemon does not listen yet. */
    private static @Nullable SocketChannel withTtl(String from, int port) {
        try {
            SocketChannel ch = SocketChannel.open(java.net.StandardProtocolFamily.INET);
            ch.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
            Sockopt.setTtl(ch, false, 255);
            try {
                ch.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            } catch (IOException e) {
                ch.close();
                return null;
            }
            return ch;
        } catch (IOException e) {
            return null;
        }
    }

    private static @Nullable SocketChannel quietly(String key, int port) {
        return quietly("127.0.0.1", key, port);
    }

    private static @Nullable SocketChannel quietly(String from, @Nullable String key, int port) {
        try {
            return connect(from, key, port);
        } catch (IOException e) {
            return null;
        }
    }

    /** Connects to the daemon at 127.0.0.1:port, signing with key; null when the connection did not complete. */
    private static @Nullable SocketChannel connect(@Nullable String key, int port) throws IOException {
        return connect("127.0.0.1", key, port);
    }

    /** As {@link #connect(String, int)}, from the loopback address {@code from}. */
    private static @Nullable SocketChannel connect(String from, @Nullable String key, int port) throws IOException {
        SocketChannel ch = SocketChannel.open(java.net.StandardProtocolFamily.INET);
        ch.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
        if (key != null) Sockopt.setMd5(ch, false, LOOPBACK, key.getBytes(StandardCharsets.US_ASCII));
        ch.configureBlocking(false);
        ch.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        try (Selector selector = Selector.open()) {
            ch.register(selector, SelectionKey.OP_CONNECT);
            Duration wait = key != null && key.equals("s3cret-key") ? Await.TIMEOUT : NEVER;
            if (selector.select(wait.toMillis()) == 0) {
                ch.close();
                return null;
            }
            try {
                ch.finishConnect();
            } catch (IOException e) {
                ch.close();
                return null;
            }
        }
        return ch;
    }
}
