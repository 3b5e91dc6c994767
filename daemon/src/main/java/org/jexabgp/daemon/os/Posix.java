package org.jexabgp.daemon.os;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The C library calls a daemon needs and the JDK does not offer (ARCHITECTURE §8), through {@code java.lang.foreign}:
 * identities and privileges, umask, sessions, descriptors and Unix datagram sockets (local syslog); the privilege
 * drop's three go through the build's small JNI library when the launcher names it ({@link NativePrivileges}: their
 * linking cost a start as root up to 35 ms of CPU, issue 9). Linux/glibc only:
 * glibc's {@code setuid}/{@code setgid} change every thread of the process, which a JVM needs since it has many.
 */
public final class Posix {
    static final int AF_UNIX = 1;
    static final int SOCK_DGRAM = 2;
    static final int O_RDWR = 2;
    /** {@code struct sockaddr_un}: family (u16) then a 108-byte path. */
    static final int SOCKADDR_UN_SIZE = 110;
    /** {@code struct passwd} on LP64: name, passwd pointers, then uid @16 and gid @20. */
    private static final int PW_UID = 16;
    private static final int PW_GID = 20;

    /**
     * The calls made so far. Each is linked on first use (issue 9: linking all of them at start made nine downcall
     * stubs, about 0.1 s of every start in a cold JVM, though a daemon uses a few).
     */
    private static final Map<String, MethodHandle> CALLS = new ConcurrentHashMap<>();

    /**
     * The foreign linker and the known signatures, set up at the first call through java.lang.foreign (issue 9: a
     * daemon whose drop goes through JNI and whose umask the launcher set makes none at its start, and the set-up
     * alone, layouts and var handles, was 10 ms of CPU).
     */
    private static final class Ffi {
        private static final @Nullable String UNAVAILABLE;

        private static final Map<String, FunctionDescriptor> SIGNATURES = new HashMap<>();
        private static final @Nullable Linker LINKER;
        private static final Linker.@Nullable Option KEEP_ERRNO;
        private static final @Nullable StructLayout CAPTURED;
        private static final @Nullable VarHandle ERRNO;

