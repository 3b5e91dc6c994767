package org.jexabgp.functional;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What an API program does, one statement a line ({@code #} starts a comment line). Played by {@link ApiDriver}.
 *
 * <pre>
 * send announce route 10.0.0.0/24 next-hop 1.2.3.4   # a command to the daemon (api.md)
 * ack                                                # the next answer must be "done" (2 s, or "ack 5")
 * error                                              # the next answer must be "error"
 * silence 1                                          # no answer may come for 1 s (ack control)
 * await contains "state": "up"                       # read lines until one contains the text (10 s)
 * await regex ^exabgp [0-9]                          # … or matches the regular expression
 * sleep 0.5                                          # pause (only where the protocol needs time to pass)
 * signal USR1                                        # signal the daemon (our parent)
 * install exabgp.conf.2 exabgp.conf                  # copy a file of the scenario over another (reload tests)
 * exit                                               # leave now (the daemon may then respawn us)
 * </pre>
 *
 * A {@code #} at the start of a line or after whitespace starts a comment.
 * After the last statement the program keeps reading until the daemon closes its input, so it is not respawned.
 */
public record ApiScript(List<Step> steps) {
    public ApiScript {
        steps = List.copyOf(steps);
    }

    public sealed interface Step {
        int line();

        record Send(int line, String text) implements Step {}

        record Answer(int line, boolean done, double seconds) implements Step {}

        record Silence(int line, double seconds) implements Step {}

        record Await(int line, Pattern pattern, String shown, double seconds) implements Step {}

        record Sleep(int line, double seconds) implements Step {}

        record Signal(int line, String name) implements Step {}

        record Exit(int line, int code) implements Step {}

        /** Copies {@code from} over {@code to}, both relative to the script's directory. */
        record Install(int line, String from, String to) implements Step {}
    }

    public static ApiScript parse(String text) {
        List<Step> steps = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int n = i + 1;
            // a comment starts at a '#' after whitespace (so "#" inside a word is kept)
            String line = lines[i].replaceFirst("(^|\\s)#.*$", "").strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            int space = line.indexOf(' ');
            String verb = space < 0 ? line : line.substring(0, space);
            String rest = space < 0 ? "" : line.substring(space + 1).strip();
            try {
                steps.add(switch (verb) {
                    case "send" -> {
                        if (rest.isEmpty()) throw error(n, "send what?");
                        yield new Step.Send(n, rest);
                    }
                    case "ack" -> new Step.Answer(n, true, rest.isEmpty() ? 2 : Double.parseDouble(rest));
                    case "error" -> new Step.Answer(n, false, rest.isEmpty() ? 2 : Double.parseDouble(rest));
                    case "silence" -> new Step.Silence(n, rest.isEmpty() ? 1 : Double.parseDouble(rest));
                    case "sleep" -> new Step.Sleep(n, Double.parseDouble(rest));
                    case "signal" -> new Step.Signal(n, rest.isEmpty() ? "USR1" : rest);
                    case "exit" -> new Step.Exit(n, rest.isEmpty() ? 0 : Integer.parseInt(rest));
                    case "install" -> {
                        String[] files = rest.split("\\s+");
                        if (files.length != 2 || files[0].contains("/") || files[1].contains("/"))
                            throw error(n, "install FILE FILE (names in the scenario's directory)");
                        yield new Step.Install(n, files[0], files[1]);
                    }
                    case "await" -> {
                        int sp = rest.indexOf(' ');
                        if (sp < 0) throw error(n, "await contains TEXT | await regex RE");
                        String how = rest.substring(0, sp);
                        String what = rest.substring(sp + 1).strip();
                        Pattern p = switch (how) {
                            case "contains" -> Pattern.compile(Pattern.quote(what));
                            case "regex" -> Pattern.compile(what);
                            default -> throw error(n, "await contains TEXT | await regex RE");
                        };
                        yield new Step.Await(n, p, how + " " + what, 10);
                    }
                    default -> throw error(n, "unknown statement " + verb);
                });
            } catch (NumberFormatException e) {
                throw error(n, "not a number: " + rest);
            }
        }
        return new ApiScript(steps);
    }

    private static IllegalArgumentException error(int line, String message) {
        return new IllegalArgumentException("line " + line + ": " + message);
    }
}
