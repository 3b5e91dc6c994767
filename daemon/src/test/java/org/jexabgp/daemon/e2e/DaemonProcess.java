package org.jexabgp.daemon.e2e;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real daemon in its own JVM ({@code java -jar exabgp.jar …}), so exit codes and signals are the operating
 * system's. Output goes to files in the test's directory (a full pipe could otherwise stall the daemon).
 */
final class DaemonProcess implements AutoCloseable {
    /** What a finished command printed. */
    record Finished(int exit, String stdout, String stderr) {}

    private final Process process;
    private final Path stdout;
    private final Path stderr;
    /** Programs seen running under the daemon: killed in close() even if the daemon left them orphaned. */
    private final java.util.Set<ProcessHandle> programs = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private DaemonProcess(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /**
     * The shaded jar: {@code -Djexabgp.jar=…} (set by Failsafe), else {@code exabgp.jar} next to the test classes
     * (both live in the module's build directory).
     */
    static Path jar() {
        String configured = System.getProperty("jexabgp.jar");
        Path jar;
        if (configured != null && !configured.isBlank()) jar = Path.of(configured);
        else {
            try {
                Path classes = Path.of(DaemonProcess.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                jar = classes.getParent().resolve("exabgp.jar");
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        if (!Files.isRegularFile(jar))
            throw new IllegalStateException(jar + " is missing: run the package phase first (./mvnw verify)");
        return jar;
    }

    /**
     * Starts {@code exabgp ARGS} with a clean environment: none of the caller's {@code exabgp*} settings leak in,
     * EXABGP_ROOT is the test directory (so no stray exabgp.env is read), the CLI bridge is off, nothing listens.
     */
    static DaemonProcess start(Path dir, Map<String, String> env, List<String> args) throws IOException {
        return start(dir, env, List.of(), args);
    }

    /** As {@link #start(Path, Map, List)}, the JVM started by a wrapper command (setpriv …). */
    static DaemonProcess start(Path dir, Map<String, String> env, List<String> wrapper, List<String> args)
            throws IOException {
        List<String> command = new ArrayList<>(wrapper);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // short-lived daemons: start fast, stay small
        command.addAll(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-Xmx128m"));
        // the privilege drop's JNI library, as bin/exabgp names it (set by Failsafe)
        String library = System.getProperty("jexabgp.native");
        if (library != null && !library.isBlank()) command.add("-Djexabgp.native=" + library);
        command.addAll(List.of("-jar", jar().toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        Map<String, String> e = builder.environment();
        e.keySet().removeIf(k -> k.toLowerCase(java.util.Locale.ROOT).startsWith("exabgp"));
        e.put("EXABGP_ROOT", dir.toString());
        // HotSpot uses SIGUSR2 to suspend threads; move it so SIGUSR2 can reach the daemon (as bin/exabgp does)
        e.put("_JAVA_SR_SIGNUM", "40");
        e.put("exabgp_api_cli", "false");
        e.put("exabgp_tcp_bind", "");
        // started as root, the daemon drops to daemon.user (nobody): the tests' programs and files are the tester's
        e.put("exabgp_daemon_user", System.getProperty("user.name"));
        e.putAll(env);
        int n = 0;
        while (Files.exists(dir.resolve("daemon-" + n + ".out"))) n++;
        Path out = dir.resolve("daemon-" + n + ".out");
        Path err = dir.resolve("daemon-" + n + ".err");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        return new DaemonProcess(builder.start(), out, err);
    }

    /** Runs a command to its end (decode, validate …); fails when it takes longer than the timeout. */
    static Finished run(Path dir, Map<String, String> env, Duration timeout, String... args) throws Exception {
        try (DaemonProcess d = start(dir, env, List.of(args))) {
            int code = d.awaitExit(timeout);
            return new Finished(code, d.stdout(), d.stderr());
        }
    }

    /** The environment for a server run: the engine, the destination port, a limited number of connections. */
    static Map<String, String> server(boolean asyncio, int peerPort, int connections) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("exabgp_reactor_asyncio", String.valueOf(asyncio));
        env.put("exabgp_tcp_port", String.valueOf(peerPort));
        env.put("exabgp_tcp_connections", String.valueOf(connections));
        return env;
    }

    long pid() {
        return process.pid();
    }

    /** The programs the daemon started (its child processes). */
    List<ProcessHandle> programs() {
        List<ProcessHandle> now = process.descendants().toList();
        programs.addAll(now);
        return now;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Sends a signal by name (TERM, USR1 …) with kill(1), as an operator would. */
    void signal(String name) throws IOException, InterruptedException {
        programs();
        Process kill = new ProcessBuilder("kill", "-s", name, String.valueOf(pid())).redirectErrorStream(true).start();
        if (!kill.waitFor(5, TimeUnit.SECONDS) || kill.exitValue() != 0)
            throw new AssertionError("kill -s " + name + " " + pid() + " failed: "
                    + new String(kill.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Waits for the daemon to exit by itself; returns its exit code. */
    int awaitExit(Duration timeout) throws InterruptedException {
        programs();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS))
            throw new AssertionError("the daemon did not exit within " + timeout + "\n" + log());
        return process.exitValue();
    }

    String stdout() {
        return read(stdout);
    }

    String stderr() {
        return read(stderr);
    }

    /** Both outputs, for failure messages. */
    String log() {
        return "--- daemon stdout ---\n" + stdout() + "--- daemon stderr ---\n" + stderr();
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    /** Kills what is left: the API programs first, then the daemon. Never leaves a process behind. */
    @Override
    public void close() throws InterruptedException {
        List<ProcessHandle> children = new ArrayList<>(programs);
        children.addAll(process.descendants().toList());
        process.destroyForcibly();
        for (ProcessHandle c : children) c.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
        for (ProcessHandle c : children) c.onExit().completeOnTimeout(c, 5, TimeUnit.SECONDS).join();
    }
}
