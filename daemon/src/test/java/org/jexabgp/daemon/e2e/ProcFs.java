package org.jexabgp.daemon.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Stream;

/** What Linux's {@code /proc} says about a process: its users, whether it is gone, what it holds. */
final class ProcFs {
    private ProcFs() {}

    /** A line of {@code /proc/PID/status} ({@code Uid}, {@code Gid}, {@code VmRSS} …) without its name, or "". */
    static String status(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status")))
                if (line.startsWith(field + ":")) return line.substring(field.length() + 1).strip();
        } catch (IOException e) {
            return "";
        }
        return "";
    }

    /** The real, effective, saved and filesystem uid. */
    static String uids(long pid) {
        return status(pid, "Uid");
    }

    /** No such process any more; a zombie counts as gone (its parent may be an init that does not reap). */
    static boolean gone(long pid) {
        if (!Files.exists(Path.of("/proc/" + pid))) return true;
        return status(pid, "State").startsWith("Z") || status(pid, "State").isEmpty();
    }

    static long rssKb(long pid) {
        String v = status(pid, "VmRSS");
        return v.isEmpty() ? -1 : Long.parseLong(v.split("\\s+")[0]);
    }

    static int threads(long pid) {
        String v = status(pid, "Threads");
        return v.isEmpty() ? -1 : Integer.parseInt(v);
    }

    static int fds(long pid) {
        try (Stream<Path> s = Files.list(Path.of("/proc/" + pid + "/fd"))) {
            return (int) s.count();
        } catch (NoSuchFileException e) {
            return -1;
        } catch (IOException e) {
            return -1;
        }
    }

    /** The session id: field 6 of {@code /proc/PID/stat} (after the parenthesised command name). */
    static long session(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[3]);
    }
}
