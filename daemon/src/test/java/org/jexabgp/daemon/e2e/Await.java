package org.jexabgp.daemon.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Bounded polling for things no one notifies us about (files written by API programs, process exits). */
final class Await {
    private Await() {}

    static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** Polls until the value satisfies the predicate; the failure message shows the last value seen. */
    static <T> T until(String what, Supplier<T> value, Predicate<T> done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            T v = value.get();
            if (done.test(v)) return v;
            if (System.nanoTime() > deadline)
                throw new AssertionError("no " + what + " within " + timeout + "; last seen:\n" + v);
            LockSupport.parkNanos(20_000_000);
        }
    }

    /** The lines of a file written by an API program, once one of them satisfies the predicate. */
    static List<String> line(Path file, String what, Predicate<String> p) {
        return until(what + " in " + file.getFileName(), () -> lines(file), l -> l.stream().anyMatch(p), TIMEOUT);
    }

    static List<String> lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }
}
