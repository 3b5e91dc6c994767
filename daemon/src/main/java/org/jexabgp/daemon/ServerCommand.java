package org.jexabgp.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jexabgp.core.config.ConfigError;
import org.jexabgp.core.config.Settings;
import org.jexabgp.core.model.Configuration;
import org.jexabgp.core.session.SessionSettings;
import org.jexabgp.daemon.engine.Engine;
import org.jexabgp.reactor.Endpoint;
import org.jexabgp.reactor.EventContext;
import org.jexabgp.reactor.Reactor;
import org.jexabgp.reactor.ReactorOptions;
import org.jexabgp.reactor.StartDelay;
import org.jexabgp.wire.IpAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** {@code exabgp [server] CONF…}: runs the daemon. */
@CommandLine.Command(name = "server", description = "run the BGP daemon (the default command)")
final class ServerCommand implements Callable<Integer> {
    @CommandLine.Option(names = {"-v", "--verbose"}, description = "log everything, at debug level")
    boolean verbose;

    @CommandLine.Option(names = {"-d", "--debug"}, description = "as --verbose (ExaBGP also starts its debugger)")
    boolean debug;

    @CommandLine.Option(names = {"-p", "--pdb"}, description = "accepted for compatibility; no effect")
    boolean pdb;

    @CommandLine.Option(names = {"-1", "--once"}, description = "one connection attempt per neighbour")
    boolean once;

    @CommandLine.Option(names = {"-P", "--passive"}, description = "never connect out, only accept")
    boolean passive;

    @CommandLine.Option(names = {"-m", "--memory"}, hidden = true)
    boolean memory;

    @CommandLine.Option(names = {"-s", "--signal"}, hidden = true)
    int signalSeconds;

    @CommandLine.Option(names = "--profile", hidden = true)
    String profile = "";

    @CommandLine.Parameters(arity = "1..*", paramLabel = "CONF", description = "configuration file(s)")
    List<String> files = List.of();

    @Override
    public Integer call() {
        Settings settings;
        try {
            settings = Environment.load();
        } catch (Settings.Invalid e) {
            System.err.println(e.getMessage());
            return 1;
        }
        Settings.Log log = settings.log();
        if (verbose || debug)
            log = new Settings.Log(true, true, true, log.destination(), true, "DEBUG", true, true, true, true, true,
                    true, true, true, false, true, true, log.format());
        Logging.apply(log);
        DaemonMode mode = new DaemonMode(settings.daemon());
        int done = mode.prepare(log);
        if (done >= 0) return done;
        try {
            return serve(settings, files, once, passive, mode);
        } finally {
            mode.close();
        }
    }

    /** Loads the configuration and runs the daemon until it stops; returns the exit code. */
    static int serve(Settings settings, List<String> files, boolean once, boolean passive) {
        return serve(settings, files, once, passive, new Reactor.StartSteps() {});
    }

    /** As {@link #serve(Settings, List, boolean, boolean)}, with the daemon's start steps (runtime.md §5.1). */
    static int serve(Settings settings, List<String> files, boolean once, boolean passive, Reactor.StartSteps steps) {
        Logger logger = LoggerFactory.getLogger("exabgp.reactor");
        logger.info("Thank you for using jexabgp (ExaBGP {} compatible)", Version.EXABGP);

        boolean bgpPassive = settings.bgp().passive() || passive;
        ConfigFiles configs = new ConfigFiles(files, bgpPassive);
        Configuration config;
        try {
            config = configs.next();
        } catch (ConfigError e) {
            System.err.println(e.getMessage());
            return 1;
        } catch (IOException e) {
            System.err.println(e.getMessage());
            return 1;
        }

        int attempts = once ? 1 : settings.tcp().attempts();
        SessionSettings session =
                new SessionSettings(
                        settings.bgp().openwait(),
                        attempts,
                        bgpPassive,
                        Version.reported(),
                        SessionSettings.FIRST_UPDATE_DELAY_NANOS);
        List<Endpoint> bind = new ArrayList<>();
        for (String address : settings.tcp().bind().trim().split("[ ,]+")) {
            if (address.isEmpty()) continue;
            IpAddress ip = IpAddress.tryParse(address);
            if (ip == null) {
                System.err.println("invalid address in tcp.bind: " + address);
                return 1;
            }
            bind.add(new Endpoint(ip, settings.tcp().port()));
        }
        ReactorOptions options = new ReactorOptions(settings.tcp().port(), bind, session, settings.api().ack(),
                settings.api().respawn(), Version.reported(), Map.of(), settings.api().jsonVersion());
        EventContext context = new EventContext(hostname(), ProcessHandle.current().pid(), parentPid(),
                () -> System.currentTimeMillis() / 1000.0);
        Reactor reactor = new Reactor(config, options, configs, context);
        reactor.startSteps(steps);
        // runtime.md §3.1: exabgp cli talks to the daemon over a Unix socket and named pipes, unless api.cli is off
        List<Path> cliFiles = CliChannels.add(reactor, settings, System.getenv(), Environment.root());
        if (steps instanceof DaemonMode mode) mode.handOver(cliFiles);
        reactor.terminateWhenProgramLost(settings.api().terminate());
        reactor.delayPeers(StartDelay.nanos(System.currentTimeMillis(), settings.tcp().delay()));
        Engine engine = Engine.of(settings.reactor().asyncio());
        logger.info("reactor: {}", settings.reactor().asyncio() ? "virtual threads" : "selector");
        // our addition (docs/operations.md): Prometheus metrics when metrics.listen is set
        if (!settings.metrics().listen().isBlank()) {
            try {
                engine.serveMetrics(MetricsAddress.parse(settings.metrics().listen()));
            } catch (IllegalArgumentException | IOException e) {
                System.err.println("could not serve metrics on " + settings.metrics().listen() + ": " + e.getMessage());
                return 1;
            }
        }
        return engine.run(reactor);
    }

    private static String hostname() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
        } catch (IOException e) {
            String h = System.getenv("HOSTNAME");
            return h != null ? h : "localhost";
        }
    }

    private static long parentPid() {
        return ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(0L);
    }
}
