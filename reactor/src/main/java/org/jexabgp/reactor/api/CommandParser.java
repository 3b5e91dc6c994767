package org.jexabgp.reactor.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.message.OperationalType;

/**
 * Turns one line from a program into a {@link Command}, as ExaBGP dispatches (api.md §2): the line is normalised,
 * then matched against the command names in reverse lexical order; the first name equal to the line, ending it after a
 * space, or found anywhere followed by a space, wins. Pure: no state, no I/O.
 */
public final class CommandParser {
    private CommandParser() {}

    /** Registered names (api.md §4), in the reverse lexical order ExaBGP tries them. */
    static final List<String> NAMES = names();

    /** Narrows {@link #NAMES} to those whose words occur in a line, keeping their order (issue 9). */
    private static final NameCandidates CANDIDATES = new NameCandidates(NAMES);

    /** The command names, alphabetically, for {@code help}: the dispatched ones and the neighbour commands. */
    public static final List<String> NAMES_FOR_HELP = namesForHelp();

    private static List<String> namesForHelp() {
        List<String> n = new ArrayList<>(NAMES);
        n.addAll(NeighborCommands.NAMES);
        n.sort(Comparator.naturalOrder());
        return List.copyOf(n);
    }

    private static List<String> names() {
        List<String> n = new ArrayList<>(List.of(
                "withdraw watchdog", "withdraw vpls", "withdraw route", "withdraw ipv6", "withdraw ipv4",
                "withdraw flow", "withdraw attributes", "withdraw attribute", "version", "teardown", "silence-ack",
                "shutdown", "show neighbor", "show adj-rib out", "show adj-rib in", "restart", "reset", "reload",
                "help", "flush adj-rib out", "enable-ack", "disable-ack", "clear adj-rib", "announce watchdog",
                "announce vpls", "announce route-refresh", "announce route", "announce operational", "announce ipv6",
                "announce ipv4", "announce flow", "announce eor", "announce attributes", "announce attribute", "#",
                "crash",
                // extension (docs/evpn.md)
                "announce evpn", "withdraw evpn", "announce l2vpn", "withdraw l2vpn", "announce rtc", "withdraw rtc"));
        n.sort(Comparator.reverseOrder());
        return List.copyOf(n);
    }

