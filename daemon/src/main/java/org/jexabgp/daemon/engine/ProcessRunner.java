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
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
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
    /**
     * Bytes queued for one program before its events and answers are dropped (ExaBGP would block here, api.md §1.4).
     * Counted in bytes, each line costing its length plus {@link #LINE_OVERHEAD}, so neither a few huge lines nor a
     * flood of tiny ones can grow the heap past it.
     */
    static final long QUEUE_BYTES = 32L << 20;
    /** What a queued line costs beyond its bytes (array header, queue node): bounds floods of short lines. */
    private static final int LINE_OVERHEAD = 48;
    /** A line longer than this is not a command (ARCHITECTURE §8): it is answered error and skipped to its newline. */
    static final int MAX_LINE = 1 << 20;
    /**
     * Characters of a program's commands read but not yet executed by the reactor. Above this the reader stops reading
     * (the pipe fills, the program blocks in write) until the reactor catches up: memory stays bounded however fast a
     * program writes, and other programs and peers keep their turns.
     */
    static final long READ_AHEAD_CHARS = 8L << 20;

    private final Inbox inbox;
    private final Map<ProcessKey, Running> running = new ConcurrentHashMap<>();
    /** Loop-thread counters for the metrics endpoint: start, send and drops happen on the loop thread. */
    private final LoopStats stats;

    ProcessRunner(Inbox inbox, LoopStats stats) {
        this.inbox = inbox;
        this.stats = stats;
    }

    private static final class Running {
        final Process process;
        final BlockingQueue<byte[]> out = new LinkedBlockingQueue<>();
        final AtomicLong queuedBytes = new AtomicLong();
        final AtomicLong dropped = new AtomicLong();
        /** Command characters handed to the loop and not yet executed (see {@link #READ_AHEAD_CHARS}). */
        final AtomicLong unexecuted = new AtomicLong();
        final ReentrantLock lock = new ReentrantLock();
        final Condition credit = lock.newCondition();
        volatile boolean closing;
        @org.jspecify.annotations.Nullable Thread writer;

        Running(Process process) {
            this.process = process;
        }
    }

    /** Bytes queued for each running program, by name, for the metrics endpoint. */
    Map<String, Long> queuedBytes() {
        Map<String, Long> out = new java.util.TreeMap<>();
        running.forEach((k, r) -> out.merge(k.name(), r.queuedBytes.get(), Long::sum));
        return out;
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

    /** Internal processes the engine runs itself (the CLI socket and named pipes), by key. */
    private final Map<ProcessKey, ControlChannel> channels = new ConcurrentHashMap<>();

    /**
     * Readies the JDK's process machinery on another thread while the daemon reads its configuration, as the privilege
     * drop's C calls are linked (DaemonMode): the first program then forks in a few milliseconds. Its set-up came with
     * the first fork, on the loop thread: the logger ProcessBuilder asks for (a service lookup through the jar), the
     * environment's copy, the process classes' native set-up (issue 9: 15-20 ms of a start with programs).
     */
    static void prepare() {
        Thread.ofPlatform().daemon().name("process-setup").start(() -> {
            try {
                System.getLogger(ProcessBuilder.class.getName()).isLoggable(System.Logger.Level.DEBUG);
                new ProcessBuilder().environment();
                Class.forName("java.lang.ProcessImpl", true, null);
                ProcessHandle.current();
            } catch (ClassNotFoundException | RuntimeException e) {
                LOG.debug("process set-up ahead of the first program: {}", e.toString());
            }
        });
    }

    void start(ProcessKey key, List<String> command, Map<String, String> extraEnvironment) {
        stats.program(key.name()).starts++;
        // no process: a transport that speaks for one (api.md §1.6); without it the daemon runs on, CLI-less
        if (command.size() == 2 && command.getFirst().equals(ControlSocket.COMMAND)) {
            ControlSocket socket = ControlSocket.open(key, java.nio.file.Path.of(command.get(1)), inbox);
            if (socket != null) channels.put(key, socket);
            return;
        }
        if (command.size() == 3 && command.getFirst().equals(ControlPipes.COMMAND)) {
            ControlPipes pipes = ControlPipes.open(key, java.nio.file.Path.of(command.get(1)),
                    java.nio.file.Path.of(command.get(2)), inbox);
            if (pipes != null) channels.put(key, pipes);
            return;
        }
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

    /** Queues lines (count of them); never blocks. A program that does not read loses events, not the daemon. */
    void send(ProcessKey key, byte[] line, int lines) {
        LoopStats.Program counted = stats.program(key.name());
        counted.lines += lines;
        ControlChannel channel = channels.get(key);
        if (channel != null) {
            channel.send(line);
            return;
        }
        Running r = running.get(key);
        if (r == null || r.closing) return;
        long cost = line.length + LINE_OVERHEAD;
        if (r.queuedBytes.addAndGet(cost) > QUEUE_BYTES) {
            r.queuedBytes.addAndGet(-cost);
            counted.dropped += lines;
            long n = r.dropped.addAndGet(lines);
            if (Long.highestOneBit(n) != Long.highestOneBit(n - lines)) // the count reached 1, 2, 4, 8 …
                LOG.warn("process {} does not read its input: {} line(s) dropped", key.name(), n);
            return;
        }
        r.out.add(line);
    }

    /** The reactor executed commands of this program: its reader may read further. */
    void taken(ProcessKey key, long chars) {
        Running r = running.get(key);
        if (r == null) r = stopping.get(key);
        if (r == null) return;
        r.unexecuted.addAndGet(-chars);
        r.lock.lock();
        try {
            r.credit.signalAll();
        } finally {
            r.lock.unlock();
        }
    }

    /** Hands lines to the loop, then waits while too much of this program's output is still unexecuted. */
    private void deliver(ProcessKey key, Running r, List<String> lines) throws InterruptedException {
        long chars = 0;
        for (String l : lines) chars += l.length() + 1;
        r.unexecuted.addAndGet(chars);
        inbox.add(new Input.Lines(key, lines));
        r.lock.lock();
        try {
            while (r.unexecuted.get() > READ_AHEAD_CHARS && !r.closing && running.get(key) == r)
                r.credit.await(100, TimeUnit.MILLISECONDS);
        } finally {
            r.lock.unlock();
        }
    }

    /** Closes stdin after what is queued, then SIGTERM and, after a grace period, SIGKILL (api.md §1.5). */
    void stop(ProcessKey key) {
        ControlChannel channel = channels.remove(key);
        if (channel != null) channel.close();
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
        for (ProcessKey key : new ArrayList<>(channels.keySet())) stop(key);
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
        LineSplitter splitter = new LineSplitter(MAX_LINE);
        try {
            int n;
            while ((n = in.read(buf)) > 0) {
                List<String> lines = splitter.feed(buf, n);
                if (!lines.isEmpty()) deliver(key, r, lines);
            }
        } catch (IOException e) {
            LOG.debug("process {} output closed: {}", key.name(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int code;
        try {
            code = r.process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            code = -1;
        }
        // the program is gone: end its writer, which may be waiting for a line that will never come
        r.closing = true;
        r.out.offer(CLOSE);
        inbox.add(new Input.ProcessExited(key, code));
    }

    private void write(ProcessKey key, Running r) {
        OutputStream out = r.process.getOutputStream();
        try {
            while (true) {
                byte[] line = r.out.take();
                if (line == CLOSE) break;
                r.queuedBytes.addAndGet(-(line.length + LINE_OVERHEAD));
                out.write(line);
                // Batch: flush only when nothing else is waiting, so bursts cost one syscall.
                byte[] next;
                while ((next = r.out.poll()) != null) {
                    if (next == CLOSE) {
                        out.flush();
                        out.close();
                        return;
                    }
                    r.queuedBytes.addAndGet(-(next.length + LINE_OVERHEAD));
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
