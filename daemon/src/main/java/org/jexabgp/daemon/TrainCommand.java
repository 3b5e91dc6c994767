package org.jexabgp.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.Callable;
import org.jexabgp.core.config.Settings;
import org.jexabgp.daemon.os.Posix;
import org.jexabgp.reactor.Decode;
import org.jexabgp.reactor.EventContext;
import picocli.CommandLine;

/**
 * The AOT training run (hidden): the build runs it with {@code -XX:AOTCacheOutput} so the classes a daemon loads to
 * decode, parse a configuration, run sessions in both engines and talk to programs come from the cache at the next
 * start. Two neighbours of one daemon peer over loopback, a program announces routes, then the run stops itself.
 */
@CommandLine.Command(name = "train", hidden = true)
final class TrainCommand implements Callable<Integer> {
    @CommandLine.Option(names = "--seconds", description = "how long each engine runs")
    int seconds = 2;

    @CommandLine.Option(names = "--port", description = "the loopback port the two neighbours use (0: any free one)")
    int port;

    @CommandLine.Option(names = "--log", description = "where the two daemons log (default: a file removed after)")
    @org.jspecify.annotations.Nullable Path log;

    @Override
    public Integer call() {
        try {
            train();
        } catch (Exception | LinkageError e) {
            // Training only makes start-up faster: a failure must never fail the build.
            System.err.println("jexabgp train: " + e);
        }
        return 0;
    }

