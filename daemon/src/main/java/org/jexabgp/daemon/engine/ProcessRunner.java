package org.jexabgp.daemon.engine;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jexabgp.reactor.ProcessKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs API programs, alike in both engines: per program a reader thread (stdout → lines → inbox), a writer thread
 * (bounded queue → stdin) and a stderr thread (→ log). Platform threads: pipe I/O blocks its carrier (ARCHITECTURE
 * §11), so virtual threads would starve each other.
 */
final class ProcessRunner {
    private static final Logger LOG = LoggerFactory.getLogger("exabgp.processes");
    /** Lines queued for one program before its events are dropped (ExaBGP would block here, api.md §1.4). */
    private static final int QUEUE_LINES = 1 << 16;
    /** A line longer than this is not a command (ARCHITECTURE §8). */
    private static final int MAX_LINE = 1 << 20;

    private final Inbox inbox;
    private final Map<ProcessKey, Running> running = new ConcurrentHashMap<>();

    ProcessRunner(Inbox inbox) {
        this.inbox = inbox;
    }

    private static final class Running {
        final Process process;
        final BlockingQueue<byte[]> out = new ArrayBlockingQueue<>(QUEUE_LINES);
        final AtomicLong dropped = new AtomicLong();
        volatile boolean closing;
        @org.jspecify.annotations.Nullable Thread writer;

        Running(Process process) {
            this.process = process;
        }
    }

    /** Programs being stopped: kept until they are gone, so the daemon's exit can finish the job. */
    private final Map<ProcessKey, Running> stopping = new ConcurrentHashMap<>();

    private static final byte[] CLOSE = new byte[0];

    /**
     * ExaBGP puts each program in its own process group (api.md §1.2), so a Ctrl-C or a signal to the daemon's group
     * does not reach it: the daemon ends its programs itself, after the shutdown notice. setsid(1) does that for us.
     */
    private static final @org.jspecify.annotations.Nullable String SETSID = java.nio.file.Files.isExecutable(java.nio.file.Path.of("/usr/bin/setsid"))
            ? "/usr/bin/setsid"
            : null;

