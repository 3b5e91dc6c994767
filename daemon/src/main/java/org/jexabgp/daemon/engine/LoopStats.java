package org.jexabgp.daemon.engine;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counters the engine keeps for the metrics endpoint (issue 7): the loop's turns and, per API program name (across
 * respawns), its commands, the lines written to it, the lines it lost by not reading, and its starts. Plain fields,
 * touched by the loop thread only (the endpoint reads them in a task run on the loop): an increment, no lock.
 */
final class LoopStats {
    /** Upper bounds (seconds) of the turn-time histogram's buckets. */
    static final double[] TURN_BUCKETS = {0.0001, 0.001, 0.01, 0.1, 1.0};

    long turnNanos;
    /** Counts per bucket of {@link #TURN_BUCKETS}, the last one for longer turns (not cumulative). */
    final long[] turnBuckets = new long[TURN_BUCKETS.length + 1];
    final Map<String, Program> programs = new LinkedHashMap<>();

    static final class Program {
        long commands;
        long lines;
        long dropped;
        long starts;
    }

    /** One turn of the reactor ran from {@code start} to {@code end} (System.nanoTime()). */
    void turned(long start, long end) {
        long nanos = Math.max(0, end - start);
        turnNanos += nanos;
        int i = 0;
        while (i < TURN_BUCKETS.length && nanos > TURN_BUCKETS[i] * 1e9) i++;
        turnBuckets[i]++;
    }

    Program program(String name) {
        return programs.computeIfAbsent(name, n -> new Program());
    }
}
