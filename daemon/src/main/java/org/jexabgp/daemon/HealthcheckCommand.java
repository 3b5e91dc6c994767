package org.jexabgp.daemon;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;

/**
 * {@code exabgp healthcheck} (runtime.md §10): runs a check command at an interval and prints announce/withdraw lines
 * for a service address, for use from a {@code process} block (the anycast use case). As ExaBGP's, it adds the
 * addresses it announces to the loopback unless {@code --no-ip-setup} ({@link HealthIps}).
 */
@CommandLine.Command(name = "healthcheck", description = "announce a service address while a check succeeds")
final class HealthcheckCommand implements Callable<Integer> {
    @CommandLine.Option(names = {"-s", "--silent"}) boolean silent;
    @CommandLine.Option(names = {"-d", "--debug"}) boolean debug;
    @CommandLine.Option(names = {"--no-syslog"}) boolean noSyslog;
    @CommandLine.Option(names = {"--syslog-facility", "-sF"}) @Nullable String syslogFacility;
    @CommandLine.Option(names = {"-a", "--no-ack"}) boolean noAck;
    @CommandLine.Option(names = {"--sudo"}) boolean sudo;
    @CommandLine.Option(names = {"-n", "--name"}) @Nullable String name;
    @CommandLine.Option(names = {"-F", "--config"}) @Nullable Path config;
    @CommandLine.Option(names = {"-p", "--pid"}) @Nullable Path pid;
    @CommandLine.Option(names = {"--user"}) @Nullable String user;
    @CommandLine.Option(names = {"--group"}) @Nullable String group;
    @CommandLine.Option(names = {"-i", "--interval"}) double interval = 5;
    @CommandLine.Option(names = {"-f", "--fast-interval"}) double fastInterval = 1;
    @CommandLine.Option(names = {"-t", "--timeout"}) double timeout = 5;
    @CommandLine.Option(names = {"--rise"}) int rise = 3;
    @CommandLine.Option(names = {"--fall"}) int fall = 3;
    @CommandLine.Option(names = {"--disable"}) @Nullable Path disable;
    @CommandLine.Option(names = {"-c", "--cmd", "--command"}) @Nullable String command;
    @CommandLine.Option(names = {"-N", "--next-hop"}) String nextHop = "self";
    @CommandLine.Option(names = {"--ip"}) List<String> ips = new ArrayList<>();
    @CommandLine.Option(names = {"--ip-ifname"}) List<String> ipIfnames = new ArrayList<>();
    @CommandLine.Option(names = {"--local-preference"}) long localPreference = -1;
    @CommandLine.Option(names = {"--deaggregate-networks"}) boolean deaggregate;
    @CommandLine.Option(names = {"--no-ip-setup"}) boolean noIpSetup;
    @CommandLine.Option(names = {"--dynamic-ip-setup"}) boolean dynamicIpSetup;
    @CommandLine.Option(names = {"--label"}) @Nullable String label;
    @CommandLine.Option(names = {"--label-exact-match"}) boolean labelExactMatch;
    @CommandLine.Option(names = {"--start-ip"}) int startIp;
    @CommandLine.Option(names = {"--up-metric"}) long upMetric = 100;
    @CommandLine.Option(names = {"--down-metric"}) long downMetric = 1000;
    @CommandLine.Option(names = {"--disabled-metric"}) long disabledMetric = 500;
    @CommandLine.Option(names = {"--increase"}) long increase = 1;
    @CommandLine.Option(names = {"--community"}) List<String> community = new ArrayList<>();
    @CommandLine.Option(names = {"--extended-community"}) List<String> extendedCommunity = new ArrayList<>();
    @CommandLine.Option(names = {"--large-community"}) List<String> largeCommunity = new ArrayList<>();
    @CommandLine.Option(names = {"--disabled-community"}) List<String> disabledCommunity = new ArrayList<>();
    @CommandLine.Option(names = {"--as-path"}) List<String> asPath = new ArrayList<>();
    @CommandLine.Option(names = {"--up-as-path"}) List<String> upAsPath = new ArrayList<>();
    @CommandLine.Option(names = {"--down-as-path"}) List<String> downAsPath = new ArrayList<>();
    @CommandLine.Option(names = {"--disabled-as-path"}) List<String> disabledAsPath = new ArrayList<>();
    @CommandLine.Option(names = {"--withdraw-on-down"}) boolean withdrawOnDown;
    @CommandLine.Option(names = {"--path-id"}) @Nullable String pathId;
    @CommandLine.Option(names = {"--neighbor"}) List<String> neighbors = new ArrayList<>();
    @CommandLine.Option(names = {"--debounce"}) boolean debounce;
    @CommandLine.Option(names = {"--execute"}) List<String> execute = new ArrayList<>();
    @CommandLine.Option(names = {"--up-execute"}) List<String> upExecute = new ArrayList<>();
    @CommandLine.Option(names = {"--down-execute"}) List<String> downExecute = new ArrayList<>();
    @CommandLine.Option(names = {"--disabled-execute"}) List<String> disabledExecute = new ArrayList<>();

