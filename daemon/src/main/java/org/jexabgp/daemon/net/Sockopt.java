package org.jexabgp.daemon.net;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Method;
import java.nio.channels.Channel;
import org.jspecify.annotations.Nullable;

/**
 * {@code setsockopt(2)} through {@code java.lang.foreign} (ARCHITECTURE §8): what the JDK has no socket option for,
 * TCP-MD5 (RFC 2385), the outgoing TTL and the GTSM minimum TTL (RFC 5082). Linux only; {@link #unavailable()} says
 * why it cannot work elsewhere, so a neighbour that needs it refuses to start instead of running unprotected.
 */
public final class Sockopt {
    // Linux values (include/uapi/linux/in.h, in6.h, tcp.h, socket.h)
    static final int SOL_SOCKET = 1;
    static final int IPPROTO_IP = 0;
    static final int IPPROTO_TCP = 6;
    static final int IPPROTO_IPV6 = 41;
    static final int IP_TTL = 2;
    static final int IP_MINTTL = 21;
    static final int IPV6_UNICAST_HOPS = 16;
    static final int IPV6_MINHOPCOUNT = 73;
    static final int TCP_MD5SIG = 14;
    /** TCP_MD5SIG with the flags below honoured (Linux 4.13): a key for a whole prefix of peers. */
    static final int TCP_MD5SIG_EXT = 32;
    static final int TCP_MD5SIG_FLAG_PREFIX = 1;
    static final int AF_INET = 2;
    static final int AF_INET6 = 10;
    /** {@code struct tcp_md5sig}: sockaddr_storage (128), flags, prefixlen, keylen (u16 @130), ifindex, key[80] @136. */
    static final int MD5SIG_SIZE = 216;
    static final int MD5_KEY_OFFSET = 136;
    static final int MD5_KEYLEN_OFFSET = 130;
    static final int MD5_FLAGS_OFFSET = 128;
    static final int MD5_PREFIXLEN_OFFSET = 129;
    private static final int EINVAL = 22;
    private static final int ENOENT = 2;
    /** TCP_MD5SIG_MAXKEYLEN: RFC 2385 keys longer than this cannot be set on Linux. */
    public static final int MD5_MAX_KEY = 80;

    private static final @Nullable String UNAVAILABLE;
    private static final @Nullable MethodHandle SETSOCKOPT;
    private static final @Nullable StructLayout CAPTURED;
    private static final @Nullable VarHandle ERRNO;
    private static final @Nullable Method FD_VAL;

