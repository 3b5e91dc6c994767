package org.jexabgp.reactor.api;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jexabgp.core.config.ConfigurationSyntax;
import org.jexabgp.core.config.ProgramCheck;
import org.jexabgp.core.model.Configuration;
import org.jexabgp.core.session.SessionSettings;
import org.jexabgp.reactor.ConnKey;
import org.jexabgp.reactor.Endpoint;
import org.jexabgp.reactor.EventContext;
import org.jexabgp.reactor.Io;
import org.jexabgp.reactor.ProcessKey;
import org.jexabgp.reactor.Reactor;
import org.jexabgp.reactor.ReactorOptions;
import org.jexabgp.wire.IpAddress;
import org.jspecify.annotations.Nullable;

/**
 * The reactor behind its public API with a recording engine and a frozen clock (ARCHITECTURE §7): what programs are
 * told and what goes on each connection is kept per process and per peer. No time passes unless a test moves it, so
 * "nothing on the wire" means nothing at all, not even a keepalive.
 */
final class SimulatedEngine implements Io {
    static final String MARKER = "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF";
    static final String KEEPALIVE = MARKER + "001304";
    private static final IpAddress LOCAL = IpAddress.parse("10.0.0.1");

    final Reactor reactor;
    final Map<Long, IpAddress> conns = new LinkedHashMap<>();
    final Map<Long, List<String>> wire = new LinkedHashMap<>();
    final Map<String, List<String>> toProcess = new LinkedHashMap<>();
    final Map<String, Long> taken = new LinkedHashMap<>();
    long now;

    SimulatedEngine(String config) throws Exception {
        Configuration c = ConfigurationSyntax.parse(config, "test.conf", ProgramCheck.ANY);
        ReactorOptions options =
                new ReactorOptions(179, List.of(), SessionSettings.DEFAULT, true, false, "5.0.0", Map.of());
        reactor = new Reactor(c, options, () -> c, new EventContext("host", 1, 1, () -> 1.5));
        reactor.start(this, now);
    }

    // ---- Io ----

    @Override
    public void connect(ConnKey conn, Endpoint remote, @Nullable Endpoint local, ConnectionOptions options) {
        conns.put(conn.id(), remote.address());
        wire.put(conn.id(), new ArrayList<>());
    }

    @Override
    public void wantsToSend(ConnKey conn) {}

    @Override
    public void close(ConnKey conn) {}

    @Override
    public void listen(Endpoint local) {}

    @Override
    public void startProcess(ProcessKey process, List<String> command, Map<String, String> extraEnvironment) {
        toProcess.putIfAbsent(process.name(), new ArrayList<>());
    }

    @Override
    public void toProcess(ProcessKey process, byte[] lines, int count) {
        // the count the reactor gives (a program's statistics) is the lines handed over, whatever the encoder
        int newlines = 0;
        for (byte b : lines) if (b == '\n') newlines++;
        org.assertj.core.api.Assertions.assertThat(count).as("lines counted for %s", process).isEqualTo(newlines);
        List<String> told = toProcess.computeIfAbsent(process.name(), k -> new ArrayList<>());
        for (String line : new String(lines, StandardCharsets.UTF_8).split("\n")) told.add(line.stripTrailing());
    }

    @Override
    public void stopProcess(ProcessKey process) {}

    @Override
    public void commandsTaken(ProcessKey process, long chars) {
        taken.merge(process.name(), chars, Long::sum);
    }

    // ---- driving ----

    /** The latest connection to the peer (a reconnection opens a new one). */
    ConnKey conn(String peer) {
        ConnKey found = null;
        for (Map.Entry<Long, IpAddress> e : conns.entrySet())
            if (e.getValue().equals(IpAddress.parse(peer))) found = new ConnKey(e.getKey());
        if (found == null) throw new AssertionError("no connection to " + peer);
        return found;
    }

    void turn() {
        reactor.turn(now);
        byte[] buf = new byte[4096];
        for (long id : conns.keySet()) {
            StringBuilder sb = new StringBuilder();
            int n;
            while ((n = reactor.pull(new ConnKey(id), buf, 0, buf.length)) > 0)
                sb.append(HexFormat.of().withUpperCase().formatHex(buf, 0, n));
            String hex = sb.toString();
            while (!hex.isEmpty()) {
                int length = Integer.parseInt(hex.substring(32, 36), 16);
                wire.get(id).add(hex.substring(0, length * 2));
                hex = hex.substring(length * 2);
            }
        }
    }

    void turns(int n) {
        for (int i = 0; i < n; i++) turn();
    }

    void received(String peer, String hex) {
        byte[] b = HexFormat.of().parseHex(hex);
        reactor.received(conn(peer), b, 0, b.length);
    }

    /** TCP up, the peer's OPEN (AS, hold 180, id, MP ipv4 unicast, ASN4 and extra capabilities) and KEEPALIVE. */
    void establish(String peer, int as, String routerIdHex, String extraCapabilities) {
        reactor.connected(conn(peer), new Endpoint(LOCAL, 40000), new Endpoint(IpAddress.parse(peer), 179));
        turn();
        String caps = "0206010400010001" + "02064104" + "%08X".formatted(as) + extraCapabilities;
        String body = "04" + "%04X".formatted(as) + "00B4" + routerIdHex + "%02X".formatted(caps.length() / 2) + caps;
        received(peer, MARKER + "%04X".formatted(19 + body.length() / 2) + "01" + body + KEEPALIVE);
        turns(3);
    }

    void command(String process, String... lines) {
        reactor.commands(new ProcessKey(process, 1), List.of(lines));
    }

    List<String> sent(String peer) {
        return wire.get(conn(peer).id());
    }

    List<String> told(String process) {
        return toProcess.getOrDefault(process, List.of());
    }

    /** What the program was told from index {@code from} on. */
    List<String> told(String process, int from) {
        List<String> all = told(process);
        return new ArrayList<>(all.subList(from, all.size()));
    }
}