        static {
            String why = null;
            StructLayout captured = null;
            VarHandle errno = null;
            Linker linked = null;
            Linker.Option keep = null;
            try {
                if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux"))
                    throw new UnsupportedOperationException("needs Linux");
                Linker linker = Linker.nativeLinker();
                captured = Linker.Option.captureStateLayout();
                errno = captured.varHandle(MemoryLayout.PathElement.groupElement("errno"));
                Linker.Option keepErrno = Linker.Option.captureCallState("errno");
                Map<String, FunctionDescriptor> signatures = SIGNATURES;
                FunctionDescriptor none = FunctionDescriptor.of(JAVA_INT);
                FunctionDescriptor one = FunctionDescriptor.of(JAVA_INT, JAVA_INT);
                FunctionDescriptor two = FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT);
                FunctionDescriptor sockaddr = FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT);
                FunctionDescriptor io = FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT);
                for (String f : new String[] {"getuid", "getgid", "geteuid", "getpid", "setsid"}) signatures.put(f, none);
                for (String f : new String[] {"setuid", "setgid", "umask", "close"}) signatures.put(f, one);
                for (String f : new String[] {"kill", "dup2"}) signatures.put(f, two);
                signatures.put("socket", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT));
                signatures.put("connect", sockaddr);
                signatures.put("bind", sockaddr);
                signatures.put("send", io);
                signatures.put("recv", io);
                signatures.put("open", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
                signatures.put("setgroups", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, ADDRESS));
                signatures.put("getpwnam", FunctionDescriptor.of(ADDRESS, ADDRESS));
                // every symbol is looked up now, so a missing one says so at once; linking waits for the first call
                for (String f : signatures.keySet()) linker.defaultLookup().find(f).orElseThrow();
                linked = linker;
                keep = keepErrno;
            } catch (Throwable t) { // IllegalCallerException without native access, no such symbol, not Linux …
                why = t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
            }
            LINKER = linked;
            KEEP_ERRNO = keep;
            UNAVAILABLE = why;
            CAPTURED = captured;
            ERRNO = errno;
        }
    }

    private Posix() {}

    /** Whether this call is linked already ({@link #link}). */
    static boolean linked(String function) {
        return CALLS.containsKey(function);
    }

    /** Why these calls cannot be made here, or null when they can. */
    public static @Nullable String unavailable() {
        return Ffi.UNAVAILABLE;
    }

    /**
     * Links these calls now, so their first use is only a call: linking builds classes and method handles, a few
     * milliseconds each in a JVM just started (issue 9). Failures are left for that first use to report.
     */
    public static void link(String... functions) {
        for (String f : functions) {
            try {
                handle(f);
            } catch (IOException e) {
                return;
            }
        }
    }

    /** A user's ids from the system's user database (NSS, not only /etc/passwd). */
    public record User(String name, int uid, int gid) {}

    /*
     * Ids and users are read from files where they can be, not asked of the C library: every C function signature a
     * start links costs it a generated class and method handles, tens of milliseconds in a JVM just started on this
     * machine's two cores (issue 9: umask and the privilege drop's four signatures were 20-60 ms of the daemon's start).
     */

    /** The calling thread's real uid ({@code getuid(2)}). */
    public static int uid() throws IOException {
        int[] ids = threadIds("Uid");
        return ids != null ? ids[0] : exact("getuid", (h, state, arena) -> (int) h.invokeExact(state));
    }

    /** The calling thread's real gid ({@code getgid(2)}). */
    public static int gid() throws IOException {
        int[] ids = threadIds("Gid");
        return ids != null ? ids[0] : exact("getgid", (h, state, arena) -> (int) h.invokeExact(state));
    }

    /** The calling thread's effective uid ({@code geteuid(2)}). */
    public static int euid() throws IOException {
        int[] ids = threadIds("Uid");
        return ids != null ? ids[1] : exact("geteuid", (h, state, arena) -> (int) h.invokeExact(state));
    }

    /**
     * The calling thread's real and effective uid, its real gid, and whether it has supplementary groups (true when
     * that is not known).
     */
    public record Credentials(int uid, int euid, int gid, boolean supplementaryGroups) {}

    /** The calling thread's ids, from one reading of its status (the privilege drop's checks before and after). */
    public static Credentials credentials() throws IOException {
        String status = threadStatus();
        if (status == null) return new Credentials(uid(), euid(), gid(), true);
        int[] u = ids(status, "Uid");
        return new Credentials(u[0], u[1], ids(status, "Gid")[0], values(status, "Groups").length > 0);
    }

    /**
     * Whether the calling thread has supplementary groups: a process without (a daemon's usual start) has none to
     * drop, and its start links no {@code setgroups} call (issue 9). True when that is not known.
     */
    public static boolean supplementaryGroups() {
        try {
            String status = threadStatus();
            return status == null || values(status, "Groups").length > 0;
        } catch (IOException e) {
            return true;
        }
    }

    /**
     * The calling thread's real, effective, saved and filesystem ids, its {@code Uid:} or {@code Gid:} line in
     * /proc/thread-self/status; null where that file is not (Linux before 3.17, /proc not mounted): the C calls then.
     */
    private static int @Nullable [] threadIds(String field) throws IOException {
        String status = threadStatus();
        return status == null ? null : ids(status, field);
    }

    private static @Nullable String threadStatus() throws IOException {
        try {
            // the thread's name is in there, cut at 15 bytes, perhaps inside a character: read as bytes
            return Files.readString(THREAD_STATUS, StandardCharsets.ISO_8859_1);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /**
     * The ids of a {@code Uid:} or {@code Gid:} line of a /proc status text: the line is found and cut by hand, as
     * this runs in the interpreter at a daemon's start (issue 9: splitting the text by regular expressions).
     */
    static int[] ids(String status, String field) throws IOException {
        int[] ids = values(status, field);
        if (ids.length < 2) throw new IOException("no readable " + field + " line in " + THREAD_STATUS);
        return ids;
    }

    /** The numbers of a /proc status line ({@code Groups:} may have none). */
    static int[] values(String status, String field) throws IOException {
        String key = field + ":";
        int start;
        if (status.startsWith(key)) start = key.length();
        else {
            int line = status.indexOf("\n" + key);
            if (line < 0) throw new IOException("no readable " + field + " line in " + THREAD_STATUS);
            start = line + 1 + key.length();
        }
        int end = status.indexOf('\n', start);
        if (end < 0) end = status.length();
        int[] ids = new int[4];
        int n = 0;
        for (int i = start; i < end; ) {
            if (Character.isWhitespace(status.charAt(i))) {
                i++;
                continue;
            }
            int j = i;
            while (j < end && !Character.isWhitespace(status.charAt(j))) j++;
            int value;
            try {
                value = Integer.parseUnsignedInt(status, i, j, 10);
            } catch (NumberFormatException e) {
                throw new IOException("no readable " + field + " line in " + THREAD_STATUS);
            }
            if (n == ids.length) ids = java.util.Arrays.copyOf(ids, n * 2);
            ids[n++] = value;
            i = j;
        }
        return n == ids.length ? ids : java.util.Arrays.copyOf(ids, n);
    }

    private static final Path THREAD_STATUS = Path.of("/proc/thread-self/status");

    /**
     * A user by name, from the system's user database ({@code getpwnam(3)}). Where /etc/nsswitch.conf has the users'
     * database consult its files first (glibc's default too), /etc/passwd is read here, and only a name it lacks is
     * asked of the C library (LDAP, sssd …). Null when there is none of that name.
     */
    public static @Nullable User user(String name) throws IOException {
        if (filesFirst(read(NSSWITCH))) {
            User local = passwdEntry(read(PASSWD), name);
            if (local != null) return local;
        }
        return lookup(name);
    }

    private static final Path PASSWD = Path.of("/etc/passwd");
    private static final Path NSSWITCH = Path.of("/etc/nsswitch.conf");

    /** A file's text, empty when it cannot be read. */
    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * Whether an nsswitch.conf text (empty: none) has the {@code passwd} database ask its files first, as glibc does
     * without one or without a {@code passwd:} line.
     */
    static boolean filesFirst(String nsswitch) {
        for (String line : nsswitch.split("\n")) {
            int hash = line.indexOf('#');
            String l = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (!l.startsWith("passwd:")) continue;
            String[] sources = l.substring("passwd:".length()).strip().split("\\s+");
            return sources[0].isEmpty() || sources[0].equals("files") || sources[0].equals("compat");
        }
        return true;
    }

    /** The entry of {@code name} in a passwd(5) text ({@code name:password:uid:gid:…} lines), or null. */
    static @Nullable User passwdEntry(String passwd, String name) {
        if (name.isEmpty() || name.indexOf(':') >= 0) return null;
        for (String line : passwd.split("\n")) {
            if (!line.startsWith(name + ":")) continue;
            String[] f = line.split(":", -1);
            if (f.length < 7) continue; // not an entry: let the user database judge
            try {
                return new User(name, Integer.parseUnsignedInt(f[2]), Integer.parseUnsignedInt(f[3]));
            } catch (NumberFormatException e) {
                // not an entry either
            }
        }
        return null;
    }

    /** {@code getpwnam(3)}: the user, or null when there is none of that name. */
    static @Nullable User lookup(String name) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(layout());
            MemorySegment pw;
            try {
                pw = (MemorySegment) handle("getpwnam").invokeExact(state, arena.allocateFrom(name));
            } catch (IOException e) {
                throw e;
            } catch (Throwable t) {
                throw new IOException("getpwnam: " + t, t);
            }
            if (pw.equals(MemorySegment.NULL)) return null;
            MemorySegment p = pw.reinterpret(PW_GID + 4);
            return new User(name, p.get(JAVA_INT, PW_UID), p.get(JAVA_INT, PW_GID));
        }
    }

    /** Leaves only {@code gid} as group: no supplementary groups (root's would otherwise stay). */
    public static void setGroups(int gid) throws IOException {
        if (viaJni("setgroups", () -> NativePrivileges.setgroups(gid))) return;
        exact("setgroups", (h, state, arena) -> (int) h.invokeExact(state, 1L, arena.allocateFrom(JAVA_INT, gid)));
    }

    public static void setGid(int gid) throws IOException {
        if (viaJni("setgid", () -> NativePrivileges.setgid(gid))) return;
        exact("setgid", (h, state, arena) -> (int) h.invokeExact(state, gid));
    }

    public static void setUid(int uid) throws IOException {
        if (viaJni("setuid", () -> NativePrivileges.setuid(uid))) return;
        exact("setuid", (h, state, arena) -> (int) h.invokeExact(state, uid));
    }

    /**
     * Makes the call through the JNI library when it is loaded: true when it was made (an errno is an IOException);
     * false, to go through java.lang.foreign, without the library or when it lacks the function.
     */
    private static boolean viaJni(String function, java.util.function.IntSupplier call) throws IOException {
        if (!NativePrivileges.available()) return false;
        int errno;
        try {
            errno = call.getAsInt();
        } catch (UnsatisfiedLinkError e) {
            return false;
        }
        if (errno != 0) throw new IOException(function + " failed: errno " + errno);
        return true;
    }

    /**
     * Readies the privilege drop's calls: loads the JNI library the launcher names, else links the C functions (a
     * daemon run as root does it on another thread from the start of {@code main}).
     */
    public static void readyDropCalls(String... functions) {
        if (!NativePrivileges.available()) link(functions);
    }

    /** Sets the umask; returns the previous one. */
    public static int umask(int mask) throws IOException {
        return exact("umask", (h, state, arena) -> (int) h.invokeExact(state, mask));
    }

    /**
     * A call every start makes (umask, the privilege drop), invoked exactly: {@code invokeWithArguments} adapts the
     * handle to {@code Object[]} first, tens of milliseconds of method-handle spinning in a JVM just started (issue 9).
     */
    @FunctionalInterface
    private interface ExactCall {
        /** Invokes h, whose first argument is the errno state; returns the C function's int result. */
        int invoke(MethodHandle h, MemorySegment state, Arena arena) throws Throwable;
    }

    /** Makes the call with an errno state; a negative result is an IOException with the errno. */
    private static int exact(String function, ExactCall call) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(layout());
            int rc;
            try {
                rc = call.invoke(handle(function), state, arena);
            } catch (IOException e) {
                throw e;
            } catch (Throwable t) {
                throw new IOException(function + ": " + t, t);
            }
            if (rc < 0) throw new IOException(function + " failed: errno " + errno(state));
            return rc;
        }
    }

    /** {@code setsid(2)}: a new session without a controlling terminal. */
    public static void setsid() throws IOException {
        check("setsid", call("setsid"));
    }

    /** {@code kill(pid, 0)}: whether a process of that pid exists (EPERM: it does, owned by another user). */
    public static boolean alive(long pid) throws IOException {
        if (pid <= 0 || pid > Integer.MAX_VALUE) return false;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(layout());
            int rc = (int) handle("kill").invokeWithArguments(state, (int) pid, 0);
            return rc == 0 || errno(state) == 1; // EPERM
        } catch (IOException e) {
            throw e;
        } catch (Throwable t) {
            throw new IOException("kill: " + t, t);
        }
    }

    /** Points standard input, output and error at {@code /dev/null} (the end of a detached start). */
    public static void silence() throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            int fd = (int) call("open", arena.allocateFrom("/dev/null"), O_RDWR);
            check("open /dev/null", fd);
            for (int std = 0; std < 3; std++) check("dup2", call("dup2", fd, std));
            if (fd > 2) call("close", fd);
        }
    }

    static long call(String function, Object... args) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            Object rc = invoke(function, arena, args);
            if (rc instanceof Integer i && i < 0 || rc instanceof Long l && l < 0)
                throw new IOException(function + " failed: errno " + lastErrno.get());
            return ((Number) rc).longValue();
        }
    }

    private static final ThreadLocal<Integer> lastErrno = ThreadLocal.withInitial(() -> 0);

    private static Object invoke(String function, Arena arena, Object... args) throws IOException {
        MemorySegment state = arena.allocate(layout());
        Object[] all = new Object[args.length + 1];
        all[0] = state;
        System.arraycopy(args, 0, all, 1, args.length);
        try {
            Object rc = handle(function).invokeWithArguments(all);
            lastErrno.set(errno(state));
            return rc;
        } catch (IOException e) {
            throw e;
        } catch (Throwable t) { // invokeWithArguments is declared to throw Throwable
            throw new IOException(function + ": " + t, t);
        }
    }

    private static void check(String what, long rc) throws IOException {
        if (rc < 0) throw new IOException(what + " failed: errno " + lastErrno.get());
    }

    private static MethodHandle handle(String function) throws IOException {
        MethodHandle h = CALLS.get(function);
        if (h != null) return h;
        Linker linker = Ffi.LINKER;
        Linker.Option keep = Ffi.KEEP_ERRNO;
        FunctionDescriptor signature = Ffi.SIGNATURES.get(function);
        if (linker == null || keep == null || signature == null)
            throw new IOException("system calls unavailable: " + Ffi.UNAVAILABLE);
        try {
            // a call being linked on another thread (DaemonMode.linkAhead) is waited for, not linked twice
            return CALLS.computeIfAbsent(function,
                    f -> linker.downcallHandle(linker.defaultLookup().find(f).orElseThrow(), signature, keep));
        } catch (RuntimeException e) { // IllegalCallerException without native access
            throw new IOException(function + ": " + e, e);
        }
    }

    private static StructLayout layout() throws IOException {
        StructLayout l = Ffi.CAPTURED;
        if (l == null) throw new IOException("system calls unavailable: " + Ffi.UNAVAILABLE);
        return l;
    }

    private static int errno(MemorySegment state) {
        VarHandle e = Ffi.ERRNO;
        return e == null ? 0 : (int) e.get(state, 0L);
    }
}