    void start(ProcessKey key, List<String> command, Map<String, String> extraEnvironment) {
        List<String> argv = command;
        if (SETSID != null) {
            argv = new ArrayList<>(command.size() + 1);
            argv.add(SETSID);
            argv.addAll(command);
        }
        ProcessBuilder builder = new ProcessBuilder(argv);
        builder.environment().putAll(extraEnvironment);
        builder.environment().put("TERM", "dumb");
        builder.directory(new File("/"));
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            LOG.error("could not start process {}: {}", key.name(), e.getMessage());
            inbox.add(new Input.ProcessExited(key, -1));
            return;
        }
        Running r = new Running(process);
        running.put(key, r);
        LOG.info("forked process {} pid {}", key.name(), process.pid());
        Thread.ofPlatform().daemon().name("read-" + key).start(() -> read(key, r));
        r.writer = Thread.ofPlatform().daemon().name("write-" + key).start(() -> write(key, r));
        Thread.ofPlatform().daemon().name("stderr-" + key).start(() -> stderr(key, process.getErrorStream()));
    }

    /** Queues a line; never blocks. A program that does not read loses events, not the daemon. */
    void send(ProcessKey key, byte[] line) {
        Running r = running.get(key);
        if (r == null || r.closing) return;
        if (!r.out.offer(line)) {
            long n = r.dropped.incrementAndGet();
            if (n == 1 || Integer.bitCount((int) Math.min(n, Integer.MAX_VALUE)) == 1)
                LOG.warn("process {} does not read its input: {} line(s) dropped", key.name(), n);
        }
    }

    /** Closes stdin after what is queued, then SIGTERM and, after a grace period, SIGKILL (api.md §1.5). */
    void stop(ProcessKey key) {
        Running r = running.remove(key);
        if (r == null) return;
        r.closing = true;
        r.out.offer(CLOSE);
        stopping.put(key, r);
        Thread.ofPlatform().daemon().name("stop-" + key).start(() -> {
            terminate(r, 200);
            stopping.remove(key);
        });
    }

    /**
     * Ends every program before the daemon exits: what was queued for them (the shutdown notice) is written first, then
     * each gets SIGTERM, and SIGKILL if still there after two seconds. Nothing is left behind.
     */
    void stopAll(long graceMillis) {
        for (ProcessKey key : new ArrayList<>(running.keySet())) stop(key);
        List<Running> all = new ArrayList<>(stopping.values());
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(graceMillis);
        for (Running r : all) {
            Thread w = r.writer;
            long left = deadline - System.nanoTime();
            try {
                if (w != null && left > 0) w.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        // ExaBGP gives programs 0.1 s to leave by themselves after the notice (api.md §1.5)
        long exitBy = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        for (Running r : all) {
            try {
                long left = exitBy - System.nanoTime();
                if (left > 0) r.process.waitFor(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (Running r : all) r.process.destroy();
        for (Running r : all) {
            try {
                if (!r.process.waitFor(2, TimeUnit.SECONDS)) r.process.destroyForcibly().waitFor(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                r.process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        stopping.clear();
    }

    /** Waits for the writer to finish, lets the program leave by itself for a moment, then TERM and KILL. */
    private static void terminate(Running r, long exitMillis) {
        try {
            Thread w = r.writer;
            if (w != null) w.join(1000);
            if (!r.process.waitFor(exitMillis, TimeUnit.MILLISECONDS)) {
                r.process.destroy();
                if (!r.process.waitFor(2, TimeUnit.SECONDS)) r.process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            r.process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void read(ProcessKey key, Running r) {
        InputStream in = r.process.getInputStream();
        byte[] buf = new byte[65536];
        byte[] partial = new byte[0];
        int partialLen = 0;
        try {
            int n;
            while ((n = in.read(buf)) > 0) {
                List<String> lines = new ArrayList<>();
                int start = 0;
                for (int i = 0; i < n; i++) {
                    if (buf[i] != '\n') continue;
                    String line;
                    if (partialLen > 0) {
                        byte[] joined = new byte[partialLen + i - start];
                        System.arraycopy(partial, 0, joined, 0, partialLen);
                        System.arraycopy(buf, start, joined, partialLen, i - start);
                        line = new String(joined, StandardCharsets.UTF_8);
                        partialLen = 0;
                    } else {
                        line = new String(buf, start, i - start, StandardCharsets.UTF_8);
                    }
                    lines.add(line);
                    start = i + 1;
                }
                if (start < n) {
                    int rest = n - start;
                    if (partialLen + rest > MAX_LINE) {
                        lines.add("\u0000line too long");
                        partialLen = 0;
                    } else {
                        if (partial.length < partialLen + rest)
                            partial = java.util.Arrays.copyOf(partial, Math.max(partial.length * 2, partialLen + rest));
                        System.arraycopy(buf, start, partial, partialLen, rest);
                        partialLen += rest;
                    }
                }
                if (!lines.isEmpty()) inbox.add(new Input.Lines(key, lines));
            }
        } catch (IOException e) {
            LOG.debug("process {} output closed: {}", key.name(), e.getMessage());
        }
        int code;
        try {
            code = r.process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            code = -1;
        }
        inbox.add(new Input.ProcessExited(key, code));
    }

    private void write(ProcessKey key, Running r) {
        OutputStream out = r.process.getOutputStream();
        try {
            while (true) {
                byte[] line = r.out.take();
                if (line == CLOSE) break;
                out.write(line);
                // Batch: flush only when nothing else is waiting, so bursts cost one syscall.
                byte[] next;
                while ((next = r.out.poll()) != null) {
                    if (next == CLOSE) {
                        out.flush();
                        out.close();
                        return;
                    }
                    out.write(next);
                }
                out.flush();
            }
            out.close();
        } catch (IOException e) {
            LOG.debug("process {} input closed: {}", key.name(), e.getMessage());
            r.closing = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void stderr(ProcessKey key, InputStream err) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(err, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) LOG.warn("{} stderr: {}", key.name(), line);
        } catch (IOException e) {
            LOG.debug("process {} stderr closed", key.name());
        }
    }
}
