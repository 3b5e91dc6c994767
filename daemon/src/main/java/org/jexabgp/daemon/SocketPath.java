package org.jexabgp.daemon;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Where the control socket lives (runtime.md §3.1): {@code <dir><name>.sock}, {@code <dir>} the first of ExaBGP's run
 * directories that exists and is writable ({@code /run/exabgp/}, {@code /run/<uid>/}, {@code /run/}, then the same
 * under {@code /var/run}), else the temporary directory. {@code exabgp.api.socketpath} (or
 * {@code exabgp_api_socketpath}) names the file directly. The CLI looks for an existing socket in the same order.
 */
final class SocketPath {
    private SocketPath() {}

    static List<Path> directories() {
        String uid = uid();
        List<Path> out = new ArrayList<>();
        for (String base : List.of("/run/", "/var/run/")) {
            out.add(Path.of(base, "exabgp"));
            if (uid != null) out.add(Path.of(base, uid));
            out.add(Path.of(base));
        }
        out.add(Path.of(System.getProperty("java.io.tmpdir")));
        return out;
    }

    private static @Nullable String override(Map<String, String> env) {
        String v = env.get("exabgp.api.socketpath");
        if (v == null) v = env.get("exabgp_api_socketpath");
        return v == null || v.isBlank() ? null : v;
    }

    /** Where the daemon binds. */
    static Path forDaemon(Map<String, String> env, String name) {
        String o = override(env);
        if (o != null) return Path.of(o);
        for (Path d : directories()) if (Files.isDirectory(d) && Files.isWritable(d)) return d.resolve(name + ".sock");
        return Path.of(System.getProperty("java.io.tmpdir"), name + ".sock");
    }

    /** Where the CLI connects: the first existing socket, else where a daemon would bind. */
    static Path forClient(Map<String, String> env, String name) {
        String o = override(env);
        if (o != null) return Path.of(o);
        for (Path d : directories()) {
            Path p = d.resolve(name + ".sock");
            if (Files.exists(p)) return p;
        }
        return forDaemon(env, name);
    }

    private static @Nullable String uid() {
        try {
            Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            return String.valueOf(uid);
        } catch (Exception e) {
            return null;
        }
    }
}
