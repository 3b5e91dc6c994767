package org.jexabgp.daemon;

import java.util.concurrent.Callable;
import picocli.CommandLine;

@CommandLine.Command(name = "version", description = "print the version")
final class VersionCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        Logging.quiet();
        for (String line : new Version().getVersion()) System.out.println(line);
        return 0;
    }
}
