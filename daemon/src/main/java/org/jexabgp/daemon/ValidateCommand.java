package org.jexabgp.daemon;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.jexabgp.core.config.ConfigError;
import org.jexabgp.core.config.Settings;
import org.jexabgp.core.model.Configuration;
import org.jexabgp.core.model.Neighbor;
import org.jexabgp.core.model.Route;
import picocli.CommandLine;

/**
 * {@code exabgp validate CONF…}: parses, checks, prints what it understood; non-zero exit on any error. Doubtful but
 * accepted settings are warned of on stderr ({@link NextHopWarnings}), the exit code unchanged.
 */
@CommandLine.Command(name = "validate", description = "check configuration file(s)")
final class ValidateCommand implements Callable<Integer> {
    @CommandLine.Option(names = {"-n", "--neighbor"}, description = "print the neighbours")
    boolean neighbors;

    @CommandLine.Option(names = {"-r", "--route"}, description = "print every route")
    boolean routes;

    @CommandLine.Option(names = {"-v", "--verbose"}, description = "print everything")
    boolean verbose;

    @CommandLine.Option(names = {"-p", "--pdb"}, hidden = true)
    boolean pdb;

    @CommandLine.Parameters(arity = "1..*", paramLabel = "CONF", description = "configuration file(s)")
    List<String> files = List.of();

    @Override
    public Integer call() {
        Logging.quiet();
        boolean passive = false;
        try {
            passive = Environment.load().bgp().passive();
        } catch (Settings.Invalid e) {
            System.err.println(e.getMessage());
            return 1;
        }
        int errors = 0;
        for (String name : files) {
            try {
                Configuration c = ConfigFiles.load(name, passive);
                print(name, c);
                for (Neighbor n : c.neighbors()) for (String w : NextHopWarnings.of(n)) System.err.println(w);
            } catch (ConfigError e) {
                System.err.println(e.getMessage());
                errors++;
            } catch (IOException e) {
                System.err.println(name + ": " + e.getMessage());
                errors++;
            }
        }
        return errors == 0 ? 0 : 1;
    }

    private void print(String name, Configuration c) {
        System.out.println(name + ": ok, " + c.processes().size() + " process(es), " + c.neighbors().size()
                + " neighbor(s)");
        for (Neighbor n : c.neighbors()) {
            if (neighbors || verbose || routes) {
                System.out.println("  " + n.name());
                System.out.println("    families " + n.families());
            }
            if (routes || verbose) {
                for (Route r : n.routes())
                    System.out.println("    route " + r.family().name() + " " + r.nlri().text()
                            + (r.nextHop() != null ? " next-hop " + r.nextHop() : r.nextHopSelf() ? " next-hop self" : ""));
            }
        }
    }
}