    /** api.md §1.3: tabs to spaces, spaces around brackets and commas, runs of spaces collapsed, ends trimmed. */
    public static String normalise(String line) {
        if (isNormal(line)) return line; // what programs send almost always: nothing to copy
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
        // runs of spaces collapsed, ends trimmed (a hand loop: this is on every command's path)
        StringBuilder out = new StringBuilder(sb.length());
        for (int i = 0; i < sb.length(); i++) {
            char c = sb.charAt(i);
            if (c == ' ' && (out.isEmpty() || out.charAt(out.length() - 1) == ' ')) continue;
            out.append(c);
        }
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == ' ') end--;
        out.setLength(end);
        return out.toString().trim();
    }

    /**
     * Whether {@link #normalise} would return the line unchanged: no tab or line break, no run of spaces, nothing
     * trimmable at either end, a space after each opening bracket and before each closing one, and around each comma
     * (but at the line's ends). Lines with communities written as normalised stay as they are too.
     */
    private static boolean isNormal(String text) {
        // read as bytes, one copy of a Latin-1 string (each charAt is four calls while interpreted, issue 9); only ASCII
        // characters matter here, and one beyond Latin-1 reads as '?'
        byte[] line = text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        int n = line.length;
        if (n == 0) return true;
        if ((line[0] & 0xFF) <= ' ' || (line[n - 1] & 0xFF) <= ' ') return false;
        int previous = 0;
        for (int i = 0; i < n; i++) {
            int c = line[i] & 0xFF;
            switch (c) {
                case '\t', '\r', '\n' -> {
                    return false;
                }
                case ' ' -> {
                    if (previous == ' ') return false;
                }
                case '[', '(' -> {
                    if (i + 1 < n && line[i + 1] != ' ') return false;
                }
                case ']', ')' -> {
                    if (i > 0 && previous != ' ') return false;
                }
                case ',' -> {
                    if (i > 0 && previous != ' ' || i + 1 < n && line[i + 1] != ' ') return false;
                }
                default -> {}
            }
            previous = c;
        }
        return true;
    }

    public static Command parse(String rawLine) {
        String line = normalise(rawLine);
        // docs/neighbors.md: a whole neighbor section follows, whose words must not be taken for command names
        Command neighbors = NeighborCommands.parse(line);
        if (neighbors != null) return neighbors;
        for (long set = CANDIDATES.set(line); set != 0; set &= set - 1) {
            String name = CANDIDATES.name(Long.numberOfTrailingZeros(set));
            int at = find(line, name);
            if (at < 0) continue;
            String prefix = line.substring(0, at).trim();
            try {
                if (ROUTE_NAMES.contains(name) && at + name.length() < line.length()) {
                    // "route <args>" is the rest of the normalised line after "announce "/"withdraw "
                    boolean announce = name.startsWith("announce");
                    return new Command.Routes(selectors(prefix), announce,
                            line.substring(at + (announce ? "announce " : "withdraw ").length()));
                }
                String args = line.substring(Math.min(line.length(), at + name.length())).trim();
                return build(name, selectors(prefix), args, line);
            } catch (IllegalArgumentException e) {
                return new Command.Invalid(line, e.getMessage());
            }
        }
        return new Command.Invalid(line, "command not understood");
    }

    /**
     * Where the name occurs as whole words: the whole line, its end after a space, or anywhere followed by a space (the
     * first occurrence). No allocation: this runs 35 times per command line.
     */
    private static int find(String line, String name) {
        int n = name.length(), l = line.length();
        if (l == n) return line.equals(name) ? 0 : -1;
        // ExaBGP's order: the line's end first, then its start, then the first occurrence inside
        if (l > n && line.endsWith(name) && line.charAt(l - n - 1) == ' ') return l - n;
        if (line.startsWith(name) && l > n && line.charAt(n) == ' ') return 0;
        for (int at = line.indexOf(name, 1); at > 0; at = line.indexOf(name, at + 1)) {
            if (line.charAt(at - 1) != ' ') continue;
            int end = at + n;
            if (end == l || line.charAt(end) == ' ') return at;
        }
        return -1;
    }

    /** The names of route commands: their text is handed on whole, after the verb. */
    private static final java.util.Set<String> ROUTE_NAMES = java.util.Set.of(
            "announce route", "announce ipv4", "announce ipv6", "announce attribute", "announce attributes",
            "announce flow", "announce vpls", "announce evpn", "announce l2vpn", "announce rtc",
            "withdraw route", "withdraw ipv4", "withdraw ipv6", "withdraw attribute", "withdraw attributes",
            "withdraw flow", "withdraw vpls", "withdraw evpn", "withdraw l2vpn", "withdraw rtc");

    private static Command build(String name, List<Selector> selectors, String args, String line) {
        return switch (name) {
            case "announce route", "announce ipv4", "announce ipv6", "announce attribute", "announce attributes",
                    "announce flow", "announce vpls", "announce evpn", "announce l2vpn", "announce rtc" ->
                new Command.Routes(selectors, true, name.substring("announce ".length()) + " " + args);
            case "withdraw route", "withdraw ipv4", "withdraw ipv6", "withdraw attribute", "withdraw attributes",
                    "withdraw flow", "withdraw vpls", "withdraw evpn", "withdraw l2vpn", "withdraw rtc" ->
                new Command.Routes(selectors, false, name.substring("withdraw ".length()) + " " + args);
            case "announce eor" -> new Command.EndOfRib(selectors, family(args, Family.IPV4_UNICAST));
            case "announce route-refresh" -> new Command.RouteRefresh(selectors, family(args, null));
            case "announce operational" -> operational(selectors, args);
            case "announce watchdog" -> new Command.Watchdog(true, args);
            case "withdraw watchdog" -> new Command.Watchdog(false, args);
            case "teardown" -> new Command.Teardown(selectors, teardownCode(args));
            case "flush adj-rib out" -> new Command.FlushAdjRibOut(selectors);
            case "clear adj-rib" -> new Command.ClearAdjRib(
                    selectors, !args.startsWith("out"), !args.startsWith("in"));
            case "show neighbor" -> showNeighbor(args);
            case "show adj-rib in" -> showAdjRib(true, args);
            case "show adj-rib out" -> showAdjRib(false, args);
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
            case "crash" -> new Command.Crash();
            default -> new Command.Invalid(line, "command not understood");
        };
    }

    private static String[] words(String args) {
        return args.isEmpty() ? new String[0] : args.split(" ");
    }

    /** api.md §4.11: options in any order; a word that is not an option is the peer address (matched whole). */
    private static Command showNeighbor(String args) {
        String detail = "";
        boolean json = false;
        String peer = null;
        for (String w : words(args)) {
            switch (w) {
                case "summary", "extensive", "configuration" -> detail = w;
                case "json" -> json = true;
                case "text" -> json = false;
                default -> {
                    if (IpAddress.tryParse(w) == null) throw new IllegalArgumentException("not a peer address: " + w);
                    peer = w;
                }
            }
        }
        return new Command.ShowNeighbor(detail, json, peer);
    }

    /** api.md §4.12: {@code [extensive] [json] [inet|flow|l2vpn] [<peer-ip>]}. */
    private static Command showAdjRib(boolean in, String args) {
        boolean extensive = false, json = false;
        Command.RibKind kind = Command.RibKind.ALL;
        String peer = null;
        for (String w : words(args)) {
            switch (w) {
                case "extensive" -> extensive = true;
                case "json" -> json = true;
                case "text" -> json = false;
                case "inet" -> kind = Command.RibKind.INET;
                case "flow" -> kind = Command.RibKind.FLOW;
                case "l2vpn" -> kind = Command.RibKind.L2VPN;
                default -> {
                    if (IpAddress.tryParse(w) == null) throw new IllegalArgumentException("not a peer address: " + w);
                    peer = w;
                }
            }
        }
        return new Command.ShowAdjRib(in, extensive, json, kind, peer);
    }

    /**
     * api.md §4.8: {@code <type> afi <afi> safi <safi>} then {@code advisory <text>} (ADM/ASM), {@code sequence <n>}
     * (queries) or {@code sequence <n> counter <n>} (replies), with an optional {@code router-id <ipv4>}. ExaBGP
     * reads the type from the line's third word, so its selector form is a silent no-op; here selectors work and an
     * unknown type is an error. The advisory is the rest of the line (quotes removed), not only one word.
     */
    private static Command operational(List<Selector> selectors, String args) {
        String[] w = words(args);
        if (w.length == 0) throw new IllegalArgumentException("operational needs a type");
        OperationalType type = OperationalType.parse(w[0]);
        if (type == null) throw new IllegalArgumentException("unknown operational type " + w[0]);
        String afi = null, safi = null, advisory = null;
        IpAddress routerId = null;
        long sequence = -1, counter = -1;
        int i = 1;
        while (i < w.length) {
            String key = w[i];
            if (key.equals("advisory") && type.shape() == OperationalType.Shape.ADVISORY) {
                String text = String.join(" ", java.util.Arrays.copyOfRange(w, i + 1, w.length));
                if (text.length() >= 2 && (text.startsWith("\"") && text.endsWith("\"")
                        || text.startsWith("'") && text.endsWith("'"))) text = text.substring(1, text.length() - 1);
                advisory = text;
                break;
            }
            if (i + 1 >= w.length) throw new IllegalArgumentException("operational: " + key + " needs a value");
            String value = w[i + 1];
            switch (key) {
                case "afi" -> afi = value;
                case "safi" -> safi = value;
                case "router-id" -> {
                    routerId = IpAddress.tryParse(value);
                    if (routerId == null || !routerId.isV4()) throw new IllegalArgumentException("bad router-id " + value);
                }
                case "sequence" -> sequence = u32(value);
                case "counter" -> counter = u32(value);
                default -> throw new IllegalArgumentException("operational: unknown keyword " + key);
            }
            i += 2;
        }
        if (afi == null || safi == null) throw new IllegalArgumentException("operational needs afi and safi");
        Family family = Family.parse(afi, safi);
        switch (type.shape()) {
            case ADVISORY -> {
                if (advisory == null) throw new IllegalArgumentException("operational " + w[0] + " needs an advisory");
            }
            case QUERY -> {
                if (sequence < 0 || counter >= 0) throw new IllegalArgumentException(w[0] + " takes a sequence only");
            }
            case REPLY -> {
                if (sequence < 0 || counter < 0) throw new IllegalArgumentException(w[0] + " needs sequence and counter");
            }
        }
        Command.SendOperational c = new Command.SendOperational(
                selectors, type, family, advisory == null ? "" : advisory, routerId, Math.max(0, sequence),
                Math.max(0, counter));
        c.content(IpAddress.V4_ZERO); // validates (text length, ranges) now, so the command is answered error
        return c;
    }

    private static long u32(String v) {
        try {
            long n = Long.parseLong(v);
            if (n < 0 || n > 0xFFFF_FFFFL) throw new IllegalArgumentException("out of range: " + v);
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number: " + v);
        }
    }

    /** How {@code help} shows a command (api.md §4.15). */
    public static String usage(String name) {
        if (SELECTABLE.contains(name)) return "[neighbor <ip> [filters]] " + name;
        return switch (name) {
            case "show neighbor" -> "show neighbor [ summary | extensive | configuration ] [ json ] [ <ip> ] ";
            case "show adj-rib in", "show adj-rib out" ->
                name + " [ extensive ] [ json ] [ inet | flow | l2vpn ] [ <ip> ] ";
            case "clear adj-rib" -> "[neighbor <ip> [filters]] clear adj-rib [ in | out ] ";
            case "create neighbor" ->
                "create neighbor <ip> [ { <neighbor section> } | local-address <ip> local-as <asn> peer-as <asn> "
                        + "[ <setting> <value> ]... ] ";
            case "delete neighbor" -> "delete neighbor <ip> [filters] ";
            default -> name + " ";
        };
    }

    private static final java.util.Set<String> SELECTABLE = java.util.Set.of(
            "announce route", "withdraw route", "announce ipv4", "withdraw ipv4", "announce ipv6", "withdraw ipv6",
            "announce attribute", "announce attributes", "withdraw attribute", "withdraw attributes",
            "announce flow", "withdraw flow", "announce vpls", "withdraw vpls", "announce eor",
            "announce evpn", "withdraw evpn", "announce l2vpn", "withdraw l2vpn", "announce rtc", "withdraw rtc",
            "announce route-refresh", "announce operational", "teardown", "flush adj-rib out");

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
        // api.md §4.6, §4.7: no family (eor only: ipv4 unicast) or exactly "afi safi"; any other count is an error
        if (w.length == 0 && fallback != null) return fallback;
        if (w.length != 2) throw new IllegalArgumentException("an address family is needed (afi safi)");
        return Family.parse(w[0], w[1]);
    }

    /** Neighbour descriptions before the command name; empty when there are none. */
    static List<Selector> selectors(String prefix) {
        if (prefix.isEmpty()) return List.of();
        List<Selector> out = new ArrayList<>();
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
