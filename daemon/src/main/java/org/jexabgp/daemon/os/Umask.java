package org.jexabgp.daemon.os;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The daemon's umask, read from /proc and set with the C call only when it is another. The launcher sets the usual
 * one ({@code daemon.umask}) before the JVM starts: the C call's first use costs a start about 36 ms of linking, and
 * so does loading {@link Posix} at all, which this class does not (issue 9).
 */
public final class Umask {
    private static final Path STATUS = Path.of("/proc/thread-self/status");

    private Umask() {}

    /** The umask the launcher set just before it started the JVM (octal, as its shell prints it). */
    static final String TOLD = "jexabgp.umask";

    /**
     * Makes the umask {@code mask}; returns whether that took the C call (it was another, or unknown). What the
     * launcher says it set ({@link #TOLD}) is believed once, without reading /proc (issue 9: 1 ms of a start).
     */
    public static boolean ensure(int mask) throws IOException {
        if (told() == mask || current() == mask) return false;
        Posix.umask(mask);
        return true;
    }

    /** The umask the launcher set, once (it may change after): -1 when not told, or told already. */
    private static int told() {
        String value = System.getProperty(TOLD);
        if (value == null) return -1;
        System.clearProperty(TOLD);
        try {
            return Integer.parseInt(value, 8);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The umask the kernel reports (Linux 4.7 and later); -1 where it does not say. */
    static int current() {
        try {
            return in(Files.readString(STATUS, StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            return -1;
        }
    }

    /** The octal value of a /proc status text's {@code Umask:} line; -1 when it has none readable. */
    static int in(String status) {
        for (String line : status.split("\n")) {
            if (!line.startsWith("Umask:")) continue;
            try {
                return Integer.parseInt(line.substring("Umask:".length()).strip(), 8);
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        return -1;
    }
}
