package org.jexabgp.daemon;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jexabgp.daemon.os.Posix;

/**
 * {@code daemon.daemonize} (runtime.md §6) the Java way: a JVM cannot fork, so the foreground process starts the same
 * command again, marked by {@link #MARK}; that second JVM makes itself a session leader ({@code setsid}) and, once it
 * listens and its programs run, points its standard streams at {@code /dev/null}. Until then its output reaches the
 * foreground process, which copies it to the terminal and exits with the daemon's code if it failed to start, or 0
 * once it is up (the end of that output is the signal).
 */
final class Detached {
    /** Set in the daemon's environment: it is the background copy. */
    static final String MARK = "JEXABGP_DETACHED";
    /** The daemon's last line to the terminal. */
    private static final String UP = "daemon running in the background, pid ";

    private Detached() {}

    static boolean isDaemon() {
        return System.getenv(MARK) != null;
    }

    /**
     * Why not to detach although asked, or null to go ahead: logs on stdout/stderr would be lost (ExaBGP refuses too),
     * and a process supervised already (stdin a socket, or a child of init as under systemd) stays in the foreground.
     */
    static String reasonToStay(String logDestination, boolean logEnabled) {
        String d = logDestination.toLowerCase(java.util.Locale.ROOT);
        if (logEnabled && (d.equals("stdout") || d.equals("stderr")))
            return "ExaBGP can not fork when logs are going to " + d;
        try {
            if (Files.readSymbolicLink(Path.of("/proc/self/fd/0")).toString().startsWith("socket:"))
                return "standard input is a socket: supervised, not detaching";
        } catch (IOException | UnsupportedOperationException e) {
            // no /proc: assume not supervised
        }
        if (ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(1L) == 1L)
            return "started by init: supervised, not detaching";
        return null;
    }

    /** Starts the background daemon and waits until it is up (0) or has failed (its exit code). */
    static int launch(PrintStream terminal) {
        ProcessHandle.Info self = ProcessHandle.current().info();
        List<String> command = new ArrayList<>();
        command.add(self.command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(self.arguments().orElse(new String[0])));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().put(MARK, "1");
        try {
            Process daemon = builder.start();
            boolean up = false;
            try (var out = new java.io.BufferedReader(new java.io.InputStreamReader(daemon.getInputStream(),
                    java.nio.charset.StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    terminal.println(line);
                    if (line.startsWith(UP)) up = true;
                }
            }
            terminal.flush();
            // the output ended: the daemon detached from it once up, or it exited
            return up ? 0 : daemon.waitFor();
        } catch (IOException e) {
            terminal.println("can not start the daemon in the background: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    /** In the background daemon, first thing: its own session, no controlling terminal. */
    static void startSession() throws IOException {
        Posix.setsid();
    }

    /** In the background daemon, once up: nothing more reaches the terminal (ends {@link #launch}'s wait). */
    static void silence() throws IOException {
        System.out.println(UP + ProcessHandle.current().pid());
        System.out.flush();
        System.err.flush();
        Posix.silence();
    }
}
