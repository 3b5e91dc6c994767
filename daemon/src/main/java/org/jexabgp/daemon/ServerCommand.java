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
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParseResult;

/**
 * {@code exabgp [server] CONF…}: runs the daemon. Its options are declared in code ({@link #spec}): picocli reading
 * them from annotations, by reflection in a JVM just started, cost every daemon start about 0.1 s (issue 9).
 */
final class ServerCommand implements Callable<Integer> {
    /** This command's model; picocli calls {@link #call} with it parsed. */
    final CommandSpec spec = spec(this);

    private static CommandSpec spec(ServerCommand command) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command).name("server");
        spec.usageMessage().description("run the BGP daemon (the default command)");
        spec.addOption(flag("log everything, at debug level", "-v", "--verbose"));
        spec.addOption(flag("as --verbose (ExaBGP also starts its debugger)", "-d", "--debug"));
        spec.addOption(flag("accepted for compatibility; no effect", "-p", "--pdb"));
        spec.addOption(flag("one connection attempt per neighbour", "-1", "--once"));
        spec.addOption(flag("never connect out, only accept", "-P", "--passive"));
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).description("Show this help message and exit.")
                .build());
        // ExaBGP's memory and signal debugging and its profiler: accepted, nothing to do here
        spec.addOption(OptionSpec.builder("-m", "--memory").type(boolean.class).hidden(true).build());
        spec.addOption(OptionSpec.builder("-s", "--signal").type(int.class).hidden(true).build());
        spec.addOption(OptionSpec.builder("--profile").type(String.class).hidden(true).build());
        spec.addPositional(PositionalParamSpec.builder().arity("1..*").required(true).paramLabel("CONF").type(List.class)
                .auxiliaryTypes(String.class).description("configuration file(s)").build());
        return spec;
    }

    private static OptionSpec flag(String description, String... names) {
        return OptionSpec.builder(names).type(boolean.class).description(description).build();
    }

    /** {@code exabgp server …} parsed without the other subcommands (the daemon's own start). */
    static CommandLine alone() {
        return new CommandLine(new ServerCommand().spec.name("exabgp server"));
    }

    /** What the command line asks of the daemon. */
    record Options(boolean verbose, boolean once, boolean passive, List<String> files) {
        static Options of(ParseResult parsed) {
            return new Options(
                    parsed.matchedOptionValue("--verbose", false) || parsed.matchedOptionValue("--debug", false),
                    parsed.matchedOptionValue("--once", false),
                    parsed.matchedOptionValue("--passive", false),
                    parsed.matchedPositionalValue(0, List.of()));
        }
    }

    @Override
    public Integer call() {
        Settings settings;
        try {
            settings = Environment.load();
        } catch (Settings.Invalid e) {
            System.err.println(e.getMessage());
            return 1;
        }
        return run(Options.of(spec.commandLine().getParseResult()), settings);
    }

    /** The daemon's start after its command line and environment are read: logging, the umask, serving. */
    static int run(Options options, Settings settings) {
        Settings.Log log = settings.log();
        if (options.verbose())
            log = new Settings.Log(true, true, true, log.destination(), true, "DEBUG", true, true, true, true, true,
                    true, true, true, false, true, true, log.format());
        Logging.apply(log);
        DaemonMode mode = new DaemonMode(settings.daemon());
        int done = mode.prepare(log);
        if (done >= 0) return done;
        try {
            return serve(settings, options.files(), options.once(), options.passive(), mode);
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
