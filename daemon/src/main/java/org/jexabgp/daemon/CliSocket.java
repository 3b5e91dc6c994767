package org.jexabgp.daemon;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** The socket transport of {@code exabgp cli} (runtime.md §3.2): one connection per command. */
record CliSocket(Path path) implements CliTransport {
    @Override
    public Answer exchange(String command, Consumer<String> output, Consumer<String> problems) {
        try (SocketChannel c = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            c.connect(UnixDomainSocketAddress.of(path));
            c.write(ByteBuffer.wrap((command + "\n").getBytes(StandardCharsets.UTF_8)));
            if (command.equals("reset")) return Answer.DONE; // never answered
            BufferedReader in = new BufferedReader(Channels.newReader(c, StandardCharsets.UTF_8));
            long[] last = {System.nanoTime()};
            // a blocking read cannot time out: a watchdog closes the channel after 5 s of silence
            Thread watchdog = Thread.ofPlatform().daemon().start(() -> {
                try {
                    while (System.nanoTime() - last[0] < TimeUnit.MILLISECONDS.toNanos(IDLE_MILLIS))
                        Thread.sleep(100);
                    c.close();
                } catch (InterruptedException | IOException ignored) {
                    // done waiting
                }
            });
            try {
                String line;
                while ((line = in.readLine()) != null) {
                    last[0] = System.nanoTime();
                    Answer a = CliTransport.answer(line);
                    if (a != null) return a;
                    output.accept(line);
                }
            } catch (IOException e) {
                // closed by the idle watchdog, or by the daemon
            } finally {
                watchdog.interrupt();
            }
            return Answer.IDLE;
        } catch (IOException e) {
            problems.accept("exabgpcli: could not connect to " + path + ": " + e.getMessage()
                    + " (is the daemon running, with exabgp.api.cli true?)");
            return Answer.UNREACHABLE;
        }
    }
}
