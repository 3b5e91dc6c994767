package org.jexabgp.daemon.engine;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jexabgp.reactor.ProcessKey;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon end of {@code exabgp cli} (runtime.md §3.1), run natively instead of ExaBGP's bridge process: a Unix
 * socket accepting one client at a time, whose lines are commands of the internal CLI process and which receives that
 * process's output. Output while no client is connected is discarded. A stale socket file is replaced; a live one (a
 * daemon already listening) disables the CLI of this one. The file is removed when the daemon stops.
 */
public final class ControlSocket implements ControlChannel {
    private static final Logger LOG = LoggerFactory.getLogger("exabgp.cli");
    /** The first word of the internal process's command line: the engine runs this socket instead of forking. */
    public static final String COMMAND = "<control-socket>";

    private final ProcessKey key;
    private final Path path;
    private final Inbox inbox;
    private final ServerSocketChannel server;
    private volatile @Nullable SocketChannel client;
    private volatile boolean closed;
    private final OutputQueue out = new OutputQueue();

    private ControlSocket(ProcessKey key, Path path, Inbox inbox, ServerSocketChannel server) {
        this.key = key;
        this.path = path;
        this.inbox = inbox;
        this.server = server;
    }

    /** Binds the socket and starts accepting; null (logged) when it cannot. */
    static @Nullable ControlSocket open(ProcessKey key, Path path, Inbox inbox) {
        try {
            if (Files.exists(path)) {
                if (live(path)) {
                    LOG.error("another daemon listens on {}: the CLI of this one is disabled", path);
                    return null;
                }
                Files.delete(path); // stale: nothing listens there any more
            }
            Files.createDirectories(path.toAbsolutePath().getParent());
            ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(path));
            ControlSocket s = new ControlSocket(key, path, inbox, server);
            Thread.ofPlatform().daemon().name("cli-" + path.getFileName()).start(s::serve);
            Thread.ofPlatform().daemon().name("cli-write-" + path.getFileName()).start(s::write);
            LOG.info("control socket {}", path);
            return s;
        } catch (IOException | UnsupportedOperationException e) {
            LOG.error("could not open the control socket {}: {}", path, e.getMessage());
            return null;
        }
    }

    private static boolean live(Path path) {
        try (SocketChannel c = SocketChannel.open(UnixDomainSocketAddress.of(path))) {
            return c.isConnected();
        } catch (IOException e) {
            return false;
        }
    }

    private void serve() {
        while (!closed) {
            SocketChannel c;
            try {
                c = server.accept();
            } catch (IOException e) {
                if (!closed) LOG.warn("control socket {}: {}", path, e.getMessage());
                return;
            }
            client = c;
            try {
                read(c);
            } finally {
                client = null;
                try {
                    c.close();
                } catch (IOException ignored) {
                    // already gone
                }
            }
        }
    }

    private void read(SocketChannel c) {
        ByteBuffer buf = ByteBuffer.allocate(16384);
        LineSplitter lines = new LineSplitter(ProcessRunner.MAX_LINE);
        try {
            while (c.read(buf.clear()) > 0) {
                List<String> got = lines.feed(buf.array(), buf.position());
                if (!got.isEmpty()) inbox.add(new Input.Lines(key, got));
            }
        } catch (IOException e) {
            LOG.debug("cli client left: {}", e.getMessage());
        }
    }

    /**
     * A line of output for the client, from the loop thread: queued (bounded in bytes, like a program's) and written by
     * the writer thread; dropped when no client is connected (runtime.md §3.1).
     */
    @Override
    public void send(byte[] line) {
        if (client != null) out.offer(line);
    }

    private void write() {
        try {
            while (true) {
                byte[] line = out.take();
                if (line == null) {
                    closeClient();
                    return;
                }
                SocketChannel c = client;
                if (c == null) continue;
                try {
                    ByteBuffer b = ByteBuffer.wrap(line);
                    while (b.hasRemaining()) c.write(b);
                } catch (IOException e) {
                    LOG.debug("cli client gone: {}", e.getMessage());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops accepting and removes the file at once; the client gets what was queued for it, then is closed. */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            LOG.debug("could not remove {}: {}", path, e.getMessage());
        }
        out.end();
    }

    private void closeClient() {
        SocketChannel c = client;
        client = null;
        if (c == null) return;
        try {
            c.close();
        } catch (IOException ignored) {
            // gone already
        }
    }
}
