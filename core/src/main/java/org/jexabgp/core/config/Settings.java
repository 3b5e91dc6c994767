package org.jexabgp.core.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * ExaBGP's environment settings (runtime.md §2), one typed record per section, with ExaBGP's keys, defaults and
 * precedence: {@code exabgp.section.key} in the process environment, then {@code exabgp_section_key}, then the
 * {@code [exabgp.section]} part of {@code exabgp.env}, then the default.
 */
public record Settings(
        Api api,
        Bgp bgp,
        Cache cache,
        Daemon daemon,
        Debug debug,
        Log log,
        Metrics metrics,
        Pdb pdb,
        Profile profile,
        Reactor reactor,
        Tcp tcp) {

    /** @param jsonVersion our addition: 5 for ExaBGP 5.0's JSON events, 4 for the 4.x dialect (json.md §11) */
    public record Api(
            boolean ack,
            int chunk,
            boolean cli,
            boolean compact,
            String encoder,
            String pipename,
            boolean respawn,
            String socketname,
            boolean terminate,
            int jsonVersion) {}

    public record Bgp(int openwait, boolean passive) {}

    public record Cache(boolean attributes, boolean nexthops) {}

    /** @param umask the process umask (ExaBGP writes it in octal) */
    public record Daemon(boolean daemonize, boolean drop, String pid, int umask, String user) {}

    public record Debug(
            boolean configuration,
            boolean defensive,
            boolean memory,
            boolean pdb,
            boolean rotate,
            String route,
            boolean selfcheck) {}

    /**
     * @param shortFormat ExaBGP's {@code log.short}
     * @param format our addition {@code log.format}: {@code text} (ExaBGP's lines) or {@code json} (one object a line)
     */
    public record Log(
            boolean all,
            boolean configuration,
            boolean daemon,
            String destination,
            boolean enable,
            String level,
            boolean message,
            boolean network,
            boolean packets,
            boolean parser,
            boolean processes,
            boolean reactor,
            boolean rib,
            boolean routes,
            boolean shortFormat,
            boolean statistics,
            boolean timers,
            String format) {}

    /**
     * Our addition (not in ExaBGP): {@code metrics.listen = host:port} serves Prometheus metrics over HTTP at
     * {@code /metrics}; empty (the default) serves nothing. Hidden from {@code exabgp env}, like every addition.
     */
    public record Metrics(String listen) {}

    public record Pdb(boolean enable) {}

    public record Profile(boolean enable, String file) {}

    /** @param speed loop time base: the poll timeout is speed/100 seconds */
    public record Reactor(boolean asyncio, double speed) {}

    /** @param attempts outgoing connection attempts per peer, 0 = unlimited */
    public record Tcp(boolean acl, int attempts, String bind, int delay, boolean once, int port) {}

    /** A value that does not parse: {@code invalid value for <section>.<key>}, which aborts startup. */
    public static final class Invalid extends Exception {
        private final String key;

        Invalid(String key, String value) {
            super("invalid value for " + key + " : " + value, null, false, false);
            this.key = key;
        }

        /** {@code section.key}. */
        public String key() {
            return key;
        }
    }

    private enum Type {
        BOOLEAN,
        INTEGER,
        REAL,
        STRING,
        OCTAL,
        LEVEL,
        WORD,
        /** api.json-version: 4 or 5 only. */
        JSON_VERSION
    }

    /** One key: its section, name, type, default text, whether {@code exabgp env} hides it, and its reader. */
    private record Key(String section, String name, Type type, String fallback, boolean hidden,
            Function<Settings, Object> get) {
        String dotted() {
            return section + "." + name;
        }
    }

    /** ExaBGP's keys in its printing order (runtime.md §2.2); the seven debug keys are not printed. */
    private static final List<Key> KEYS = List.of(
            new Key("api", "ack", Type.BOOLEAN, "true", false, s -> s.api.ack),
            new Key("api", "chunk", Type.INTEGER, "1", false, s -> s.api.chunk),
            new Key("api", "cli", Type.BOOLEAN, "true", false, s -> s.api.cli),
            new Key("api", "compact", Type.BOOLEAN, "false", false, s -> s.api.compact),
            new Key("api", "encoder", Type.WORD, "json", false, s -> s.api.encoder),
            new Key("api", "json-version", Type.JSON_VERSION, "5", false, s -> s.api.jsonVersion),
            new Key("api", "pipename", Type.STRING, "exabgp", false, s -> s.api.pipename),
            new Key("api", "respawn", Type.BOOLEAN, "true", false, s -> s.api.respawn),
            new Key("api", "socketname", Type.STRING, "exabgp", false, s -> s.api.socketname),
            new Key("api", "terminate", Type.BOOLEAN, "false", false, s -> s.api.terminate),
            new Key("bgp", "openwait", Type.INTEGER, "60", false, s -> s.bgp.openwait),
            new Key("bgp", "passive", Type.BOOLEAN, "false", false, s -> s.bgp.passive),
            new Key("cache", "attributes", Type.BOOLEAN, "true", false, s -> s.cache.attributes),
            new Key("cache", "nexthops", Type.BOOLEAN, "true", false, s -> s.cache.nexthops),
            new Key("daemon", "daemonize", Type.BOOLEAN, "false", false, s -> s.daemon.daemonize),
            new Key("daemon", "drop", Type.BOOLEAN, "true", false, s -> s.daemon.drop),
            new Key("daemon", "pid", Type.STRING, "", false, s -> s.daemon.pid),
            new Key("daemon", "umask", Type.OCTAL, "0137", false, s -> s.daemon.umask),
            new Key("daemon", "user", Type.STRING, "nobody", false, s -> s.daemon.user),
            new Key("debug", "configuration", Type.BOOLEAN, "false", true, s -> s.debug.configuration),
            new Key("debug", "defensive", Type.BOOLEAN, "false", true, s -> s.debug.defensive),
            new Key("debug", "memory", Type.BOOLEAN, "false", true, s -> s.debug.memory),
            new Key("debug", "pdb", Type.BOOLEAN, "false", true, s -> s.debug.pdb),
            new Key("debug", "rotate", Type.BOOLEAN, "false", true, s -> s.debug.rotate),
            new Key("debug", "route", Type.STRING, "", true, s -> s.debug.route),
            new Key("debug", "selfcheck", Type.BOOLEAN, "false", true, s -> s.debug.selfcheck),
            new Key("log", "all", Type.BOOLEAN, "false", false, s -> s.log.all),
            new Key("log", "configuration", Type.BOOLEAN, "true", false, s -> s.log.configuration),
            new Key("log", "daemon", Type.BOOLEAN, "true", false, s -> s.log.daemon),
            new Key("log", "destination", Type.STRING, "stdout", false, s -> s.log.destination),
            new Key("log", "enable", Type.BOOLEAN, "true", false, s -> s.log.enable),
            new Key("log", "level", Type.LEVEL, "INFO", false, s -> s.log.level),
            new Key("log", "message", Type.BOOLEAN, "false", false, s -> s.log.message),
            new Key("log", "network", Type.BOOLEAN, "true", false, s -> s.log.network),
            new Key("log", "packets", Type.BOOLEAN, "false", false, s -> s.log.packets),
            new Key("log", "parser", Type.BOOLEAN, "false", false, s -> s.log.parser),
            new Key("log", "processes", Type.BOOLEAN, "true", false, s -> s.log.processes),
            new Key("log", "reactor", Type.BOOLEAN, "true", false, s -> s.log.reactor),
            new Key("log", "rib", Type.BOOLEAN, "false", false, s -> s.log.rib),
            new Key("log", "routes", Type.BOOLEAN, "false", false, s -> s.log.routes),
            new Key("log", "short", Type.BOOLEAN, "true", false, s -> s.log.shortFormat),
            new Key("log", "statistics", Type.BOOLEAN, "true", false, s -> s.log.statistics),
            new Key("log", "timers", Type.BOOLEAN, "false", false, s -> s.log.timers),
            // our addition, hidden so that `exabgp env` prints ExaBGP's keys only
            new Key("log", "format", Type.WORD, "text", true, s -> s.log.format),
            new Key("metrics", "listen", Type.STRING, "", true, s -> s.metrics.listen),
            new Key("pdb", "enable", Type.BOOLEAN, "false", false, s -> s.pdb.enable),
            new Key("profile", "enable", Type.BOOLEAN, "false", false, s -> s.profile.enable),
            new Key("profile", "file", Type.STRING, "", false, s -> s.profile.file),
            new Key("reactor", "asyncio", Type.BOOLEAN, "false", false, s -> s.reactor.asyncio),
            new Key("reactor", "speed", Type.REAL, "1.0", false, s -> s.reactor.speed),
            // runtime.md §2.2 lists tcp.acl as unimplemented; ExaBGP reads and prints it as a boolean
            new Key("tcp", "acl", Type.BOOLEAN, "false", false, s -> s.tcp.acl),
            new Key("tcp", "attempts", Type.INTEGER, "0", false, s -> s.tcp.attempts),
            new Key("tcp", "bind", Type.STRING, "", false, s -> s.tcp.bind),
            new Key("tcp", "delay", Type.INTEGER, "0", false, s -> s.tcp.delay),
            new Key("tcp", "once", Type.BOOLEAN, "false", false, s -> s.tcp.once),
            new Key("tcp", "port", Type.INTEGER, "179", false, s -> s.tcp.port));

    private static final List<String> LEVELS =
            List.of("FATAL", "CRITICAL", "ERROR", "WARNING", "INFO", "DEBUG", "NOTSET");

    /** Every default. */
    public static Settings defaults() {
        try {
            return load(Map.of(), null);
        } catch (Invalid e) {
            throw new IllegalStateException("a default does not parse", e);
        }
    }

    /**
     * The effective settings.
     *
     * @param environment the process environment
     * @param iniText the content of {@code exabgp.env}, or null when there is none
     */
    public static Settings load(Map<String, String> environment, @Nullable String iniText) throws Invalid {
        Map<String, String> ini = iniText == null ? Map.of() : ini(iniText);
        Map<String, Object> v = new HashMap<>();
        for (Key k : KEYS) {
            String raw = lookup(environment, ini, k.section, k.name);
            if (k.dotted().equals("tcp.attempts")) {
                // runtime.md §2.1: tcp.connections (process environment only) is an alias of tcp.attempts and wins
                // over it, as in ExaBGP; else tcp.once, when given and attempts is not, gives 1 or 0
                String connections = environment.get("exabgp.tcp.connections");
                if (connections == null) connections = environment.get("exabgp_tcp_connections");
                if (connections != null && !connections.isEmpty()) raw = connections;
                else if (raw == null) {
                    String once = lookup(environment, ini, "tcp", "once");
                    if (once != null) raw = bool(once) ? "1" : "0";
                }
            }
            if (k.dotted().equals("reactor.asyncio") && raw == null) {
                // our addition: the asyncio documentation's (wrong) spelling also works
                raw = environment.get("exabgp_asyncio_enable");
                if (raw == null) raw = environment.get("exabgp.asyncio.enable");
            }
            v.put(k.dotted(), parse(k, raw == null ? k.fallback : raw));
        }
        return new Settings(
                new Api(b(v, "api.ack"), i(v, "api.chunk"), b(v, "api.cli"), b(v, "api.compact"), s(v, "api.encoder"),
                        s(v, "api.pipename"), b(v, "api.respawn"), s(v, "api.socketname"), b(v, "api.terminate"),
                        i(v, "api.json-version")),
                new Bgp(i(v, "bgp.openwait"), b(v, "bgp.passive")),
                new Cache(b(v, "cache.attributes"), b(v, "cache.nexthops")),
                new Daemon(b(v, "daemon.daemonize"), b(v, "daemon.drop"), s(v, "daemon.pid"), i(v, "daemon.umask"),
                        s(v, "daemon.user")),
                new Debug(b(v, "debug.configuration"), b(v, "debug.defensive"), b(v, "debug.memory"),
                        b(v, "debug.pdb"), b(v, "debug.rotate"), s(v, "debug.route"), b(v, "debug.selfcheck")),
                new Log(b(v, "log.all"), b(v, "log.configuration"), b(v, "log.daemon"), s(v, "log.destination"),
                        b(v, "log.enable"), s(v, "log.level"), b(v, "log.message"), b(v, "log.network"),
                        b(v, "log.packets"), b(v, "log.parser"), b(v, "log.processes"), b(v, "log.reactor"),
                        b(v, "log.rib"), b(v, "log.routes"), b(v, "log.short"), b(v, "log.statistics"),
                        b(v, "log.timers"), s(v, "log.format")),
                new Metrics(s(v, "metrics.listen")),
                new Pdb(b(v, "pdb.enable")),
                new Profile(b(v, "profile.enable"), s(v, "profile.file")),
                new Reactor(b(v, "reactor.asyncio"), (Double) v.get("reactor.speed")),
                new Tcp(b(v, "tcp.acl"), i(v, "tcp.attempts"), s(v, "tcp.bind"), i(v, "tcp.delay"), b(v, "tcp.once"),
                        i(v, "tcp.port")));
    }

    private static @Nullable String lookup(
            Map<String, String> env, Map<String, String> ini, String section, String name) {
        String v = env.get("exabgp." + section + "." + name);
        // a dash in a key (api.json-version) is an underscore in the shell-friendly form: exabgp_api_json_version
        String underscored = name.replace('-', '_');
        if (v == null && !underscored.equals(name)) v = env.get("exabgp." + section + "." + underscored);
        if (v == null) v = env.get("exabgp_" + section + "_" + underscored);
        if (v == null) v = ini.get(section + "." + name);
        if (v == null && !underscored.equals(name)) v = ini.get(section + "." + underscored);
        return v;
    }

    /** runtime.md §2.1: true iff the lower-cased value is one of 1 yes on enable true. */
    private static boolean bool(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "1", "yes", "on", "enable", "true" -> true;
            default -> false;
        };
    }

    private static Object parse(Key k, String raw) throws Invalid {
        String value = unquote(raw.strip());
        try {
            return switch (k.type) {
                case BOOLEAN -> bool(value);
                case INTEGER -> Integer.parseInt(value);
                case REAL -> {
                    double d = Double.parseDouble(value);
                    if (Double.isNaN(d) || Double.isInfinite(d)) throw new NumberFormatException(value);
                    yield d;
                }
                case OCTAL -> {
                    String digits = value.startsWith("0o") || value.startsWith("0O") ? value.substring(2) : value;
                    yield Integer.parseInt(digits, 8);
                }
                case LEVEL -> {
                    String level = value.toUpperCase(Locale.ROOT);
                    if (!LEVELS.contains(level)) throw new NumberFormatException(value);
                    yield level;
                }
                case STRING, WORD -> value;
                case JSON_VERSION -> {
                    int version = Integer.parseInt(value);
                    if (version != 4 && version != 5) throw new NumberFormatException(value);
                    yield version;
                }
            };
        } catch (NumberFormatException e) {
            throw new Invalid(k.dotted(), raw);
        }
    }

    private static String unquote(String v) {
        if (v.length() >= 2
                && (v.startsWith("'") && v.endsWith("'") || v.startsWith("\"") && v.endsWith("\"")))
            return v.substring(1, v.length() - 1);
        return v;
    }

    /**
     * Reads {@code exabgp.env}: {@code [exabgp.<section>]} headers and {@code key = value} lines; a bare key means the
     * default; {@code #} and {@code ;} lines are comments.
     */
    private static Map<String, String> ini(String text) {
        Map<String, String> out = new HashMap<>();
        @Nullable String section = null;
        for (String line : text.split("\n")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#") || l.startsWith(";")) continue;
            if (l.startsWith("[") && l.endsWith("]")) {
                String name = l.substring(1, l.length() - 1).strip();
                section = name.startsWith("exabgp.") ? name.substring("exabgp.".length()) : null;
                continue;
            }
            if (section == null) continue;
            int eq = l.indexOf('=');
            if (eq < 0) continue;
            out.put(section + "." + l.substring(0, eq).strip(), l.substring(eq + 1).strip());
        }
        return out;
    }

    /** The settings as {@code exabgp env} prints them: INI sections, hidden debug keys left out. */
    public String ini() {
        return ini(false);
    }

    /** With nonDefaultOnly, only the keys whose value differs from the default ({@code exabgp env -d}). */
    public String ini(boolean nonDefaultOnly) {
        StringBuilder sb = new StringBuilder();
        @Nullable String section = null;
        @Nullable Settings d = nonDefaultOnly ? defaults() : null;
        for (Key k : KEYS) {
            if (k.hidden) continue;
            Object value = k.get.apply(this);
            if (d != null && value.equals(k.get.apply(d))) continue;
            if (!k.section.equals(section)) {
                // ExaBGP writes every section header as "\n[exabgp.<section>]": the output starts with a blank line
                sb.append('\n');
                section = k.section;
                sb.append("[exabgp.").append(section).append("]\n");
            }
            sb.append(k.name).append(" = ").append(text(k, value)).append('\n');
        }
        return sb.toString();
    }

    /** The settings as {@code exabgp env -e} prints them: one {@code exabgp.section.key=value} line per key. */
    public List<String> envLines() {
        List<String> out = new ArrayList<>();
        for (String dotted : ENV_ORDER) {
            Key k = KEYS.stream().filter(x -> x.dotted().equals(dotted)).findFirst().orElseThrow();
            out.add("exabgp." + k.dotted() + "=" + text(k, k.get.apply(this)));
        }
        return out;
    }

    /**
     * {@code exabgp env -e} lists the keys in the order of ExaBGP's definition table, not sorted as the INI form is
     * (the seed's extra keys api.socketname and reactor.asyncio follow their section's last relative).
     */
    private static final List<String> ENV_ORDER = List.of(
            "profile.enable", "profile.file", "pdb.enable", "daemon.pid", "daemon.user", "daemon.daemonize",
            "daemon.drop", "daemon.umask", "log.enable", "log.level", "log.destination", "log.all",
            "log.configuration", "log.reactor", "log.daemon", "log.processes", "log.network", "log.statistics",
            "log.packets", "log.rib", "log.message", "log.timers", "log.routes", "log.parser", "log.short", "tcp.once",
            "tcp.attempts", "tcp.delay", "tcp.bind", "tcp.port", "tcp.acl", "bgp.passive", "bgp.openwait",
            "cache.attributes", "cache.nexthops", "api.ack", "api.chunk", "api.encoder", "api.compact", "api.respawn",
            "api.terminate", "api.cli", "api.pipename", "api.socketname", "api.json-version", "reactor.speed",
            "reactor.asyncio");

    /** ExaBGP's printed form: strings quoted, umask as {@code '0o137'}, booleans lower case. */
    private static String text(Key k, Object value) {
        return switch (k.type) {
            case STRING -> "'" + value + "'";
            case OCTAL -> "'0o" + Integer.toOctalString((Integer) value) + "'";
            default -> String.valueOf(value);
        };
    }

    private static boolean b(Map<String, Object> v, String key) {
        return (Boolean) v.get(key);
    }

    private static int i(Map<String, Object> v, String key) {
        return (Integer) v.get(key);
    }

    private static String s(Map<String, Object> v, String key) {
        return (String) v.get(key);
    }
}
