package org.jexabgp.daemon.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every end-to-end test needs: a directory, test peers, daemons in their own JVM, API programs written as shell
 * scripts — and the guarantee that everything started is stopped afterwards, pass or fail.
 */
abstract class EndToEnd {
    @TempDir
    Path dir;

    /** Which engine the daemon runs: the selector loop (false) or virtual threads (true, reactor.asyncio). */
    final boolean asyncio;

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final List<DaemonProcess> daemons = new ArrayList<>();

    /** On failure, show what the daemons logged and what the API programs saw. */
    @RegisterExtension
    final AfterTestExecutionCallback dumpOnFailure = context -> {
        if (context.getExecutionException().isPresent()) dump(context.getDisplayName());
    };

    EndToEnd(boolean asyncio) {
        this.asyncio = asyncio;
    }

    private void dump(String test) throws IOException {
        StringBuilder b = new StringBuilder("=== " + test + " (asyncio=" + asyncio + ") ===\n");
        for (DaemonProcess d : daemons) b.append(d.log());
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".seen")).sorted().toList())
                b.append("--- ").append(f.getFileName()).append(" ---\n").append(Files.readString(f));
        }
        System.err.println(b);
    }

    TestPeer peer(String address, long asn) throws IOException {
        TestPeer p = TestPeer.listen(address, asn);
        started.push(p);
        return p;
    }

    DaemonProcess daemon(Map<String, String> env, Path... configs) throws IOException {
        List<String> args = new ArrayList<>();
        for (Path c : configs) args.add(c.toString());
        DaemonProcess d = DaemonProcess.start(dir, env, args);
        started.push(d);
        daemons.add(d);
        return d;
    }

    Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    Path script(String name, String text) throws IOException {
        Path p = file(name, text);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
        return p;
    }

    /** Where the API program {@code name} (see {@link #apiProgram}) writes every line it reads. */
    Path seen(String name) {
        return dir.resolve(name + ".seen");
    }

    /**
     * An API program (api.md §1) as a POSIX shell script: it appends every line it reads to {@code NAME.seen} and plays
     * the steps in order — {@code wait GLOB} reads until a line matches the shell pattern, {@code nowait CMD} writes a
     * command without waiting for an answer, any other step is a command written to stdout, after which it reads until
     * the answer ({@code done} or {@code error}). Then it reads until the daemon closes its stdin.
     */
    Path apiProgram(String name, String... steps) throws IOException {
        StringBuilder b = new StringBuilder();
        b.append("#!/bin/sh\n");
        b.append("seen='").append(seen(name)).append("'\n");
        b.append("""
                upto() {
                  while IFS= read -r line; do
                    printf '%s\\n' "$line" >> "$seen"
                    case "$line" in $1) return 0 ;; esac
                  done
                  exit 0
                }
                answer() {
                  while IFS= read -r line; do
                    printf '%s\\n' "$line" >> "$seen"
                    case "$line" in done|error) return 0 ;; esac
                  done
                  exit 0
                }
                """);
        for (String step : steps) {
            if (step.contains("'")) throw new IllegalArgumentException("no quotes in steps: " + step);
            if (step.startsWith("wait ")) b.append("upto '").append(step.substring(5)).append("'\n");
            else if (step.startsWith("nowait ")) b.append("printf '%s\\n' '").append(step.substring(7)).append("'\n");
            else b.append("printf '%s\\n' '").append(step).append("'\nanswer\n");
        }
        b.append("while IFS= read -r line; do printf '%s\\n' \"$line\" >> \"$seen\"; done\n");
        return script(name + ".sh", b.toString());
    }

    @AfterEach
    void stopEverything() throws Exception {
        Exception first = null;
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                if (first == null) first = e;
            }
        }
        if (first != null) throw first;
    }
}
