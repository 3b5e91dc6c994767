package org.jexabgp.daemon;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/** {@code exabgp cli}: sends a command to a running daemon. The control socket comes with the runtime issue. */
@CommandLine.Command(name = "cli", description = "send a command to a running daemon")
final class CliCommand implements Callable<Integer> {
    @CommandLine.Parameters(arity = "0..*", description = "the command words")
    List<String> words = List.of();

    @Override
    public Integer call() {
        System.err.println("exabgpcli: this build of jexabgp has no control socket yet;"
                + " send commands through a process block (see README)");
        return 1;
    }
}
