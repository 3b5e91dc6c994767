package org.jexabgp.reactor;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jexabgp.core.model.ApiProcess;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process table: one entry per configured API program, in configuration order. Holds each program's queued command
 * lines, ACK mode, respawn history and the lines to write at the end of the turn. Loop thread only.
 */
final class Processes {
    private static final Logger LOG = LoggerFactory.getLogger("exabgp.processes");
    /** ExaBGP gives up on a program that died more than 5 times within a ~64 s window (api.md §1.5). */
    private static final int MAX_RESPAWNS = 5;
    private static final long RESPAWN_WINDOW_NANOS = 64_000_000_000L;

    static final class Entry {
        final ApiProcess spec;
        @Nullable ProcessKey key;
        int generation;
        boolean ack;
        /** The CLI's connection may address every neighbour (api.md §1.6), as ExaBGP's internal CLI process. */
        boolean everyNeighbor;
        /** Run by the engine itself (the CLI socket): never in the configuration, kept across reloads. */
        boolean internal;
        final ArrayDeque<String> lines = new ArrayDeque<>();
        final List<byte[]> outbox = new ArrayList<>();
        final ArrayDeque<Long> deaths = new ArrayDeque<>();

        Entry(ApiProcess spec, boolean ack) {
            this.spec = spec;
            this.ack = ack;
        }

        boolean json() {
            return spec.encoder() == ApiProcess.Encoder.JSON;
        }
    }

    private final Map<String, Entry> byName = new LinkedHashMap<>();
    private final boolean ackDefault;
    private final boolean respawnAllowed;
    private final Map<String, String> environment;
    /** {@code api.terminate}: a program that ends and is not started again stops the daemon (exit code 1). */
    private boolean terminateWhenLost;

    Processes(List<ApiProcess> specs, boolean ackDefault, boolean respawnAllowed, Map<String, String> environment) {
        this.ackDefault = ackDefault;
        this.respawnAllowed = respawnAllowed;
        this.environment = Map.copyOf(environment);
        for (ApiProcess p : specs) byName.put(p.name(), new Entry(p, ackDefault));
    }

    Iterable<Entry> all() {
        return byName.values();
    }

    @Nullable Entry get(String name) {
        return byName.get(name);
    }

    @Nullable Entry get(ProcessKey key) {
        Entry e = byName.get(key.name());
        return e != null && key.equals(e.key) ? e : null;
    }

    void terminateWhenLost(boolean terminate) {
        this.terminateWhenLost = terminate;
    }

    /** The daemon's own channels (the CLI's socket and pipes): opened before the privilege drop (runtime.md §5.1). */
    void startControlChannels(Io io) {
        for (Entry e : byName.values()) if (e.internal) start(io, e);
    }

    /** The configured programs. */
    void startPrograms(Io io) {
        for (Entry e : byName.values()) if (!e.internal) start(io, e);
    }

    private void start(Io io, Entry e) {
        e.generation++;
        e.key = new ProcessKey(e.spec.name(), e.generation);
        e.ack = ackDefault || e.internal;
        e.lines.clear();
        io.startProcess(e.key, e.spec.run(), environment);
    }

    void stop(Io io, Entry e) {
        if (e.key != null) io.stopProcess(e.key);
        e.key = null;
    }

    /**
     * A program ended. Returns false when the daemon must shut down (respawned too often); respawns it when allowed.
     */
    boolean exited(Io io, ProcessKey key, int code, long now, boolean shuttingDown) {
        Entry e = get(key);
        if (e == null) return true;
        e.key = null;
        if (shuttingDown) return true;
        LOG.warn("process {} exited with code {}", key.name(), code);
        if (!respawnAllowed || !e.spec.respawn()) {
            // ExaBGP meant api.terminate to stop the daemon here (its call to api_shutdown() crashes, api.md §1.5)
            if (terminateWhenLost && !e.internal) {
                LOG.error("ExaBGP lost the helper process {} and api.terminate is set - stopping", key.name());
                return false;
            }
            return true;
        }
        while (!e.deaths.isEmpty() && now - e.deaths.peekFirst() > RESPAWN_WINDOW_NANOS) e.deaths.pollFirst();
        e.deaths.addLast(now);
        if (e.deaths.size() > MAX_RESPAWNS) {
            LOG.error("Too many death for {} ({}) terminating program", key.name(), MAX_RESPAWNS);
            return false;
        }
        start(io, e);
        return true;
    }

    /**
     * Adds the daemon's own control channel (the CLI socket, api.md §1.6): a process the engine runs itself, which may
     * address every neighbour and outlives reloads. ACK is always on for it (ExaBGP's bridge sends enable-ack).
     */
    void addInternal(ApiProcess spec) {
        Entry e = new Entry(spec, true);
        e.everyNeighbor = true;
        e.internal = true;
        byName.put(spec.name(), e);
    }

    /** Replaces the table after a reload: programs that stay keep running (and restart when asked). */
    void reconfigure(Io io, List<ApiProcess> specs, boolean restartKept) {
        Map<String, Entry> next = new LinkedHashMap<>();
        for (Entry e : byName.values()) if (e.internal) next.put(e.spec.name(), e);
        byName.values().removeIf(e -> e.internal);
        for (ApiProcess p : specs) {
            Entry old = byName.remove(p.name());
            if (old != null && old.spec.equals(p) && !restartKept) {
                next.put(p.name(), old);
                continue;
            }
            if (old != null) stop(io, old);
            Entry fresh = new Entry(p, ackDefault);
            next.put(p.name(), fresh);
            start(io, fresh);
        }
        for (Entry removed : byName.values()) stop(io, removed);
        byName.clear();
        byName.putAll(next);
    }

    /** Queues a line (without newline) for the program; written when the turn ends. */
    void write(Entry e, String line) {
        if (e.key == null) return;
        // the answers, one per command: shared bytes (nobody writes into a queued line)
        byte[] bytes = switch (line) {
            case "done" -> DONE;
            case "error" -> ERROR;
            default -> (line + "\n").getBytes(StandardCharsets.UTF_8);
        };
        e.outbox.add(bytes);
    }

    private static final byte[] DONE = "done\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ERROR = "error\n".getBytes(StandardCharsets.US_ASCII);

    void write(Entry e, byte[] lineWithNewline) {
        if (e.key == null) return;
        e.outbox.add(lineWithNewline);
    }

    /**
     * The last step of a turn: every queued line goes to its program, in order, joined into one write per program
     * (a burst of commands is answered by as many {@code done}s: one hand-over to the writer, not one each).
     */
    void flush(Io io) {
        for (Entry e : byName.values()) {
            if (e.outbox.isEmpty()) continue;
            if (e.key != null)
                io.toProcess(e.key, e.outbox.size() == 1 ? e.outbox.getFirst() : joined(e.outbox), lines(e));
            e.outbox.clear();
        }
    }

    /**
     * The lines queued for a program: one per item for JSON (an event is one line, JSON escapes newlines), counted for
     * text, where an UPDATE event is several lines (issue 9: counting every byte of JSON was 5% of the receive
     * profile).
     */
    private static int lines(Entry e) {
        if (e.json()) return e.outbox.size();
        int n = 0;
        for (byte[] item : e.outbox) for (byte b : item) if (b == '\n') n++;
        return Math.max(n, 1);
    }

    private static byte[] joined(List<byte[]> lines) {
        int size = 0;
        for (byte[] line : lines) size += line.length;
        byte[] all = new byte[size];
        int at = 0;
        for (byte[] line : lines) {
            System.arraycopy(line, 0, all, at, line.length);
            at += line.length;
        }
        return all;
    }
}
