package org.jexabgp.functional;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One scenario in one engine: copies the scenario into its own directory, writes the {@code NAME.run} wrappers for its
 * API scripts, opens the fake peer, starts the daemon and waits (bounded) for the verdict; then checks that the daemon
 * leaves by itself once the peer has closed, and kills whatever is left.
 */
public final class ScenarioRun {
    private final Harness harness;
    private final Reaper reaper;

    public ScenarioRun(Harness harness, Reaper reaper) {
        this.harness = harness;
        this.reaper = reaper;
    }

    /** The directory a scenario runs in, recreated empty with a copy of the scenario's files. */
    Path prepare(Scenario s, Engine engine) throws IOException {
        Path dir = harness.work().resolve(s.name()).resolve(engine.label()).toAbsolutePath();
        if (Files.exists(dir)) {
            try (Stream<Path> old = Files.walk(dir)) {
                for (Path p : old.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
            }
        }
        Files.createDirectories(dir);
        try (Stream<Path> files = Files.list(s.dir())) {
            for (Path p : files.toList()) if (Files.isRegularFile(p)) Files.copy(p, dir.resolve(p.getFileName()));
        }
        for (String api : s.apis()) {
            // the configuration says `run ./NAME.run;`, resolved against its own directory as ExaBGP does
            Path run = dir.resolve(api + ".run");
            List<String> argv = new ArrayList<>();
            argv.add(Harness.java());
            argv.addAll(Harness.SMALL_JVM);
            argv.addAll(List.of("-Xmx32m", "-cp", Harness.driverClassPath(), ApiDriver.class.getName(),
                    dir.resolve(api + ".api").toString(), dir.resolve(api + ".log").toString()));
            StringBuilder sh = new StringBuilder("#!/bin/sh\n# API program for ").append(api).append(".api\nexec");
            for (String a : argv) sh.append(' ').append(quote(a));
            Files.writeString(run, sh.append('\n').toString());
            Files.setPosixFilePermissions(run, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return dir;
    }

    static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    /** The daemon's environment for a scenario (what the runner adds to a clean copy of ours). */
    static Map<String, String> environment(Scenario s, Engine engine, int port, Path dir) {
        Map<String, String> e = new LinkedHashMap<>();
        e.put("EXABGP_ROOT", dir.toString());
        // HotSpot suspends threads with SIGUSR2; move that so USR2 reaches the daemon (as bin/exabgp does)
        e.put("_JAVA_SR_SIGNUM", "40");
        e.put("exabgp_api_cli", "false");
        e.put("exabgp_tcp_bind", "");
        e.put("exabgp_tcp_port", String.valueOf(port));
        e.put("exabgp_tcp_connections", String.valueOf(s.expectations().options().connections()));
        e.put("exabgp_reactor_asyncio", String.valueOf(engine.asyncio()));
        e.put("exabgp_debug_configuration", "true");
        // started as root the daemon drops to daemon.user (nobody by default, runtime.md): the API programs must
        // still write their logs into the scenario's directory
        e.put("exabgp_daemon_user", System.getProperty("user.name"));
        // software-version capability (RFC draft-ietf-idr-software-version): a fixed text, so expected bytes are stable
        e.put("exabgp_version", "5.0.0-functional");
        e.putAll(s.env());
        return e;
    }

    /** The command and environment as a shell script, to re-run the daemon by hand. */
    static String commandScript(List<String> command, Map<String, String> env, Path dir) {
        StringBuilder sh = new StringBuilder("#!/bin/sh\ncd ").append(quote(dir.toString())).append('\n');
        env.forEach((k, v) -> sh.append("export ").append(k).append('=').append(quote(v)).append('\n'));
        sh.append("exec");
        for (String a : command) sh.append(' ').append(quote(a));
        return sh.append('\n').toString();
    }

    public Outcome run(Scenario s, Engine engine) {
        long start = System.nanoTime();
        Path dir = harness.work().resolve(s.name()).resolve(engine.label()).toAbsolutePath();
        try {
            dir = prepare(s, engine);
            return attempt(s, engine, dir, start);
        } catch (IOException | RuntimeException e) {
            return new Outcome(s.name(), engine, Outcome.Status.FAIL, seconds(start), "harness error: " + e, dir);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(s.name(), engine, Outcome.Status.FAIL, seconds(start), "interrupted", dir);
        }
    }

    private Outcome attempt(Scenario s, Engine engine, Path dir, long start) throws IOException, InterruptedException {
        Process[] daemon = new Process[1];
        String prefix = harness.echo() == null ? "" : s.name() + "/" + engine.label() + " ";
        try (Transcript transcript = new Transcript(dir.resolve("peer.log"), harness.echo(), prefix);
                FakePeer peer = new FakePeer(s.expectations(), 0, name -> signal(daemon[0], name), transcript)) {
            List<String> command = new ArrayList<>(harness.daemon());
            command.add(dir.resolve("exabgp.conf").toString());
            Map<String, String> env = environment(s, engine, peer.port(), dir);
            Files.writeString(dir.resolve("command.sh"), commandScript(command, env, dir));
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
            builder.environment().keySet().removeIf(k -> k.toLowerCase(Locale.ROOT).startsWith("exabgp"));
            builder.environment().putAll(env);
            builder.redirectOutput(dir.resolve("daemon.stdout").toFile());
            builder.redirectError(dir.resolve("daemon.stderr").toFile());
            builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            Process p = builder.start();
            daemon[0] = p;
            reaper.track(p.toHandle());
            try {
                return judge(s, engine, dir, start, peer, p);
            } finally {
                reaper.trackTree(p.toHandle());
                List<ProcessHandle> all = new ArrayList<>();
                all.add(p.toHandle());
                p.descendants().forEach(all::add);
                for (long pid : apiPids(dir)) ProcessHandle.of(pid).ifPresent(all::add);
                reaper.kill(all);
            }
        }
    }

    private Outcome judge(Scenario s, Engine engine, Path dir, long start, FakePeer peer, Process p)
            throws InterruptedException {
        long deadline = start + (long) (harness.timeoutSeconds() * 1e9);
        FakePeer.State state;
        while (true) {
            // short slices: the daemon's exit is noticed as well as the peer's verdict
            state = peer.await(Math.min(deadline, System.nanoTime() + 100_000_000L));
            reaper.trackTree(p.toHandle());
            if (state != FakePeer.State.RUNNING || !p.isAlive() || System.nanoTime() >= deadline) break;
        }
        if (state == FakePeer.State.RUNNING && !p.isAlive()) {
            // the daemon left: read what was still in flight on the sessions, then judge
            peer.drain(2000);
            state = peer.state();
            if (state == FakePeer.State.RUNNING) {
                return fail(s, engine, dir, start, Outcome.Status.FAIL, "the daemon exited (code " + p.exitValue()
                        + ") before the test completed: " + peer.waitingFor() + "\n" + tail(dir.resolve("daemon.stderr"))
                        + tail(dir.resolve("daemon.stdout")));
            }
        }
        if (state == FakePeer.State.RUNNING)
            return fail(s, engine, dir, start, Outcome.Status.TIMEOUT,
                    "no verdict after " + harness.timeoutSeconds() + " s: " + peer.waitingFor());
        if (state == FakePeer.State.FAILED) return fail(s, engine, dir, start, Outcome.Status.FAIL, peer.report());
        // passed: the peer goes away; with its connections used up the daemon must leave by itself
        peer.close();
        if (!p.waitFor((long) (harness.exitSeconds() * 1000), java.util.concurrent.TimeUnit.MILLISECONDS))
            return fail(s, engine, dir, start, Outcome.Status.FAIL,
                    "the daemon did not exit within " + harness.exitSeconds() + " s after the peer closed");
        // its API programs get their input closed by the daemon; their failures are the test's
        awaitExit(apiPids(dir));
        List<String> apiFailures = apiFailures(s, dir);
        if (!apiFailures.isEmpty())
            return fail(s, engine, dir, start, Outcome.Status.FAIL, "API script: " + String.join("\n", apiFailures));
        if (peer.state() == FakePeer.State.FAILED)
            return fail(s, engine, dir, start, Outcome.Status.FAIL, peer.report());
        return new Outcome(s.name(), engine, Outcome.Status.PASS, seconds(start), "", dir);
    }

    private static void awaitExit(List<Long> pids) {
        for (long pid : pids)
            ProcessHandle.of(pid).ifPresent(h -> h.onExit().completeOnTimeout(h, 3, java.util.concurrent.TimeUnit.SECONDS)
                    .join());
    }

    private Outcome fail(Scenario s, Engine engine, Path dir, long start, Outcome.Status status, String why) {
        List<String> api = apiFailures(s, dir);
        String detail = api.isEmpty() ? why : why + "\nAPI script: " + String.join("\n", api);
        return new Outcome(s.name(), engine, status, seconds(start), detail.strip(), dir);
    }

    /** {@code FAIL line N: …} lines the API drivers logged. */
    private static List<String> apiFailures(Scenario s, Path dir) {
        List<String> out = new ArrayList<>();
        for (String api : s.apis())
            for (String l : lines(dir.resolve(api + ".log")))
                if (l.contains(" FAIL ")) out.add(api + ".api " + l.substring(l.indexOf("FAIL ") + 5));
        return out;
    }

    private static List<Long> apiPids(Path dir) {
        List<Long> pids = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".log")).toList())
                for (String l : lines(f)) {
                    String[] w = l.strip().split("\\s+");
                    if (w.length == 3 && w[1].equals("pid")) pids.add(Long.parseLong(w[2]));
                }
        } catch (IOException | NumberFormatException e) {
            // no pids to add
        }
        return pids;
    }

    private static List<String> lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The last lines of a log, for reports. */
    static String tail(Path file) {
        List<String> l = lines(file);
        if (l.isEmpty()) return "";
        List<String> last = l.subList(Math.max(0, l.size() - 12), l.size());
        return "--- " + file.getFileName() + " (last lines) ---\n" + String.join("\n", last) + "\n";
    }

    private static void signal(Process p, String name) {
        if (p == null) return;
        try {
            Process kill = new ProcessBuilder("kill", "-s", name, String.valueOf(p.pid())).redirectErrorStream(true)
                    .start();
            kill.waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
