package org.jexabgp.daemon;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jexabgp.wire.IpAddress;
import org.jspecify.annotations.Nullable;

/**
 * The host side of {@code exabgp healthcheck} (runtime.md §10): the announced addresses are put on the loopback (or
 * the interface {@code --ip-ifname IP%IF} names) with {@code ip address add}, optionally through sudo and with the
 * {@code --label}, when they are not there yet, and taken away again on exit (and while down, with
 * {@code --dynamic-ip-setup}). A failure (not root) is logged and the check goes on.
 */
final class HealthIps {
    private final List<String> addresses;
    private final Map<String, String> interfaces;
    private final @Nullable String label;
    private final boolean sudo;
    private final Consumer<String> log;
    /** Added by us, so only these are removed. */
    private final Set<String> added = new HashSet<>();

    HealthIps(List<String> addresses, List<String> ipIfnames, @Nullable String label, boolean sudo,
            Consumer<String> log) {
        this.addresses = List.copyOf(addresses);
        Map<String, String> map = new java.util.HashMap<>();
        for (String pair : ipIfnames) {
            int pct = pair.indexOf('%');
            if (pct <= 0 || pct == pair.length() - 1)
                throw new IllegalArgumentException("--ip-ifname wants <ip>%<ifname>, not " + pair);
            map.put(host(pair.substring(0, pct)), pair.substring(pct + 1));
        }
        this.interfaces = Map.copyOf(map);
        this.label = label;
        this.sudo = sudo;
        this.log = log;
    }

    void add() {
        Set<String> present = present();
        for (String a : addresses) {
            if (present.contains(host(a))) continue;
            if (run("add", a)) added.add(a);
        }
    }

    void remove() {
        for (String a : new ArrayList<>(added)) if (run("delete", a)) added.remove(a);
    }

    /** The {@code ip} command line for one address (package-private for the tests). */
    List<String> command(String verb, String address) {
        String ifname = interfaces.getOrDefault(host(address), "lo");
        List<String> cmd = new ArrayList<>();
        if (sudo) cmd.add("sudo");
        cmd.addAll(List.of("ip", "address", verb, prefix(address), "dev", ifname));
        if (label != null) cmd.addAll(List.of("label", ifname + ":" + label));
        return cmd;
    }

    private boolean run(String verb, String address) {
        List<String> cmd = command(verb, address);
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0) return true;
            p.destroyForcibly();
            log.accept("could not " + verb + " " + address + " (" + String.join(" ", cmd) + ": exit "
                    + (p.isAlive() ? "timeout" : p.exitValue()) + ") - is healthcheck running as root?");
        } catch (IOException e) {
            log.accept("could not run " + String.join(" ", cmd) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    private static String prefix(String address) {
        return address.contains("/") ? address : address + (address.contains(":") ? "/128" : "/32");
    }

    private static String host(String address) {
        int slash = address.indexOf('/');
        String h = slash < 0 ? address : address.substring(0, slash);
        IpAddress ip = IpAddress.tryParse(h);
        return ip == null ? h : ip.toString();
    }

    /** The addresses every interface has now. */
    private static Set<String> present() {
        Set<String> out = new HashSet<>();
        try {
            for (NetworkInterface i : java.util.Collections.list(NetworkInterface.getNetworkInterfaces()))
                for (InetAddress a : java.util.Collections.list(i.getInetAddresses())) {
                    String text = a.getHostAddress();
                    int pct = text.indexOf('%');
                    out.add(host(pct < 0 ? text : text.substring(0, pct)));
                }
        } catch (IOException e) {
            // none known: every address is tried
        }
        return out;
    }
}
