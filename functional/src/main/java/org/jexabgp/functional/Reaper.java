package org.jexabgp.functional;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Every process a run started (daemons, their API programs): killed when its test ends and, through a shutdown hook,
 * when the harness itself is stopped (Ctrl-C, an IDE's stop button, a Failsafe timeout). Stale daemons from an earlier
 * run are a classic source of false failures.
 */
public final class Reaper {
    private final Set<ProcessHandle> live = ConcurrentHashMap.newKeySet();

    /** A reaper whose processes are also killed when the JVM exits. */
    public static Reaper withShutdownHook() {
        Reaper r = new Reaper();
        Runtime.getRuntime().addShutdownHook(new Thread(r::killAll, "functional-reaper"));
        return r;
    }

    public void track(ProcessHandle p) {
        live.add(p);
    }

    /** Records the process's descendants now (API programs may be orphaned if the daemon dies first). */
    public void trackTree(ProcessHandle p) {
        live.add(p);
        p.descendants().forEach(live::add);
    }

    /** Kills the processes, children first, and waits (bounded) for them to be gone. */
    public void kill(List<ProcessHandle> processes) {
        for (ProcessHandle p : processes.reversed()) p.destroyForcibly();
        for (ProcessHandle p : processes) {
            p.onExit().completeOnTimeout(p, 5, TimeUnit.SECONDS).join();
            live.remove(p);
        }
    }

    public void killAll() {
        List<ProcessHandle> all = new ArrayList<>();
        for (ProcessHandle p : List.copyOf(live)) {
            all.add(p);
            p.descendants().forEach(all::add);
        }
        kill(all);
    }
}
