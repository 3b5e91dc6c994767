package org.jexabgp.daemon.engine;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.List;
import org.jexabgp.daemon.net.Fifo;
import org.jexabgp.reactor.ProcessKey;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The named-pipe transport of {@code exabgp cli} (runtime.md §3.1), run natively instead of ExaBGP's pipe bridge: the
 * operator creates {@code <name>.in} and {@code <name>.out} with mkfifo; commands are read from {@code .in} (opened
 * read-write, so it never reaches end of file when a client leaves) and every output line is written to {@code .out},
 * opened per line without blocking. A line for which no reader has {@code .out} open is dropped (ExaBGP kept it for the
 * next client, who then had to drain it first).
 */
public final class ControlPipes implements ControlChannel {
    private static final Logger LOG = LoggerFactory.getLogger("exabgp.cli");
    /** The first word of the internal process's command line; then the {@code .in} pipe and the {@code .out} one. */
    public static final String COMMAND = "<control-pipes>";

    private final ProcessKey key;
    private final Path in;
    private final Path out;
    private final Inbox inbox;
    private final RandomAccessFile reader;
    private final OutputQueue queue = new OutputQueue();
    private volatile boolean closed;
    private boolean warned;

    private ControlPipes(ProcessKey key, Path in, Path out, Inbox inbox, RandomAccessFile reader) {
        this.key = key;
        this.in = in;
        this.out = out;
        this.inbox = inbox;
        this.reader = reader;
    }

    /** Opens {@code in} and starts serving; null (logged) when the pipes are not usable. */
    static @Nullable ControlPipes open(ProcessKey key, Path in, Path out, Inbox inbox) {
        String why = Fifo.unavailable();
        if (why != null) {
            LOG.error("the named pipes {} cannot be used: {}", in, why);
            return null;
        }
        if (!Fifo.isFifo(in) || !Fifo.isFifo(out)) {
            LOG.error("{} and {} must both be named pipes (mkfifo)", in, out);
            return null;
        }
        try {
            // read-write: the open does not wait for a writer, and a client closing its end is not an end of file
            ControlPipes p = new ControlPipes(key, in, out, inbox, new RandomAccessFile(in.toFile(), "rw"));
            Thread.ofPlatform().daemon().name("cli-pipe-read").start(p::read);
            Thread.ofPlatform().daemon().name("cli-pipe-write").start(p::write);
            LOG.info("control pipes {} and {}", in, out);
            return p;
        } catch (IOException e) {
            LOG.error("could not open the named pipe {}: {}", in, e.getMessage());
            return null;
        }
    }

    private void read() {
        byte[] buf = new byte[16384];
        LineSplitter lines = new LineSplitter(ProcessRunner.MAX_LINE);
        try {
            int n;
            while (!closed && (n = reader.read(buf)) > 0) {
                if (closed) break;
                List<String> got = lines.feed(buf, n);
                if (!got.isEmpty()) inbox.add(new Input.Lines(key, got));
            }
        } catch (IOException e) {
            if (!closed) LOG.warn("named pipe {}: {}", in, e.getMessage());
        }
    }

    @Override
    public void send(byte[] line) {
        if (!closed) queue.offer(line);
    }

    private void write() {
        try {
            while (true) {
                byte[] line = queue.take();
                if (line == null) return;
                try {
                    if (!Fifo.offer(out, line)) LOG.debug("no reader on {}: a line of output dropped", out);
                } catch (IOException e) {
                    // said once: every answer would fail the same way (ExaBGP fails silently here)
                    if (!warned) LOG.warn("{}", e.getMessage());
                    warned = true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        queue.end();
        try {
            // wakes the reader blocked on the pipe (we hold it open for writing too), then lets go of it
            reader.write('\n');
            reader.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
