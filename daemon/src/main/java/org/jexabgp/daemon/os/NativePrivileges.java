package org.jexabgp.daemon.os;

/**
 * The privilege drop's C calls through JNI, from the library the build compiles (daemon/src/main/c/privileges.c) and
 * the launcher names ({@code -Djexabgp.native}): linking them through {@code java.lang.foreign} cost every start of a
 * daemon run as root a generated class and method handles per signature, up to 35 ms of CPU on this machine's two
 * cores (issue 9). Without the library, {@link Posix} makes the same calls through {@code java.lang.foreign}.
 */
final class NativePrivileges {
    /** The library's path, as the launcher gives it. */
    static final String PROPERTY = "jexabgp.native";

    private static final boolean LOADED = load();

    private NativePrivileges() {}

    private static boolean load() {
        String path = System.getProperty(PROPERTY);
        if (path == null || path.isEmpty()) return false;
        try {
            System.load(path);
            return true;
        } catch (LinkageError | IllegalCallerException | SecurityException e) {
            // not there, not loadable, or native access denied: the same calls go through java.lang.foreign
            return false;
        }
    }

    /** Whether the library is loaded (the first call loads it). */
    static boolean available() {
        return LOADED;
    }

    /** {@code setgroups(1, &gid)}: 0, or the errno. */
    static native int setgroups(int gid);

    /** {@code setgid(gid)}: 0, or the errno. */
    static native int setgid(int gid);

    /** {@code setuid(uid)}: 0, or the errno. */
    static native int setuid(int uid);
}
