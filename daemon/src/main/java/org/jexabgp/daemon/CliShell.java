package org.jexabgp.daemon;

import java.io.IOException;
import java.nio.file.Path;
import org.jexabgp.daemon.CliTransport.Answer;
import org.jline.reader.EndOfFileException;
import org.jline.reader.History;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * Interactive {@code exabgp cli} (runtime.md §3.2): a line editor with a prompt, history in {@code ~/.exabgp_history}
 * (the last 1000 lines), tab completion of command words and neighbour addresses, and the built-ins {@code exit},
 * {@code quit}, {@code q} and {@code history}. Ctrl-D leaves; Ctrl-C abandons the line being typed.
 */
final class CliShell {
    static final int HISTORY_LINES = 1000;
    private static final String PROMPT = "exabgp> ";

    private final CliCommand cli;
    private final CliTransport transport;

    CliShell(CliCommand cli, CliTransport transport) {
        this.cli = cli;
        this.transport = transport;
    }

    /** {@code ~} as the shell knows it ($HOME, as ExaBGP's expanduser), else the JVM's idea of it. */
    static Path history() {
        String home = System.getenv("HOME");
        return Path.of(home != null && !home.isEmpty() ? home : System.getProperty("user.home"), ".exabgp_history");
    }

    int run() throws IOException {
        // dumb(true): without a terminal (stdin from a pipe) JLine reads plain lines, quietly
        try (Terminal terminal = TerminalBuilder.builder().system(true).dumb(true).build()) {
            LineReader reader = LineReaderBuilder.builder()
                    .terminal(terminal)
                    .appName("exabgpcli")
                    .completer(new CliCompleter(new CliCompleter.Neighbors(transport)))
                    .variable(LineReader.HISTORY_FILE, history())
                    .variable(LineReader.HISTORY_SIZE, HISTORY_LINES)
                    .variable(LineReader.HISTORY_FILE_SIZE, HISTORY_LINES)
                    // one plain command a line, as ExaBGP's readline history file
                    .option(LineReader.Option.HISTORY_TIMESTAMPED, false)
                    .build();
            try {
                while (true) {
                    String line;
                    try {
                        line = reader.readLine(PROMPT);
                    } catch (UserInterruptException e) {
                        continue;
                    } catch (EndOfFileException e) {
                        break;
                    }
                    line = line.strip();
                    if (line.isEmpty()) continue;
                    if (line.equals("exit") || line.equals("quit") || line.equals("q")) break;
                    if (line.equals("history")) {
                        int i = 0;
                        for (History.Entry h : reader.getHistory()) cli.out().printf("%4d  %s%n", ++i, h.line());
                        continue;
                    }
                    if (cli.send(transport, line) == Answer.SHUTDOWN) break;
                }
            } finally {
                try {
                    reader.getHistory().save();
                } catch (IOException e) {
                    System.err.println("exabgpcli: could not save the history: " + e.getMessage());
                }
            }
        }
        return 0;
    }
}
