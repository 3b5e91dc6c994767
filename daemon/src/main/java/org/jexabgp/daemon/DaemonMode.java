package org.jexabgp.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import org.jexabgp.core.config.Settings;
import org.jexabgp.daemon.os.Posix;
import org.jexabgp.daemon.os.Umask;
import org.jexabgp.reactor.Reactor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code daemon.*} settings at work (runtime.md §5.1, §6): umask, pid file check and detaching first, then — inside
 * the reactor's start, once listening — the pid file and the privilege drop before (or, with {@code daemon.drop=false},
 * after) the programs start.
 * Every refusal is exit code 1.
 */
final class DaemonMode implements Reactor.StartSteps {
    private static final Logger LOG = LoggerFactory.getLogger("exabgp.daemon");

    private final Settings.Daemon daemon;
    private final @Nullable PidFile pidFile;
    private final boolean background = Detached.isDaemon();
    /** Files opened as root that the dropped user keeps using (the CLI's socket and pipes). */
    private List<Path> handOver = List.of();
    /** Refusals are also printed on stderr when the log does not go there already. */
    private boolean echo = true;

    DaemonMode(Settings.Daemon daemon) {
        this.daemon = daemon;
        this.pidFile = daemon.pid().isEmpty() ? null
                : new PidFile(Path.of(daemon.pid()).toAbsolutePath(), ProcessHandle.current().pid());
    }

    /**
     * A daemon started as root drops its privileges once it listens: its C calls are readied meanwhile, on the other
     * core, from the start of {@code main}: the launcher's JNI library loaded, or, without it, the calls linked through
     * java.lang.foreign (60-80 ms in a JVM just started, issue 9). The JVM's user.name is that of the real uid.
     */
    static void linkDropCalls() {
        if ("root".equals(System.getProperty("user.name")))
            Thread.ofPlatform().daemon().name("link").start(() -> {
                // a process without supplementary groups has none to drop: no setgroups to link (Privileges.drop)
                if (Posix.supplementaryGroups()) Posix.readyDropCalls("setgroups", "setgid", "setuid");
                else Posix.readyDropCalls("setgid", "setuid");
            });
    }

    /**
     * Before the configuration is read: the umask, the pid file check, and detaching. Returns the exit code when this
     * process is done (it refused, or started the background daemon), or -1 to go on serving.
     */
    int prepare(Settings.Log log) {
        String d = log.destination().toLowerCase(java.util.Locale.ROOT);
        echo = !log.enable() || !(d.equals("stdout") || d.equals("stderr"));
        try {
            Umask.ensure(daemon.umask());
        } catch (IOException e) {
            LOG.warn("can not set the umask: {}", e.getMessage());
        }
        if (pidFile != null) {
            try {
                pidFile.check();
            } catch (PidFile.Refused e) {
                return refuse(e.getMessage());
            }
        }
        if (background) {
            try {
                Detached.startSession();
            } catch (IOException e) {
                LOG.warn("can not start a new session: {}", e.getMessage());
            }
            return -1;
        }
        if (!daemon.daemonize()) return -1;
        String stay = Detached.reasonToStay(log.destination(), log.enable());
        if (stay != null) {
            LOG.error(stay);
            return -1;
        }
        return Detached.launch(System.err);
    }

    /**
     * The pid file is written here, while still root: ExaBGP writes it after the drop, which fails in a directory only
     * root may write to (/run) — then it refuses to start. Its removal at exit is the dropped user's, best effort.
     */
    @Override
    public boolean listening() {
        if (pidFile != null) {
            try {
                pidFile.write();
                pidFile.giveTo(daemon.user());
                LOG.info("created pid file {} with value {}", pidFile.path(), ProcessHandle.current().pid());
            } catch (PidFile.Refused e) {
                refuse(e.getMessage());
                return false;
            }
        }
        return !daemon.drop() || drop();
    }

    @Override
    public boolean started() {
        if (!daemon.drop() && !drop()) return false;
        if (background) {
            try {
                Detached.silence();
            } catch (IOException e) {
                LOG.warn("can not detach from the terminal: {}", e.getMessage());
            }
        }
        return true;
    }

    /**
     * Before the reactor starts: files it opens before the privilege drop and that the dropped user must still use —
     * the CLI's named pipes are opened again for each answer, and the socket file is the one ExaBGP's dropped bridge
     * would have made (its owner may connect with umask 0137's mode).
     */
    void handOver(List<Path> files) {
        this.handOver = List.copyOf(files);
    }

    /** On exit: the pid file goes. */
    void close() {
        if (pidFile != null) pidFile.remove();
    }

    private boolean drop() {
        giveFilesToUser();
        try {
            Privileges.drop(daemon.user());
            return true;
        } catch (Privileges.Refused e) {
            refuse(e.getMessage());
            return false;
        }
    }

    private void giveFilesToUser() {
        try {
            if (Posix.uid() != 0 || handOver.isEmpty()) return;
            Posix.User user = Posix.user(daemon.user());
            if (user == null || user.uid() == 0) return; // the drop refuses to run, with the reason
            for (Path file : handOver) {
                if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) continue;
                try {
                    Files.setAttribute(file, "unix:uid", user.uid(), LinkOption.NOFOLLOW_LINKS);
                    Files.setAttribute(file, "unix:gid", user.gid(), LinkOption.NOFOLLOW_LINKS);
                    LOG.debug("{} handed to {}", file, daemon.user());
                } catch (IOException e) {
                    LOG.warn("can not give {} to {}: {}", file, daemon.user(), e.getMessage());
                }
            }
        } catch (IOException e) {
            LOG.warn("can not hand the CLI's files to {}: {}", daemon.user(), e.getMessage());
        }
    }

    private int refuse(String message) {
        LOG.error(message);
        if (echo) System.err.println(message);
        return 1;
    }
}
