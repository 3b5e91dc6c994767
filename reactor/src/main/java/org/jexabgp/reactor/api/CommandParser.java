package org.jexabgp.reactor.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jexabgp.wire.Family;

/**
 * Turns one line from a program into a {@link Command}, as ExaBGP dispatches (api.md §2): the line is normalised,
 * then matched against the command names in reverse lexical order; the first name equal to the line, ending it after a
 * space, or found anywhere followed by a space, wins. Pure: no state, no I/O.
 */
public final class CommandParser {
    private CommandParser() {}

    /** Registered names (api.md §4), in the reverse lexical order ExaBGP tries them. */
    static final List<String> NAMES = names();

    /** The command names, alphabetically, for {@code help}. */
    public static final List<String> NAMES_FOR_HELP = NAMES.reversed();

    private static List<String> names() {
        List<String> n = new ArrayList<>(List.of(
                "withdraw watchdog", "withdraw vpls", "withdraw route", "withdraw ipv6", "withdraw ipv4",
                "withdraw flow", "withdraw attributes", "withdraw attribute", "version", "teardown", "silence-ack",
                "shutdown", "show neighbor", "show adj-rib out", "show adj-rib in", "restart", "reset", "reload",
                "help", "flush adj-rib out", "enable-ack", "disable-ack", "clear adj-rib", "announce watchdog",
                "announce vpls", "announce route-refresh", "announce route", "announce operational", "announce ipv6",
                "announce ipv4", "announce flow", "announce eor", "announce attributes", "announce attribute", "#"));
        n.sort(Comparator.reverseOrder());
        return List.copyOf(n);
    }

    /** api.md §1.3: tabs to spaces, spaces around brackets and commas, runs of spaces collapsed, ends trimmed. */
    public static String normalise(String line) {
        StringBuilder sb = new StringBuilder(line.length() + 8);
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            switch (c) {
                case '\t', '\r', '\n' -> sb.append(' ');
                case '[', '(' -> sb.append(c).append(' ');
                case ']', ')' -> sb.append(' ').append(c);
                case ',' -> sb.append(" , ");
                default -> sb.append(c);
            }
        }
        return sb.toString().trim().replaceAll(" +", " ");
    }

    public static Command parse(String rawLine) {
        String line = normalise(rawLine);
        for (String name : NAMES) {
            int at = find(line, name);
            if (at < 0) continue;
            String prefix = line.substring(0, at).trim();
            String args = line.substring(Math.min(line.length(), at + name.length())).trim();
            try {
                return build(name, selectors(prefix), args, line);
            } catch (IllegalArgumentException e) {
                return new Command.Invalid(line, e.getMessage());
            }
        }
        return new Command.Invalid(line, "command not understood");
    }

    private static int find(String line, String name) {
        if (line.equals(name)) return 0;
        if (line.endsWith(" " + name)) return line.length() - name.length();
        if (line.startsWith(name + " ")) return 0;
        int at = line.indexOf(" " + name + " ");
        return at < 0 ? -1 : at + 1;
    }

    private static Command build(String name, List<Selector> selectors, String args, String line) {
        boolean json = (" " + args + " ").contains(" json ");
        return switch (name) {
            case "announce route", "announce ipv4", "announce ipv6", "announce attribute", "announce attributes",
                    "announce flow", "announce vpls" ->
                new Command.Routes(selectors, true, name.substring("announce ".length()) + " " + args);
            case "withdraw route", "withdraw ipv4", "withdraw ipv6", "withdraw attribute", "withdraw attributes",
                    "withdraw flow", "withdraw vpls" ->
                new Command.Routes(selectors, false, name.substring("withdraw ".length()) + " " + args);
            case "announce eor" -> new Command.EndOfRib(selectors, family(args, Family.IPV4_UNICAST));
            case "announce route-refresh" -> new Command.RouteRefresh(selectors, family(args, null));
            case "announce operational" -> throw new IllegalArgumentException("operational messages are not supported yet");
            case "announce watchdog" -> new Command.Watchdog(true, args);
            case "withdraw watchdog" -> new Command.Watchdog(false, args);
            case "teardown" -> new Command.Teardown(selectors, teardownCode(args));
            case "flush adj-rib out" -> new Command.FlushAdjRibOut(selectors);
            case "clear adj-rib" -> new Command.ClearAdjRib(
                    selectors, !args.startsWith("out"), !args.startsWith("in"));
            case "show neighbor" -> new Command.ShowNeighbor(firstWord(args), json, args);
            case "show adj-rib in" -> new Command.ShowAdjRib(true, args.contains("extensive"), json, args);
            case "show adj-rib out" -> new Command.ShowAdjRib(false, args.contains("extensive"), json, args);
            case "version" -> new Command.Version();
            case "help" -> new Command.Help();
            case "shutdown" -> new Command.Shutdown();
            case "reload" -> new Command.Reload();
            case "restart" -> new Command.Restart();
            case "reset" -> new Command.Reset();
            case "enable-ack" -> new Command.Ack(Command.Ack.Mode.ENABLE);
            case "disable-ack" -> new Command.Ack(Command.Ack.Mode.DISABLE);
            case "silence-ack" -> new Command.Ack(Command.Ack.Mode.SILENCE);
            case "#" -> new Command.Comment(args);
            default -> new Command.Invalid(line, "command not understood");
        };
    }

    private static String firstWord(String args) {
        int sp = args.indexOf(' ');
        return sp < 0 ? args : args.substring(0, sp);
    }

    private static int teardownCode(String args) {
        String[] w = args.split(" ");
        try {
            int code = Integer.parseInt(w[0]);
            if (code < 0 || code > 255) throw new IllegalArgumentException("invalid teardown code " + w[0]);
            return code;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("teardown needs a notification subcode, got '" + args + "'");
        }
    }

    private static Family family(String args, Family fallback) {
        String[] w = args.isEmpty() ? new String[0] : args.split(" ");
        if (w.length < 2) {
            if (fallback != null) return fallback;
            throw new IllegalArgumentException("an address family is needed (afi safi)");
        }
        return Family.parse(w[0], w[1]);
    }

    /** Neighbour descriptions before the command name; empty when there are none. */
    static List<Selector> selectors(String prefix) {
        List<Selector> out = new ArrayList<>();
        if (prefix.isEmpty()) return out;
        String[] words = prefix.split(" ");
        Map<String, String> pairs = new LinkedHashMap<>();
        int i = 0;
        while (i < words.length) {
            String w = words[i];
            if (w.equals(",")) {
                if (!pairs.isEmpty()) out.add(new Selector(pairs));
                pairs = new LinkedHashMap<>();
                i++;
                continue;
            }
            if (!Selector.KEYS.contains(w) || i + 1 >= words.length)
                throw new IllegalArgumentException("invalid neighbor selector near '" + w + "'");
            if (pairs.isEmpty() && !w.equals("neighbor"))
                throw new IllegalArgumentException("a neighbor selector starts with 'neighbor'");
            pairs.put(w, words[i + 1]);
            i += 2;
        }
        if (!pairs.isEmpty()) out.add(new Selector(pairs));
        return out;
    }
}
