package org.jexabgp.daemon;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;

/**
 * {@code exabgp cli} / {@code exabgpcli} (runtime.md §3.2): sends a command to a running daemon over its control socket
 * and prints the answer. Without words it is interactive, with its history in {@code ~/.exabgp_history}.
 */
@CommandLine.Command(name = "cli", description = "send a command to a running daemon")
final class CliCommand implements Callable<Integer> {
    /** runtime.md §3.2: 5 s without data ends the wait with a warning. */
    private static final long IDLE_MILLIS = 5000;
    private static final int HISTORY_LINES = 1000;

    @CommandLine.Parameters(arity = "0..*", description = "the command words")
    List<String> words = List.of();

    @CommandLine.Option(names = "--socket", description = "use the unix socket transport (the default)")
    boolean socket;

    @CommandLine.Option(names = "--pipe", description = "use the named pipes transport (not available)")
    boolean pipe;

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
        if (pipe) {
            err.println("exabgpcli: the named pipe transport is not available in jexabgp; use the socket (default)");
            return 1;
        }
        Path socketPath = path != null ? path : SocketPath.forClient(System.getenv(), socketName());
        if (batch != null) return batch(socketPath, batch);
        if (words.isEmpty()) return interactive(socketPath);
        return send(socketPath, String.join(" ", words)) == Answer.UNREACHABLE ? 1 : 0;
    }

    private static String socketName() {
        String v = System.getenv("exabgp.api.socketname");
        if (v == null) v = System.getenv("exabgp_api_socketname");
        return v == null || v.isBlank() ? "exabgp" : v;
    }

    enum Answer {
        DONE,
        ERROR,
        SHUTDOWN,
        IDLE,
        UNREACHABLE
    }

    /** Prints {@code command: …}, sends it and prints every line until the answer (runtime.md §3.2). */
    Answer send(Path socketPath, String typed) {
        String command = Expansion.expand(typed);
        out.println("command: " + command);
        try (SocketChannel c = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            c.connect(UnixDomainSocketAddress.of(socketPath));
            c.write(ByteBuffer.wrap((command + "\n").getBytes(StandardCharsets.UTF_8)));
            if (command.equals("reset")) return Answer.DONE; // never answered
            c.configureBlocking(true);
            BufferedReader in = new BufferedReader(Channels.newReader(c, StandardCharsets.UTF_8));
            Thread reader = Thread.currentThread();
            long[] last = {System.nanoTime()};
            Thread watchdog = Thread.ofPlatform().daemon().start(() -> {
                try {
                    while (System.nanoTime() - last[0] < TimeUnit.MILLISECONDS.toNanos(IDLE_MILLIS))
                        Thread.sleep(100);
                    c.close();
                } catch (InterruptedException | IOException ignored) {
                    // done waiting
                }
            });
            try {
                String line;
                while ((line = in.readLine()) != null) {
                    last[0] = System.nanoTime();
                    Answer a = answer(line);
                    if (a == null) {
                        out.println(line);
                        continue;
                    }
                    if (a == Answer.ERROR) {
                        err.println("ExaBGP returns an error (see ExaBGP's logs for more information)");
                        err.println("use help for a list of available commands");
                    }
                    return a;
                }
            } catch (IOException e) {
                // closed by the idle watchdog, or by the daemon
            } finally {
                watchdog.interrupt();
            }
            err.println("warning: no end of command message received");
            return Answer.IDLE;
        } catch (IOException e) {
            err.println("exabgpcli: could not connect to " + socketPath + ": " + e.getMessage()
                    + " (is the daemon running, with exabgp.api.cli true?)");
            return Answer.UNREACHABLE;
        }
    }

    /** done / error / shutdown, in text or JSON form (api.md §3.1); null for an output line. */
    static @Nullable Answer answer(String line) {
        String l = line.strip();
        switch (l) {
            case "done" -> {
                return Answer.DONE;
            }
            case "error" -> {
                return Answer.ERROR;
            }
            case "shutdown" -> {
                return Answer.SHUTDOWN;
            }
            default -> {}
        }
        if (l.startsWith("{") && l.contains("\"answer\"")) {
            if (l.matches(".*\"answer\"\\s*:\\s*\"done\".*")) return Answer.DONE;
            if (l.matches(".*\"answer\"\\s*:\\s*\"error\".*")) return Answer.ERROR;
            if (l.matches(".*\"answer\"\\s*:\\s*\"shutdown\".*")) return Answer.SHUTDOWN;
        }
        return null;
    }

    private int batch(Path socketPath, String file) throws IOException {
        List<String> lines = file.equals("-")
                ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).lines().toList()
                : Files.readAllLines(Path.of(file));
        int n = 0, errors = 0;
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            n++;
            out.println("[" + n + "] " + line);
            Answer a = send(socketPath, line);
            if (a == Answer.UNREACHABLE) return 1;
            if (a == Answer.ERROR) errors++;
        }
        out.println("Batch execution complete: " + n + " commands, " + errors + " errors");
        return 0;
    }

    /** A prompt per command; history kept in ~/.exabgp_history (the last 1000 lines); exit, quit, q, history. */
    private int interactive(Path socketPath) throws IOException {
        Path history = Path.of(System.getProperty("user.home"), ".exabgp_history");
        List<String> past = new ArrayList<>(Files.exists(history) ? Files.readAllLines(history) : List.of());
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        while (true) {
            out.print("exabgp> ");
            out.flush();
            String line = in.readLine();
            if (line == null) break;
            line = line.strip();
            if (line.isEmpty()) continue;
            if (line.equals("exit") || line.equals("quit") || line.equals("q")) break;
            if (line.equals("history")) {
                for (int i = 0; i < past.size(); i++) out.printf("%4d  %s%n", i + 1, past.get(i));
                continue;
            }
            past.add(line);
            while (past.size() > HISTORY_LINES) past.removeFirst();
            try {
                Files.write(history, past, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
            } catch (IOException e) {
                err.println("exabgpcli: could not save the history: " + e.getMessage());
            }
            if (send(socketPath, line) == Answer.SHUTDOWN) break;
        }
        return 0;
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