    private void train() throws Exception {
        if (port == 0) {
            try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
                port = s.getLocalPort();
            }
        }
        int umask = systemCalls();
        EventContext context = new EventContext("train", 1, 1, () -> 0.0);
        for (String hex : SAMPLES) Decode.run(context, hex, null, Decode.Kind.UPDATE, false);
        Path dir = Files.createTempDirectory("jexabgp-train");
        try {
            Path commands = dir.resolve("commands");
            Files.writeString(commands, commands());
            Path program = dir.resolve("announce.sh");
            Files.writeString(program, """
                    #!/bin/sh
                    for i in 1 2 3 4 5 6 7 8; do echo "announce route 10.$i.0.0/24 next-hop self med $i community [ 65000:$i ]"; done
                    echo "announce route 2001:db8:1::/48 next-hop 2001:db8::1"
                    echo "withdraw route 10.1.0.0/24"
                    cat '%s'
                    while read -r line; do :; done
                    """.formatted(commands));
            Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwxr-xr-x"));
            Path conf = dir.resolve("train.conf");
            Files.writeString(conf, CONFIG.formatted(program, port, staticRoutes(), port));
            Path logFile = log != null ? log : dir.resolve("train.log");
            Main.readyForDaemon(); // as a daemon's main does, so that the cache holds its lambdas too
            for (boolean asyncio : List.of(false, true)) run(conf, asyncio, umask, logFile);
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        }
    }

    /**
     * The system calls of a daemon's start (the umask, the privilege drop's), each made without effect: linking a
     * native call builds classes and method handles, which the cache then holds (about 0.1 s of every start).
     */
    private static int systemCalls() {
        int umask = 0022;
        try {
            umask = Posix.umask(0022);
            Posix.umask(umask);
            int uid = Posix.uid();
            int gid = Posix.gid();
            Posix.euid();
            Posix.user("root");
            Posix.setGid(gid);
            Posix.setUid(uid);
        } catch (IOException e) {
            System.err.println("jexabgp train: " + e.getMessage());
        }
        try {
            if (Posix.uid() == 0) Posix.setGroups(Posix.gid()); // a training run keeps no supplementary group
        } catch (IOException e) {
            System.err.println("jexabgp train: " + e.getMessage());
        }
        return umask;
    }

    /**
     * Routes in the forms programs send most, a few thousand of them: the cache then holds the classes, lambdas and
     * string concatenations these paths use, loaded and linked (the profiles are not replayed: bin/jexabgp-env.sh).
     */
    private static String commands() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < ROUTES; i++)
            b.append("announce route 20.").append(i >> 8).append('.').append(i & 255).append(".0/24 next-hop 127.0.0.1\n");
        for (int line = 0; line < ROUTES / 100; line++) {
            b.append("announce attributes next-hop 127.0.0.1 nlri");
            for (int p = 0; p < 100; p++) b.append(" 30.").append(line).append('.').append(p).append(".0/24");
            b.append('\n');
        }
        return b.toString();
    }

    /** A static section's plain lines, the form large configurations have. */
    private static String staticRoutes() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < ROUTES; i++)
            b.append("        route 40.").append(i >> 8).append('.').append(i & 255).append(".0/24 next-hop 127.0.0.1;\n");
        return b.toString();
    }

    private static final int ROUTES = 3000;

    /**
     * One engine's run, started as a daemon's (command line, logging, umask, privilege drop, serving) when this
     * process's user is a real one with the ids it runs with: the drop and the umask then change nothing. Otherwise
     * (an id without a passwd entry, or a group that is not the user's) the drop could change this process's group or
     * refuse to run, so the run serves without the daemon's start steps. The daemons log at INFO into {@code log}, so
     * that the classes of logging an event are in the cache too.
     */
    private void run(Path conf, boolean asyncio, int umask, Path log) throws Exception {
        String user = System.getProperty("user.name");
        Settings settings = Settings.load(java.util.Map.of(
                "exabgp.reactor.asyncio", Boolean.toString(asyncio),
                "exabgp.daemon.user", user,
                "exabgp.daemon.umask", "0" + Integer.toOctalString(umask),
                "exabgp.log.destination", log.toString(),
                // the control socket of its own, whatever daemon runs on this machine
                "exabgp.api.socketname", "jexabgp-train-" + ProcessHandle.current().pid(),
                "exabgp.api.pipename", "jexabgp-train-" + ProcessHandle.current().pid()), null);
        // Stop the run as a user would: a TERM signal, handled like any other.
        Thread.ofPlatform().daemon().start(() -> {
            try {
                Thread.sleep(seconds * 1000L);
            } catch (InterruptedException e) {
                return;
            }
            sun.misc.Signal.raise(new sun.misc.Signal("TERM"));
        });
        int code;
        if (ownIds(user)) {
            CommandLine server = ServerCommand.alone();
            server.parseArgs(conf.toString());
            code = ServerCommand.run(ServerCommand.Options.of(server.getParseResult()), settings);
        } else {
            Logging.apply(settings.log());
            code = ServerCommand.serve(settings, List.of(conf.toString()), false, false);
        }
        if (code != 0)
            System.err.println("jexabgp train: the " + (asyncio ? "virtual-thread" : "selector") + " run ended with "
                    + code + " (see " + log + ")");
    }

    /** Whether {@code name} is a user whose ids are the ones this process runs with. */
    private static boolean ownIds(String name) {
        try {
            Posix.User user = Posix.user(name);
            return user != null && user.uid() == Posix.uid() && user.gid() == Posix.gid();
        } catch (IOException e) {
            return false;
        }
    }

    private static final String CONFIG = """
            process announce { run %s; encoder json; }
            neighbor 127.0.0.2 {
                router-id 1.1.1.1; local-address 127.0.0.1; local-as 65001; peer-as 65002; connect %d; hold-time 30;
                outgoing-ttl 64;
                family { ipv4 unicast; ipv6 unicast; }
                api { processes [ announce ]; neighbor-changes; send { parsed; update; } }
                static {
                    route 192.0.2.0/24 next-hop self community [ 65001:100 ] large-community [ 1:2:3 ];
            %s    }
            }
            neighbor 127.0.0.1 {
                router-id 2.2.2.2; local-address 127.0.0.2; local-as 65002; peer-as 65001; listen %d; passive;
                hold-time 30;
                family { ipv4 unicast; ipv6 unicast; }
                api { processes [ announce ]; neighbor-changes; fsm; receive { parsed; update; open; keepalive; } }
            }
            """;

    /** A few UPDATEs and an OPEN, so the decoders and JSON renderers are in the cache. */
    private static final List<String> SAMPLES = List.of(
            "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF003C020000001C4001010040020040030465016501800404000000C840050400000064000000002001010101",
            "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF00510104FFFD00B40A000002340206010400010001020641040000FFFD02224B201F4578614247502F6D61696E2D633261326561386562642D3230323430373135",
            "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF002F02000000144001010040020602010000FFFD4003040A0001FE180A0000");
}
