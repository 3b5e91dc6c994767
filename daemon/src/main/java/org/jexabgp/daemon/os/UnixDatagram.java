package org.jexabgp.daemon.os;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A Unix datagram socket, as {@code /dev/log} is (the JDK's channels only do Unix <em>stream</em> sockets). The
 * daemon connects one to send local syslog lines; a test binds one to receive them.
 */
public final class UnixDatagram implements AutoCloseable {
    private final int fd;
    // automatic arenas: a receive may still be blocked in the kernel when the socket is closed
    private final MemorySegment out = Arena.ofAuto().allocate(65536);
    private final MemorySegment in = Arena.ofAuto().allocate(65536);

    private UnixDatagram(int fd) {
        this.fd = fd;
    }

    /** A socket whose datagrams go to {@code path}. */
    public static UnixDatagram connect(Path path) throws IOException {
        return open(path, "connect");
    }

    /** A socket that receives the datagrams sent to {@code path} (created; must not exist). */
    public static UnixDatagram bind(Path path) throws IOException {
        return open(path, "bind");
    }

    private static UnixDatagram open(Path path, String how) throws IOException {
        int fd = (int) Posix.call("socket", Posix.AF_UNIX, Posix.SOCK_DGRAM, 0);
        try (Arena a = Arena.ofConfined()) {
            byte[] name = path.toString().getBytes(StandardCharsets.UTF_8);
            if (name.length >= Posix.SOCKADDR_UN_SIZE - 2) throw new IOException("socket path too long: " + path);
            MemorySegment addr = a.allocate(Posix.SOCKADDR_UN_SIZE);
            addr.fill((byte) 0);
            addr.set(JAVA_SHORT, 0, (short) Posix.AF_UNIX);
            MemorySegment.copy(name, 0, addr, JAVA_BYTE, 2, name.length);
            Posix.call(how, fd, addr, Posix.SOCKADDR_UN_SIZE);
        } catch (IOException e) {
            Posix.call("close", fd);
            throw new IOException(how + " " + path + ": " + e.getMessage(), e);
        }
        return new UnixDatagram(fd);
    }

    /** Sends one datagram (the daemon's own lines are far below the 64 KiB limit; longer ones are cut). */
    public synchronized void send(byte[] datagram) throws IOException {
        int n = Math.min(datagram.length, (int) out.byteSize());
        MemorySegment.copy(datagram, 0, out, JAVA_BYTE, 0, n);
        Posix.call("send", fd, out, (long) n, 0);
    }

    /** Waits for one datagram. */
    public byte[] receive() throws IOException {
        long n = Posix.call("recv", fd, in, in.byteSize(), 0);
        return in.asSlice(0, n).toArray(JAVA_BYTE);
    }

    @Override
    public void close() throws IOException {
        Posix.call("close", fd);
    }
}
