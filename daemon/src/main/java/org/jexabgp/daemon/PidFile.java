package org.jexabgp.daemon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.jexabgp.daemon.os.Posix;

/**
 * {@code daemon.pid} (runtime.md §6): {@code <pid>\n}, created exclusively with mode 0644 (less the umask); a file
 * naming a live process means another daemon runs, one naming a dead process is stale and replaced. Removed on exit,
 * only by the daemon that wrote it.
 */
final class PidFile {
    private final Path path;
    private final long pid;
    private volatile boolean written;

    /** Refused: the file names a live process, or cannot be written. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    PidFile(Path path, long pid) {
        this.path = path;
        this.pid = pid;
    }

    Path path() {
        return path;
    }

    /** Before anything else starts: refuses when a live process owns the file (the second daemon of a pair). */
    void check() throws Refused {
        try {
            if (!Files.exists(path)) return;
            long owner = owner();
            if (owner != pid && Posix.alive(owner))
                throw new Refused("pid file " + path + " already exists and process " + owner + " is running");
        } catch (IOException e) {
            throw new Refused("can not read pid file " + path + ": " + e.getMessage());
        }
    }

    /** Writes our pid. */
    void write() throws Refused {
        byte[] line = (pid + "\n").getBytes(StandardCharsets.US_ASCII);
        var mode = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--"));
        try {
            try {
                Files.write(Files.createFile(path, mode), line);
            } catch (FileAlreadyExistsException e) {
                long owner = owner();
                if (owner != pid && Posix.alive(owner))
                    throw new Refused("pid file " + path + " already exists and process " + owner + " is running");
                Files.write(path, line, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
            }
        } catch (IOException e) {
            throw new Refused("can not create pid file " + path + ": " + e);
        }
        written = true;
    }

    /** The pid the file names; 0 when it names none (empty or garbage: stale, as ExaBGP treats it). */
    private long owner() throws IOException {
        String text = Files.readString(path, StandardCharsets.US_ASCII).strip();
        try {
            return Long.parseLong(text.lines().findFirst().orElse("0").strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * Before dropping privileges: the file becomes the user's, so that the daemon can still empty it at exit when the
     * directory is root's (an empty file is a stale one).
     */
    void giveTo(String user) {
        try {
            var users = path.getFileSystem().getUserPrincipalLookupService();
            Files.setOwner(path, users.lookupPrincipalByName(user));
        } catch (IOException | UnsupportedOperationException e) {
            org.slf4j.LoggerFactory.getLogger("exabgp.daemon").debug("pid file stays root's: {}", e.toString());
        }
    }

    /** Removes the file if we wrote it and it still names us (a later daemon may have replaced it). */
    void remove() {
        if (!written) return;
        written = false;
        try {
            if (owner() != pid) return;
            try {
                Files.delete(path);
            } catch (java.nio.file.AccessDeniedException e) {
                // the directory is not ours after the privilege drop: an empty file says "not running" as well
                Files.write(path, new byte[0], StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
            }
        } catch (NoSuchFileException e) {
            // already gone
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger("exabgp.daemon").error("can not remove pid file {}: {}", path,
                    e.toString());
        }
    }
}
