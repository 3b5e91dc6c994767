package org.jexabgp.daemon;

import java.util.concurrent.Callable;
import org.jexabgp.core.config.Settings;
import picocli.CommandLine;

/** {@code exabgp env}: the effective settings, as INI or as {@code exabgp.section.key=value} lines. */
@CommandLine.Command(name = "env", description = "print the effective environment settings")
final class EnvCommand implements Callable<Integer> {
    @CommandLine.Option(names = {"-d", "--diff"}, description = "only the values that differ from the defaults")
    boolean diff;

    @CommandLine.Option(names = {"-e", "--env"}, description = "exabgp.section.key=value lines instead of INI")
    boolean env;

    @Override
    public Integer call() {
        Logging.quiet();
        Settings settings;
        try {
            settings = Environment.load();
        } catch (Settings.Invalid e) {
            System.err.println(e.getMessage());
            return 1;
        }
        if (env) {
            Settings defaults = Settings.defaults();
            java.util.List<String> base = defaults.envLines();
            for (String line : settings.envLines()) if (!diff || !base.contains(line)) System.out.println(line);
        } else {
            System.out.print(settings.ini(diff));
        }
        return 0;
    }
}