    static {
        String why = null;
        MethodHandle set = null;
        StructLayout captured = null;
        VarHandle errno = null;
        Method fdVal = null;
        try {
            if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux"))
                throw new UnsupportedOperationException("TCP-MD5 and TTL security need Linux");
            Linker linker = Linker.nativeLinker();
            captured = Linker.Option.captureStateLayout();
            errno = captured.varHandle(MemoryLayout.PathElement.groupElement("errno"));
            set = linker.downcallHandle(
                    linker.defaultLookup().find("setsockopt").orElseThrow(),
                    FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT),
                    Linker.Option.captureCallState("errno"));
            // The fd is not public API: sun.nio.ch.SelChImpl#getFDVal, exported by the launcher (Add-Exports).
            fdVal = Class.forName("sun.nio.ch.SelChImpl").getMethod("getFDVal");
        } catch (Throwable t) { // IllegalCallerException without native access, IllegalAccess without the export, ...
            why = t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
            set = null;
        }
        UNAVAILABLE = why;
        SETSOCKOPT = set;
        CAPTURED = captured;
        ERRNO = errno;
        FD_VAL = fdVal;
    }

    private Sockopt() {}

    /** Why socket options cannot be set here, or null when they can. */
    public static @Nullable String unavailable() {
        return UNAVAILABLE;
    }

    /** The file descriptor of a JDK socket channel. */
    public static int fd(Channel channel) throws IOException {
        Method m = FD_VAL;
        if (m == null) throw new IOException("socket options unavailable: " + UNAVAILABLE);
        try {
            return (int) m.invoke(channel);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IOException("cannot read the socket's file descriptor (run with --add-exports "
                    + "java.base/sun.nio.ch=ALL-UNNAMED): " + e, e);
        }
    }

    /** Outgoing TTL / hop limit of our packets (ExaBGP {@code outgoing-ttl}). */
    public static void setTtl(Channel channel, boolean ipv6Socket, int ttl) throws IOException {
        int fd = fd(channel);
        if (ipv6Socket) {
            setInt(fd, IPPROTO_IPV6, IPV6_UNICAST_HOPS, ttl);
            // a dual-stack socket carries IPv4 too: that traffic follows IP_TTL
            trySetInt(fd, IPPROTO_IP, IP_TTL, ttl);
        } else setInt(fd, IPPROTO_IP, IP_TTL, ttl);
    }

    /** RFC 5082 GTSM: drop segments arriving with a TTL below this (ExaBGP {@code incoming-ttl}). */
    public static void setMinTtl(Channel channel, boolean ipv6Socket, int minTtl) throws IOException {
        int fd = fd(channel);
        if (ipv6Socket) {
            setInt(fd, IPPROTO_IPV6, IPV6_MINHOPCOUNT, minTtl);
            trySetInt(fd, IPPROTO_IP, IP_MINTTL, minTtl);
        } else setInt(fd, IPPROTO_IP, IP_MINTTL, minTtl);
    }

    /**
     * RFC 2385: sign (and require signatures on) segments to or from {@code peer}. On a listening socket this adds one
     * key per peer; an empty key removes the association. A dual-stack socket gets an IPv4 peer's v4-mapped address.
     */
    public static void setMd5(Channel channel, boolean ipv6Socket, byte[] peer, byte[] key) throws IOException {
        setMd5(channel, ipv6Socket, peer, peer.length * 8, key);
    }

    /**
     * As {@link #setMd5(Channel, boolean, byte[], byte[])} for every peer in {@code peer/prefixLength} (a range
     * neighbour's listener key). A prefix needs TCP_MD5SIG_EXT: a kernel without it (before 4.13) refuses with EINVAL.
     */
    public static void setMd5(Channel channel, boolean ipv6Socket, byte[] peer, int prefixLength, byte[] key)
            throws IOException {
        if (key.length > MD5_MAX_KEY)
            throw new IOException("TCP-MD5 key of " + key.length + " bytes, Linux allows " + MD5_MAX_KEY);
        if (prefixLength < 0 || prefixLength > peer.length * 8)
            throw new IllegalArgumentException("prefix length " + prefixLength);
        boolean prefix = prefixLength < peer.length * 8;
        int fd = fd(channel);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment sig = arena.allocate(MD5SIG_SIZE);
            fillMd5sig(sig, ipv6Socket, peer, prefixLength, key);
            if (!prefix) call(fd, IPPROTO_TCP, TCP_MD5SIG, sig, MD5SIG_SIZE, "TCP_MD5SIG");
            else {
                try {
                    call(fd, IPPROTO_TCP, TCP_MD5SIG_EXT, sig, MD5SIG_SIZE, "TCP_MD5SIG_EXT");
                } catch (Errno e) {
                    if (e.errno != EINVAL) throw e;
                    throw new IOException(e.getMessage() + " (a key for a prefix of peers needs Linux 4.13 or later)",
                            e);
                }
            }
        }
    }

    /**
     * Takes the key of {@code peer/prefixLength} off a listening socket (an empty key deletes it); one the socket
     * never had (ENOENT) is no error.
     */
    public static void removeMd5(Channel channel, boolean ipv6Socket, byte[] peer, int prefixLength)
            throws IOException {
        try {
            setMd5(channel, ipv6Socket, peer, prefixLength, new byte[0]);
        } catch (Errno e) {
            if (e.errno != ENOENT) throw e;
        }
    }

    /** Lays out {@code struct tcp_md5sig} for one peer (package-private so the layout is tested without a socket). */
    static void fillMd5sig(MemorySegment sig, boolean ipv6Socket, byte[] peer, byte[] key) {
        fillMd5sig(sig, ipv6Socket, peer, peer.length * 8, key);
    }

    /**
     * Lays out {@code struct tcp_md5sig}; a prefix shorter than the address sets TCP_MD5SIG_FLAG_PREFIX and
     * tcpm_prefixlen. An IPv4 prefix stays an IPv4 length when v4-mapped: the kernel keys the IPv4 address itself.
     */
    static void fillMd5sig(MemorySegment sig, boolean ipv6Socket, byte[] peer, int prefixLength, byte[] key) {
        sig.fill((byte) 0);
        if (ipv6Socket) {
            // struct sockaddr_in6: family (host order), port, flowinfo, address @8
            sig.set(JAVA_SHORT, 0, (short) AF_INET6);
            byte[] v6 = peer.length == 16 ? peer : mapped(peer);
            MemorySegment.copy(v6, 0, sig, JAVA_BYTE, 8, 16);
        } else {
            if (peer.length != 4) throw new IllegalArgumentException("IPv6 peer on an IPv4 socket");
            // struct sockaddr_in: family (host order), port, address @4
            sig.set(JAVA_SHORT, 0, (short) AF_INET);
            MemorySegment.copy(peer, 0, sig, JAVA_BYTE, 4, 4);
        }
        if (prefixLength < peer.length * 8) {
            sig.set(JAVA_BYTE, MD5_FLAGS_OFFSET, (byte) TCP_MD5SIG_FLAG_PREFIX);
            sig.set(JAVA_BYTE, MD5_PREFIXLEN_OFFSET, (byte) prefixLength);
        }
        sig.set(JAVA_SHORT, MD5_KEYLEN_OFFSET, (short) key.length);
        MemorySegment.copy(key, 0, sig, JAVA_BYTE, MD5_KEY_OFFSET, key.length);
    }

    private static byte[] mapped(byte[] v4) {
        byte[] v6 = new byte[16];
        v6[10] = (byte) 0xFF;
        v6[11] = (byte) 0xFF;
        System.arraycopy(v4, 0, v6, 12, 4);
        return v6;
    }

    static void setInt(int fd, int level, int option, int value) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            call(fd, level, option, arena.allocateFrom(JAVA_INT, value), 4, "option " + level + "/" + option);
        }
    }

    private static void trySetInt(int fd, int level, int option, int value) {
        try {
            setInt(fd, level, option, value);
        } catch (IOException ignored) {
            // best effort: an IPv6-only socket refuses IPv4 options
        }
    }

    private static void call(int fd, int level, int option, MemorySegment value, int length, String what)
            throws IOException {
        MethodHandle set = SETSOCKOPT;
        StructLayout layout = CAPTURED;
        VarHandle errno = ERRNO;
        if (set == null || layout == null || errno == null)
            throw new IOException("socket options unavailable: " + UNAVAILABLE);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment captured = arena.allocate(layout);
            int rc = (int) set.invokeExact(captured, fd, level, option, value, length);
            if (rc != 0) throw new Errno("setsockopt " + what, (int) errno.get(captured, 0L));
        } catch (IOException e) {
            throw e;
        } catch (Throwable t) { // invokeExact is declared to throw Throwable
            throw new IOException("setsockopt " + what + ": " + t, t);
        }
    }

    /** A failed call and its errno, for callers that explain some of them. */
    private static final class Errno extends IOException {
        final int errno;

        Errno(String what, int errno) {
            super(what + " failed: errno " + errno);
            this.errno = errno;
        }
    }
}
