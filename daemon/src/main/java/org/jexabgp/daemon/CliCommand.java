package org.jexabgp.daemon;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jexabgp.daemon.CliTransport.Answer;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;

/**
 * {@code exabgp cli} / {@code exabgpcli} (runtime.md §3.2): sends a command to a running daemon over its Unix socket
 * (the default) or its named pipes ({@code --pipe}) and prints the answer. Without words it is interactive
 * ({@link CliShell}).
 */
@CommandLine.Command(name = "cli", description = "send a command to a running daemon")
final class CliCommand implements Callable<Integer> {
    @CommandLine.Parameters(arity = "0..*", description = "the command words")
    List<String> words = List.of();

    @CommandLine.Option(names = "--socket", description = "use the unix socket transport (the default)")
    boolean socket;

    @CommandLine.Option(names = "--pipe", description = "use the named pipes transport (<pipename>.in / .out)")
    boolean pipe;

    @CommandLine.Option(names = "--pipename", description = "base name of the pipes and socket (default: exabgp)")
    @Nullable String pipename;

    @CommandLine.Option(names = "--path", description = "the control socket (default: the daemon's run directory)")
    @Nullable Path path;

    @CommandLine.Option(names = "--batch", description = "run each line of FILE (- for stdin)")
    @Nullable String batch;

    @CommandLine.Option(names = "--no-color", description = "no colours (there are none)")
    boolean noColor;

    private PrintStream out = System.out;
    private PrintStream err = System.err;

    @Override
    public Integer call() throws IOException {
        if (pipe && socket) {
            err.println("exabgpcli: --pipe and --socket are exclusive");
            return 1;
        }
        CliTransport transport = transport(System.getenv());
        if (transport == null) return 1;
        if (batch != null) return batch(transport, batch);
        if (words.isEmpty()) return new CliShell(this, transport).run();
        return send(transport, String.join(" ", words)) == Answer.UNREACHABLE ? 1 : 0;
    }

    /** runtime.md §3.2: --pipe / --socket, else exabgp_cli_transport, else the socket. */
    @Nullable CliTransport transport(Map<String, String> env) {
        String chosen = pipe ? "pipe" : socket ? "socket" : setting(env, "cli", "transport", "socket");
        if (chosen.equals("pipe")) {
            String name = pipename != null ? pipename : setting(env, "api", "pipename", "exabgp");
            Path dir = PipePath.find(env, Environment.root(), name);
            if (dir == null) {
                err.println("exabgpcli: could not find the named pipes " + name + ".in and " + name + ".out in:");
                for (Path d : PipePath.directories(Environment.root())) err.println("  " + d);
                err.println("create them with mkfifo, then restart the daemon");
                return null;
            }
            return CliPipe.in(dir, name);
        }
        String name = pipename != null ? pipename : setting(env, "api", "socketname", "exabgp");
        return new CliSocket(path != null ? path : SocketPath.forClient(env, name));
    }

    private static String setting(Map<String, String> env, String section, String key, String fallback) {
        String v = env.get("exabgp." + section + "." + key);
        if (v == null) v = env.get("exabgp_" + section + "_" + key);
        return v == null || v.isBlank() ? fallback : v.strip();
    }

    /** Prints {@code command: …}, sends it and prints every line until the answer (runtime.md §3.2). */
    Answer send(CliTransport transport, String typed) {
        String command = Expansion.expand(typed);
        out.println("command: " + command);
        Answer a = transport.exchange(command, out::println, err::println);
        switch (a) {
            case ERROR -> {
                err.println("ExaBGP returns an error (see ExaBGP's logs for more information)");
                err.println("use help for a list of available commands");
            }
            case IDLE -> err.println("warning: no end of command message received");
            default -> {}
        }
        out.flush();
        return a;
    }

    /** done / error / shutdown, in text or JSON form (api.md §3.1); null for an output line. */
    static @Nullable Answer answer(String line) {
        return CliTransport.answer(line);
    }

    private int batch(CliTransport transport, String file) throws IOException {
        List<String> lines = file.equals("-")
                ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).lines().toList()
                : Files.readAllLines(Path.of(file));
        int n = 0, errors = 0;
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            n++;
            out.println("[" + n + "] " + line);
            Answer a = send(transport, line);
            if (a == Answer.UNREACHABLE) return 1;
            if (a == Answer.ERROR) errors++;
        }
        out.println("Batch execution complete: " + n + " commands, " + errors + " errors");
        return 0;
    }

    PrintStream out() {
        return out;
    }

    /** Word abbreviations of runtime.md §3.2 ({@code s n s} is {@code show neighbor summary}). */
    static final class Expansion {
        private Expansion() {}

        private static final List<String> FIRST = List.of("show", "announce", "withdraw", "help", "teardown",
                "neighbor", "clear", "flush", "version", "shutdown", "reload", "restart", "reset", "enable-ack",
                "disable-ack", "silence-ack");
        private static final Map<String, List<String>> NEXT = Map.of(
                "show", List.of("neighbor", "adj-rib"),
                "neighbor", List.of("summary", "extensive", "configuration", "json"),
                "adj-rib", List.of("in", "out"),
                "in", List.of("extensive", "json", "inet", "flow", "l2vpn"),
                "out", List.of("extensive", "json", "inet", "flow", "l2vpn"),
                "announce", List.of("route", "attributes", "eor", "flow", "vpls", "operational", "watchdog",
                        "route-refresh", "ipv4", "ipv6"),
                "withdraw", List.of("route", "attributes", "flow", "vpls", "watchdog", "ipv4", "ipv6"),
                "clear", List.of("adj-rib"),
                "flush", List.of("adj-rib"));

        static String expand(String typed) {
            String[] w = typed.strip().split("\\s+");
            List<String> out = new ArrayList<>();
            String context = null;
            boolean expanding = true;
            for (String word : w) {
                String x = word;
                if (x.equals("neighbour") || x.equals("neigbour") || x.equals("neigbor")) x = "neighbor";
                if (expanding && !x.isEmpty()) {
                    List<String> choices = context == null ? FIRST : NEXT.get(context);
                    if (context != null && context.equals("neighbor") && !out.contains("show")) choices = FIRST;
                    if (choices == null) {
                        expanding = false;
                    } else {
                        x = pick(x, choices, context);
                    }
                }
                out.add(x);
                if (expanding) {
                    boolean address = x.matches("[0-9a-fA-F:.*]+") && (x.contains(".") || x.contains(":") || x.equals("*"));
                    // after "neighbor <ip>" a new command may follow; after a route word, the route text is literal
                    if (address) context = null;
                    else if (NEXT.containsKey(x) || FIRST.contains(x)) context = x;
                    else expanding = x.equals("neighbor");
                }
            }
            return String.join(" ", out);
        }

        private static String pick(String word, List<String> choices, @Nullable String context) {
            if (choices.contains(word)) return word;
            if (word.equals("rr") && choices.contains("route-refresh")) return "route-refresh";
            if (word.equals("a") && ("announce".equals(context) || "withdraw".equals(context))) return "attributes";
            if (word.equals("s") && context == null) return "show";
            for (String c : choices) if (c.startsWith(word)) return c;
            return word;
        }
    }

    void streams(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }
}
