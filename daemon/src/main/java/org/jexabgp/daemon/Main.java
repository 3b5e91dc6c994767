package org.jexabgp.daemon;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;

/**
 * The {@code exabgp} command line. As ExaBGP, a first argument that is not a subcommand means {@code server}, so
 * {@code exabgp CONF} and {@code exabgp -d -p CONF} work; ExaBGP 4.2's flag spellings are accepted too.
 */
public final class Main {
    private Main() {}

    /** The subcommands, in the order help lists them, each made only when needed. */
    private static final Map<String, Supplier<Object>> COMMANDS = commands();

    static final Set<String> SUBCOMMANDS = subcommandNames();

    /** The types (a regular expression over class names) no option of our commands has. */
    static final String PICOCLI_UNUSED_CONVERTERS = "java\\.(sql|time)\\..*";

    public static void main(String[] args) {
        libraryProperties();
        System.exit(run(args));
    }

    /**
     * What the libraries are told before their first use (unless the JVM was told otherwise). Each spares every start
     * a look through the jar, which was opened for that alone (issue 9): SLF4J goes straight to
     * {@link LoggingProvider}, without looking for a provider, and says nothing of it (its notes go to stderr, some
     * commands' output); picocli does not look for Groovy, whose closures our commands do not use, nor register
     * converters for java.sql and java.time types, which no option of ours has (a reflective look-up of 18 classes,
     * 3 ms of every start). The JDK's network
     * exceptions say what JDK 25 has them say by default (host names, no socket addresses): without the property, the
     * first socket read the JDK's whole security settings file for that one value (1,600 lines, 4 ms of a start).
     */
    static void libraryProperties() {
        setIfAbsent("slf4j.provider", LoggingProvider.class.getName());
        setIfAbsent("slf4j.internal.verbosity", "WARN");
        setIfAbsent("picocli.disable.closures", "true");
        setIfAbsent("picocli.converters.excludes", PICOCLI_UNUSED_CONVERTERS);
        setIfAbsent("jdk.includeInExceptions", "hostInfoExclSocket");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) System.setProperty(key, value);
    }

    static int run(String[] args) {
        if (args.length == 0) {
            commandLine(null).usage(System.out);
            return 1;
        }
        String[] rewritten = rewrite(args);
        if (rewritten[0].equals("server")) { // the daemon: its own options only, none of the other subcommands built
            readyForDaemon();
            return ServerCommand.alone().execute(java.util.Arrays.copyOfRange(rewritten, 1, rewritten.length));
        }
        return commandLine(rewritten[0]).execute(rewritten);
    }

    /** A daemon's work started on other threads from the start of main: the privilege drop's C calls, the first fork. */
    static void readyForDaemon() {
        DaemonMode.linkDropCalls();
        org.jexabgp.daemon.engine.Engine.prepareForPrograms();
    }

    /**
     * The command line with the subcommand {@code first} names, or with all of them when it names none (help, an
     * error). Issue 9: picocli builds each command's model by reflection, interpreted in a JVM just started; building
     * the eight of them cost every start about 0.1 s.
     */
    static CommandLine commandLine(@Nullable String first) {
        CommandLine cli = new CommandLine(new Commands());
        boolean one = first != null && COMMANDS.containsKey(first);
        for (Map.Entry<String, Supplier<Object>> c : COMMANDS.entrySet())
            if (!one || c.getKey().equals(first)) cli.addSubcommand(c.getKey(), c.getValue().get());
        cli.setCaseInsensitiveEnumValuesAllowed(true); // after the subcommands: it is passed on to them
        return cli;
    }

    private static Map<String, Supplier<Object>> commands() {
        Map<String, Supplier<Object>> m = new LinkedHashMap<>();
        m.put("server", () -> new ServerCommand().spec);
        m.put("version", VersionCommand::new);
        m.put("decode", DecodeCommand::new);
        m.put("validate", ValidateCommand::new);
        m.put("env", EnvCommand::new);
        m.put("cli", CliCommand::new);
        m.put("train", TrainCommand::new);
        m.put("healthcheck", HealthcheckCommand::new);
        return m;
    }

    private static Set<String> subcommandNames() {
        Set<String> names = new HashSet<>(COMMANDS.keySet());
        names.add("help");
        return Set.copyOf(names);
    }

    /** Maps ExaBGP's spellings onto our subcommands. */
    static String[] rewrite(String[] args) {
        List<String> a = new ArrayList<>(List.of(args));
        String first = a.getFirst();
        switch (first) {
            case "--version", "-V" -> {
                return new String[] {"version"};
            }
            case "-h", "--help" -> {
                return new String[] {"--help"};
            }
            case "--decode", "-x" -> a.set(0, "decode");
            case "--test", "--validate", "-t" -> a.set(0, "validate");
            case "--fi", "--full-ini" -> {
                return new String[] {"env"};
            }
            case "--di" -> {
                return new String[] {"env", "-d"};
            }
            case "--fe" -> {
                return new String[] {"env", "-e"};
            }
            case "--de" -> {
                return new String[] {"env", "-d", "-e"};
            }
            default -> {
                if (!SUBCOMMANDS.contains(first)) a.addFirst("server");
            }
        }
        return a.toArray(new String[0]);
    }

    @CommandLine.Command(
            name = "exabgp",
            description = "jexabgp: the BGP swiss army knife of networking, a drop-in ExaBGP in Java",
            mixinStandardHelpOptions = true,
            versionProvider = Version.class)
    static final class Commands {}
}
