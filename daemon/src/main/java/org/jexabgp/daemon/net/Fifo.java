package org.jexabgp.daemon.net;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Writing to a named pipe only when someone reads it, as ExaBGP's pipe bridge does ({@code open(O_WRONLY|O_NONBLOCK)},
 * runtime.md §3.1): the JDK has no non-blocking open, and a blocking one would wait for a reader forever. Through
 * {@code java.lang.foreign}, Linux only; elsewhere {@link #unavailable()} says why.
 */
public final class Fifo {
    // Linux values (include/uapi/asm-generic/fcntl.h)
    private static final int O_WRONLY = 1;
    private static final int O_NONBLOCK = 0x800;
    /** open(2) of a FIFO for writing, non-blocking, with no reader (fs/fifo.c). */
    private static final int ENXIO = 6;

    private static final @Nullable String UNAVAILABLE;
    private static final @Nullable MethodHandle OPEN;
    private static final @Nullable MethodHandle WRITE;
    private static final @Nullable MethodHandle CLOSE;
    private static final java.lang.foreign.@Nullable StructLayout CAPTURED;
    private static final java.lang.invoke.@Nullable VarHandle ERRNO;

    static {
        String why = null;
        MethodHandle open = null, write = null, close = null;
        java.lang.foreign.StructLayout captured = null;
        java.lang.invoke.VarHandle errno = null;
        try {
            if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux"))
                throw new UnsupportedOperationException("named pipes need Linux");
            Linker linker = Linker.nativeLinker();
            var lookup = linker.defaultLookup();
            // open(2) is variadic; the two fixed arguments are all we pass (no O_CREAT, so no mode)
            captured = Linker.Option.captureStateLayout();
            errno = captured.varHandle(java.lang.foreign.MemoryLayout.PathElement.groupElement("errno"));
            open = linker.downcallHandle(lookup.find("open").orElseThrow(),
                    FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT), Linker.Option.captureCallState("errno"));
            write = linker.downcallHandle(lookup.find("write").orElseThrow(),
                    FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG));
            close = linker.downcallHandle(lookup.find("close").orElseThrow(),
                    FunctionDescriptor.of(JAVA_INT, JAVA_INT));
        } catch (Throwable t) { // IllegalCallerException without native access, ...
            why = t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
            open = null;
        }
        UNAVAILABLE = why;
        OPEN = open;
        WRITE = write;
        CLOSE = close;
        CAPTURED = captured;
        ERRNO = errno;
    }

    private Fifo() {}

    /** Why named pipes cannot be written here, or null when they can. */
    public static @Nullable String unavailable() {
        return UNAVAILABLE;
    }

    /** A named pipe (S_IFIFO in the mode's type bits, 0170000), not a regular file nor a link to one. */
    public static boolean isFifo(Path path) {
        try {
            return Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS) instanceof Integer mode
                    && (mode & 0170000) == 0010000;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /**
     * Opens the pipe without blocking, writes the bytes, closes it. Returns false, writing nothing, when no process has
     * the pipe open for reading (ENXIO); a full pipe takes what fits (ExaBGP: the rest is lost). Throws when the pipe
     * cannot be opened for another reason (permissions: the daemon may have dropped its privileges).
     */
    public static boolean offer(Path path, byte[] bytes) throws IOException {
        MethodHandle open = OPEN, write = WRITE, close = CLOSE;
        java.lang.foreign.StructLayout layout = CAPTURED;
        java.lang.invoke.VarHandle errno = ERRNO;
        if (open == null || write == null || close == null || layout == null || errno == null)
            throw new IOException("named pipes unavailable: " + UNAVAILABLE);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment name = arena.allocateFrom(path.toString());
            MemorySegment state = arena.allocate(layout);
            int fd = (int) open.invokeExact(state, name, O_WRONLY | O_NONBLOCK);
            if (fd < 0) {
                int e = (int) errno.get(state, 0L);
                if (e == ENXIO) return false;
                throw new IOException("cannot open " + path + " for writing: errno " + e
                        + (e == 13 ? " (permission denied: the daemon's user must be able to write it)" : ""));
            }
            try {
                MemorySegment data = arena.allocate(Math.max(1, bytes.length));
                MemorySegment.copy(bytes, 0, data, JAVA_BYTE, 0, bytes.length);
                long done = 0;
                while (done < bytes.length) {
                    long n = (long) write.invokeExact(fd, data.asSlice(done), (long) bytes.length - done);
                    if (n <= 0) break; // EAGAIN: the reader is behind; the rest of the line is dropped
                    done += n;
                }
                return done == bytes.length;
            } finally {
                int ignored = (int) close.invokeExact(fd);
            }
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) { // invokeExact is declared to throw Throwable
            throw new IOException("writing to " + path + ": " + t, t);
        }
    }
}
