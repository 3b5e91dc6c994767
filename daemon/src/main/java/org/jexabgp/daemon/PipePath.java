package org.jexabgp.daemon;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jexabgp.daemon.net.Fifo;
import org.jspecify.annotations.Nullable;

/**
 * Where the named pipes of {@code exabgp cli} are (runtime.md §3.1): {@code <name>.in} and {@code <name>.out}, both
 * FIFOs, in the first of ExaBGP's twelve run directories that has them — {@code /run/exabgp/}, {@code /run/<uid>/},
 * {@code /run/}, the same three under {@code /var/run/}, then those six under ROOT. Neither side ever creates them.
 * {@code exabgp_cli_pipe} (ExaBGP's own variable for its bridge) names the directory directly.
 */
final class PipePath {
    private PipePath() {}

    static List<Path> directories(Path root) {
        List<Path> system = SocketPath.directories().subList(0, SocketPath.directories().size() - 1);
        List<Path> out = new ArrayList<>(system);
        for (Path d : system) out.add(root.resolve(Path.of("/").relativize(d)));
        return out;
    }

    /** The directory holding both pipes, or null when none does. */
    static @Nullable Path find(Map<String, String> env, Path root, String name) {
        String o = env.get("exabgp_cli_pipe");
        if (o == null) o = env.get("exabgp.cli.pipe");
        if (o != null && !o.isBlank()) return Path.of(o);
        for (Path d : directories(root))
            if (Fifo.isFifo(d.resolve(name + ".in")) && Fifo.isFifo(d.resolve(name + ".out"))) return d;
        return null;
    }
}