    private final PrintStream out = System.out;
    private final BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    private volatile boolean stopping;

    @CommandLine.Spec
    CommandLine.Model.@Nullable CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (config != null && spec != null) {
            // -F: "key = value" or bare "key" per line, '#' comments; read as options placed before the command
            // line's, so that the command line wins and lists add up (ExaBGP re-parses its arguments the same way)
            List<String> args = new ArrayList<>();
            for (String raw : Files.readAllLines(config)) {
                String line = raw.strip();
                if (line.isEmpty() || line.startsWith("#")) continue;
                int eq = line.indexOf('=');
                if (eq < 0) args.add("--" + line);
                else {
                    args.add("--" + line.substring(0, eq).strip());
                    args.add(line.substring(eq + 1).strip());
                }
            }
            args.addAll(spec.commandLine().getParseResult().originalArgs());
            HealthcheckCommand merged = new HealthcheckCommand();
            new CommandLine(merged).parseArgs(args.toArray(new String[0]));
            merged.config = null;
            return merged.call();
        }
        if (user != null || group != null)
            info("--user/--group are not supported (a JVM cannot change its user): run the daemon as that user");
        if (pid != null) Files.writeString(pid, ProcessHandle.current().pid() + "\n");
        List<String> addresses = new ArrayList<>(ips.isEmpty() ? loopbackAddresses() : ips);
        if (deaggregate) addresses = deaggregate(addresses);
        if (!addresses.isEmpty() && startIp > 0) java.util.Collections.rotate(addresses, -(startIp % addresses.size()));
        HealthIps hostIps = new HealthIps(addresses, ipIfnames, label, sudo, this::info);
        boolean setup = !noIpSetup || dynamicIpSetup;
        if (setup) hostIps.add();
        HealthState health = new HealthState(new HealthState.Options(addresses, nextHop, rise, fall, upMetric,
                downMetric, disabledMetric, increase, localPreference, split(community), split(extendedCommunity),
                split(largeCommunity), split(disabledCommunity), split(asPath), split(upAsPath), split(downAsPath),
                split(disabledAsPath), withdrawOnDown, pathId, neighbors, debounce));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (stopping) return;
            stopping = true;
            emit(health.exit());
            if (setup) hostIps.remove();
        }));
        if (interval <= 0) {
            emit(health.once(disabled(), check()));
            stopping = true;
            return 0;
        }
        while (!stopping) {
            HealthState.State before = health.state();
            List<String> lines = health.check(disabled(), check());
            HealthState.State now = health.state();
            if (now != before) {
                info("state " + before + " -> " + now);
                transition(now);
                // --dynamic-ip-setup: the addresses are back before the service is announced again
                if (dynamicIpSetup && now == HealthState.State.UP) hostIps.add();
            }
            emit(lines);
            if (dynamicIpSetup && now != before && (now == HealthState.State.DOWN || now == HealthState.State.DISABLED))
                hostIps.remove();
            double wait = health.settling() ? fastInterval : interval;
            Thread.sleep((long) (wait * 1000));
        }
        return 0;
    }

    /** Lists may be given once with spaces or repeated; brackets are ours to add. */
    private static List<String> split(List<String> values) {
        List<String> out = new ArrayList<>();
        for (String v : values)
            for (String w : v.replace("[", " ").replace("]", " ").replace(",", " ").strip().split("\\s+"))
                if (!w.isEmpty()) out.add(w);
        return out;
    }

    private synchronized void emit(List<String> lines) {
        for (String l : lines) {
            out.println(l);
            out.flush();
            log(l);
            // the ACK of each command (api.md §3), unless told there is none or a person is watching
            java.io.Console console = System.console();
            if (!noAck && (console == null || !console.isTerminal())) {
                try {
                    in.readLine();
                } catch (IOException e) {
                    stopping = true;
                }
            }
        }
    }

    private boolean disabled() {
        return disable != null && Files.exists(disable);
    }

    /** The check command (none = always healthy) within the timeout; killed with its children when late. */
    private boolean check() {
        if (command == null) return true;
        try {
            Process p = new ProcessBuilder("/bin/sh", "-c", command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor((long) (timeout * 1000), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                info("check timed out: " + command);
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            log("check failed to run: " + e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void transition(HealthState.State state) {
        // the state's own commands first, then --execute (ExaBGP's order)
        List<String> commands = new ArrayList<>(switch (state) {
            case UP -> upExecute;
            case DOWN -> downExecute;
            case DISABLED -> disabledExecute;
            default -> List.of();
        });
        commands.addAll(execute);
        for (String c : commands) {
            try {
                ProcessBuilder b = new ProcessBuilder("/bin/sh", "-c", c).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.DISCARD);
                b.environment().put("STATE", state.name());
                b.start().waitFor((long) (timeout * 1000), TimeUnit.MILLISECONDS);
            } catch (IOException e) {
                log("could not run " + c + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The loopback's own addresses (not 127/8, ::1), optionally those of a label (lo:LABEL). */
    private List<String> loopbackAddresses() throws IOException {
        List<String> out = new ArrayList<>();
        java.util.Enumeration<NetworkInterface> all = NetworkInterface.getNetworkInterfaces();
        while (all.hasMoreElements()) {
            NetworkInterface i = all.nextElement();
            if (!i.isLoopback()) continue;
            if (label != null) {
                String n = i.getName();
                boolean match = labelExactMatch ? n.equals("lo:" + label) : n.startsWith("lo:" + label);
                if (!match) continue;
            }
            java.util.Enumeration<InetAddress> addrs = i.getInetAddresses();
            while (addrs.hasMoreElements()) {
                InetAddress a = addrs.nextElement();
                if (a.isLoopbackAddress() || a.isLinkLocalAddress()) continue;
                String text = a.getHostAddress();
                int pct = text.indexOf('%');
                out.add(pct < 0 ? text : text.substring(0, pct));
            }
        }
        return out;
    }

    /** Each IPv4 network becomes its /32s (--deaggregate-networks). */
    private static List<String> deaggregate(List<String> networks) {
        List<String> out = new ArrayList<>();
        for (String n : networks) {
            int slash = n.indexOf('/');
            if (slash < 0 || n.contains(":")) {
                out.add(n);
                continue;
            }
            int len = Integer.parseInt(n.substring(slash + 1));
            long base = org.jexabgp.wire.IpAddress.parse(n.substring(0, slash)).v4Value();
            long size = 1L << (32 - len);
            base &= ~(size - 1);
            for (long a = 0; a < size && a < 65536; a++) out.add(org.jexabgp.wire.IpAddress.v4(base + a).toString());
        }
        return out;
    }

    /**
     * Debug lines (--debug only). Logging goes to stderr, which the daemon logs with the program's name; there is no
     * syslog of its own (--syslog-facility and --no-syslog are accepted).
     */
    private void log(String message) {
        if (debug) info(message);
    }

    /** State changes and problems, unless --silent. */
    void info(String message) {
        if (silent) return;
        System.err.println("healthcheck" + (name == null ? "" : "[" + name + "]") + ": " + message);
    }
}
