package org.jexabgp.daemon;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;

/**
 * The {@code exabgp} command line. As ExaBGP, a first argument that is not a subcommand means {@code server}, so
 * {@code exabgp CONF} and {@code exabgp -d -p CONF} work; ExaBGP 4.2's flag spellings are accepted too.
 */
public final class Main {
    private Main() {}

    static final Set<String> SUBCOMMANDS =
            Set.of("server", "version", "decode", "validate", "env", "cli", "help", "train", "healthcheck");

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        CommandLine cli = new CommandLine(new Commands());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        if (args.length == 0) {
            cli.usage(System.out);
            return 1;
        }
        return cli.execute(rewrite(args));
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
            versionProvider = Version.class,
            subcommands = {
                ServerCommand.class, VersionCommand.class, DecodeCommand.class, ValidateCommand.class,
                EnvCommand.class, CliCommand.class, TrainCommand.class, HealthcheckCommand.class
            })
    static final class Commands {}
}
