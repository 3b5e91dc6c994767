package org.jexabgp.daemon;

import java.util.concurrent.Callable;
import org.jexabgp.reactor.Decode;
import org.jexabgp.reactor.EventContext;
import picocli.CommandLine;

/** {@code exabgp decode [-f 'AFI SAFI'] [--update|--open|--nlri] [-i] HEX}: a message as ExaBGP's JSON (json.md §9). */
@CommandLine.Command(name = "decode", description = "decode a BGP message given in hex, print its JSON")
final class DecodeCommand implements Callable<Integer> {
    @CommandLine.Option(names = {"-f", "--family"}, description = "the family of an NLRI or MP attribute: 'afi safi'")
    String family = "";

    @CommandLine.Option(names = {"-u", "--update"}, description = "the hex is an UPDATE (the default)")
    boolean update;

    @CommandLine.Option(names = {"-o", "--open"}, description = "the hex is an OPEN")
    boolean open;

    @CommandLine.Option(names = {"-n", "--nlri"}, description = "the hex is one NLRI of the family")
    boolean nlri;

    @CommandLine.Option(names = {"-i", "--path-information"}, description = "NLRIs carry add-path identifiers")
    boolean pathInformation;

    @CommandLine.Option(names = {"-c", "--configuration"}, hidden = true)
    String configuration = "";

    @CommandLine.Option(names = {"-d", "--debug"}, hidden = true)
    boolean debug;

    @CommandLine.Option(names = {"-p", "--pdb"}, hidden = true)
    boolean pdb;

    @CommandLine.Parameters(arity = "1..*", paramLabel = "HEX", description = "the message (spaces and colons ignored)")
    java.util.List<String> hex = java.util.List.of();

    @Override
    public Integer call() {
        Logging.quiet();
        Decode.Kind kind = nlri ? Decode.Kind.NLRI : open ? Decode.Kind.OPEN : Decode.Kind.UPDATE;
        EventContext context = new EventContext("localhost", ProcessHandle.current().pid(),
                ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(0L),
                () -> System.currentTimeMillis() / 1000.0);
        Decode.Result result =
                Decode.run(context, String.join("", hex), family.isEmpty() ? null : family, kind, pathInformation);
        return switch (result) {
            case Decode.Result.Json j -> {
                System.out.println(j.line());
                yield 0;
            }
            case Decode.Result.Invalid i -> {
                // runtime.md §1: ExaBGP prints "invalid payload" and exits 1
                System.out.println("invalid payload");
                System.err.println(i.reason());
                yield 1;
            }
        };
    }
}
