package org.jexabgp.functional;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One scenario split in two for debugging by hand: {@code --server} runs only the fake peer on a fixed port and says
 * how to start the daemon; {@code --client} runs only the daemon against it, its output on the terminal.
 */
final class Debug {
    private Debug() {}

    static int server(Scenario s, Harness harness, int port, PrintStream out) throws Exception {
        ScenarioRun run = new ScenarioRun(harness, new Reaper());
        Path dir = run.prepare(s, Engine.SELECTOR);
        try (Transcript transcript = new Transcript(dir.resolve("peer.log"), out, "");
                FakePeer peer = new FakePeer(s.expectations(), port, name -> out.println(
                        "ACTION: send signal " + name + " to the daemon now (kill -s " + name + " PID)"), transcript)) {
            List<String> command = new ArrayList<>(harness.daemon());
            command.add(dir.resolve("exabgp.conf").toString());
            Map<String, String> env = ScenarioRun.environment(s, Engine.SELECTOR, peer.port(), dir);
            out.println("fake peer for " + s.name() + " listening on " + peer.address() + " port " + peer.port());
            out.println("start the daemon in another terminal with:");
            out.println("  bin/exabgp-functional --client " + s.name() + " --port " + peer.port());
            out.println("or by hand (exabgp_reactor_asyncio=true for the virtual-thread engine):");
            out.println(ScenarioRun.commandScript(command, env, dir).indent(2));
            FakePeer.State state = peer.await(Long.MAX_VALUE);
            out.println(state == FakePeer.State.PASSED ? "PASS" : "FAIL\n" + peer.report());
            return state == FakePeer.State.PASSED ? 0 : 1;
        }
    }

    static int client(Scenario s, Harness harness, Reaper reaper, int port, Engine engine, PrintStream out)
            throws Exception {
        ScenarioRun run = new ScenarioRun(harness, reaper);
        Path dir = run.prepare(s, engine);
        List<String> command = new ArrayList<>(harness.daemon());
        command.add(dir.resolve("exabgp.conf").toString());
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).inheritIO();
        builder.environment().keySet().removeIf(k -> k.toLowerCase(Locale.ROOT).startsWith("exabgp"));
        builder.environment().putAll(ScenarioRun.environment(s, engine, port, dir));
        builder.environment().putIfAbsent("exabgp_log_level", "DEBUG");
        out.println("daemon for " + s.name() + " (" + engine.label() + ") against port " + port + ", in " + dir);
        Process p = builder.start();
        reaper.track(p.toHandle());
        int code = p.waitFor();
        reaper.killAll();
        out.println("daemon exited with " + code + "; API logs: " + dir + "/*.log");
        return code;
    }
}
