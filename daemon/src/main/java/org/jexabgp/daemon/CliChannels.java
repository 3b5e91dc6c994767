package org.jexabgp.daemon;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jexabgp.core.config.Settings;
import org.jexabgp.daemon.engine.ControlPipes;
import org.jexabgp.daemon.engine.ControlSocket;
import org.jexabgp.reactor.Reactor;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/**
 * The daemon's ends of {@code exabgp cli} (runtime.md §3.1, api.md §1.6), added as internal processes when
 * {@code api.cli} is on: the Unix socket (unless {@code api.socketname} is empty) and the named pipes when the operator
 * made them. With neither, the daemon tells how to make the pipes, as ExaBGP does.
 */
final class CliChannels {
    private CliChannels() {}

    /**
     * Returns the channels' files (the socket, the pipes): the reactor opens them before the privilege drop, and they
     * are then handed to {@code daemon.user} ({@link DaemonMode#handOver}).
     */
    static List<Path> add(Reactor reactor, Settings settings, Map<String, String> env, Path root) {
        if (!settings.api().cli()) return List.of();
        List<Path> files = new ArrayList<>();
        boolean socket = !settings.api().socketname().isEmpty();
        if (socket) {
            Path path = SocketPath.forDaemon(env, settings.api().socketname());
            reactor.addControlChannel("api-internal-cli-socket", List.of(ControlSocket.COMMAND, path.toString()));
            files.add(path);
        }
        String name = settings.api().pipename();
        @Nullable Path dir = name.isEmpty() ? null : PipePath.find(env, root, name);
        if (dir != null) {
            reactor.addControlChannel("api-internal-cli-pipe", List.of(ControlPipes.COMMAND,
                    dir.resolve(name + ".in").toString(), dir.resolve(name + ".out").toString()));
            files.add(dir.resolve(name + ".in"));
            files.add(dir.resolve(name + ".out"));
        } else if (!socket && !name.isEmpty()) {
            var log = LoggerFactory.getLogger("exabgp.cli");
            log.warn("could not find the named pipes ({}.in and {}.out) in any of:", name, name);
            for (Path d : PipePath.directories(root)) log.warn("  {}", d);
            Path run = root.resolve("run");
            log.warn("to use the CLI over named pipes, create them (and restart the daemon):");
            log.warn("  mkdir -p {}", run);
            log.warn("  mkfifo {}/{}.in {}/{}.out", run, name, run, name);
            log.warn("  chown {} {}/{}.in {}/{}.out", settings.daemon().user(), run, name, run, name);
            log.warn("  chmod 600 {}/{}.in {}/{}.out", run, name, run, name);
        }
        return files;
    }
}
