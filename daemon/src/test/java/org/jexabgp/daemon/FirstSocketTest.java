package org.jexabgp.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 9: a daemon's first socket does not read the JDK's security settings file (1,600 lines, interpreted: 4 ms of a
 * start) for the one value it looks up there, what network exceptions may say: {@link Main#libraryProperties} gives
 * it. Each case runs in a JVM of its own, which logs the classes it initializes.
 */
class FirstSocketTest {
    /** Connects to the port given, after {@link Main#libraryProperties} when asked to. */
    public static void main(String[] args) throws Exception {
        if (args[1].equals("daemon")) Main.libraryProperties();
        try (SocketChannel ch = SocketChannel.open()) {
            ch.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(args[0])));
        }
    }

    private static String initialized(String how) throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                            "-Xshare:auto", "-Xlog:class+init=info:stdout", "-cp", System.getProperty("java.class.path"),
                            FirstSocketTest.class.getName(), String.valueOf(server.getLocalPort()), how))
                    .redirectErrorStream(true)
                    .redirectInput(new File("/dev/null"))
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(out).isZero();
            return out;
        }
    }

    @Test
    void aDaemonsFirstSocketReadsNoSecuritySettings() throws Exception {
        assertThat(initialized("daemon")).contains("Initializing 'java/net/InetAddress'")
                .doesNotContain("Initializing 'java/security/Security'");
        // without it, the JDK reads them
        assertThat(initialized("plain")).contains("Initializing 'java/security/Security'");
    }
}
