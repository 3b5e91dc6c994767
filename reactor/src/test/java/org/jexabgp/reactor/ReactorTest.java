package org.jexabgp.reactor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jexabgp.core.config.ConfigurationSyntax;
import org.jexabgp.core.config.ProgramCheck;
import org.jexabgp.core.fsm.State;
import org.jexabgp.core.model.Configuration;
import org.jexabgp.core.session.SessionSettings;
import org.jexabgp.wire.IpAddress;
import org.junit.jupiter.api.Test;
import org.jspecify.annotations.Nullable;

/**
 * The reactor driven by a simulated engine (ARCHITECTURE §7, §10): a recording {@link Io}, scripted inputs, a fake
 * clock. Every Io call and every byte pulled lands in one log, so two runs can be compared byte for byte.
 */
class ReactorTest {
    private static final long SECOND = 1_000_000_000L;
    private static final String MARKER = "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF";
    private static final IpAddress LOCAL = IpAddress.parse("10.0.0.1");
    private static final String KEEPALIVE = MARKER + "001304";
    private static final ProcessKey CTL = new ProcessKey("ctl", 1);

    /**
     * The program ctl and one eBGP neighbour, 10.0.0.2 (AS 65001 → 65002, ipv4 unicast, local address 10.0.0.1), with
     * this api block body (empty: no api block): what most single-peer reactor tests start from.
     */
    static String oneNeighbor(String api) {
        return """
                process ctl { run /bin/ctl; encoder json; }
                neighbor 10.0.0.2 {
                    router-id 10.0.0.1;
                    local-address 10.0.0.1;
                    local-as 65001;
                    peer-as 65002;
                    family { ipv4 unicast; }
                %s}
                """.formatted(api.isEmpty() ? "" : "    api { " + api + " }\n");
    }

    /** Two eBGP neighbours (AS 65001 → 65002 and → 65003), hold time 90, ipv4 unicast, one program. */
    static final String CONFIG = """
            process ctl { run /bin/ctl; encoder json; }
            neighbor 10.0.0.2 {
                router-id 10.0.0.1;
                local-address 10.0.0.1;
                local-as 65001;
                peer-as 65002;
                hold-time 90;
                family { ipv4 unicast; }
                api { processes [ ctl ]; neighbor-changes; }
            }
            neighbor 10.0.0.3 {
                router-id 10.0.0.1;
                local-address 10.0.0.1;
                local-as 65001;
                peer-as 65003;
                hold-time 90;
                family { ipv4 unicast; }
                api { processes [ ctl ]; neighbor-changes; }
            }
            """;

    /** The peer's OPEN (RFC 4271 §4.2): AS, hold 180, BGP-id, MP ipv4/unicast and 4-octet AS capabilities. */
    static String peerOpen(int as, String routerIdHex) {
        return MARKER + "002D01" + "04" + "%04X".formatted(as) + "00B4" + routerIdHex + "10" + "0206010400010001"
                + "02064104" + "%08X".formatted(as);
    }

    /**
     * An eBGP UPDATE of 10.2.0.0/16 next-hop 10.0.0.1 from AS 65001 (wire.md §9.3, §7): ORIGIN IGP, AS_PATH
     * [65001] as one AS_SEQUENCE, NEXT_HOP, NLRI 10 0A02.
     */
    static final String UPDATE_10_2 = MARKER + "002E02" + "0000" + "0014" + "40010100" + "40020602010000FDE9"
            + "4003040A000001" + "100A02";

    // ---- the simulated engine ----

    /** Records every call the reactor makes, in order. */
    static final class RecordingIo implements Io {
        final List<String> log;
        /** Makes unprotect fail, as an engine whose listener refused to drop a key. */
        boolean refuseUnprotect;

        RecordingIo(List<String> log) {
            this.log = log;
        }

        @Override
        public void connect(ConnKey conn, Endpoint remote, @Nullable Endpoint local, ConnectionOptions options) {
            log.add("connect " + conn.id() + " " + remote + " from " + local);
        }

        @Override
        public void wantsToSend(ConnKey conn) {
            log.add("wantsToSend " + conn.id());
        }

        @Override
        public void flush() {
            log.add("flush");
        }

        @Override
        public void close(ConnKey conn) {
            log.add("close " + conn.id());
        }

        @Override
        public void listen(Endpoint local) {
            log.add("listen " + local);
        }

        @Override
        public void startProcess(ProcessKey process, List<String> command, Map<String, String> extraEnvironment) {
            log.add("startProcess " + process + " " + command);
        }

        @Override
        public void toProcess(ProcessKey process, byte[] lines, int count) {
            // the count the reactor gives (a program's statistics) is the lines handed over, whatever the encoder
            int newlines = 0;
            for (byte b : lines) if (b == '\n') newlines++;
            assertThat(count).as("lines counted for %s", process).isEqualTo(newlines);
            for (String line : new String(lines, StandardCharsets.UTF_8).split("\n"))
                log.add("toProcess " + process + " " + line.stripTrailing());
        }

        @Override
        public void stopProcess(ProcessKey process) {
            log.add("stopProcess " + process);
        }

        @Override
        public void protect(IpAddress peer, int prefixLength, ConnectionOptions options) {
            log.add("protect " + peer + "/" + prefixLength + " " + options);
        }

        @Override
        public boolean unprotect(IpAddress peer, int prefixLength) {
            log.add("unprotect " + peer + "/" + prefixLength);
            return !refuseUnprotect;
        }
    }

    /** Feeds inputs, turns the reactor, pulls every connection after each turn (in small pieces). */
    static final class Engine {
        final List<String> log = new ArrayList<>();
        final Reactor reactor;
        final RecordingIo io;
        final Map<Long, IpAddress> conns = new LinkedHashMap<>();
        long now;
        int pullSize = 5;

        Engine(String config, SessionSettings settings) throws Exception {
            this(config, settings, null);
        }

        /** With reloadTo, a reload applies that configuration instead of the first one. */
        Engine(String config, SessionSettings settings, @Nullable String reloadTo) throws Exception {
            Configuration c = ConfigurationSyntax.parse(config, "test.conf", ProgramCheck.ANY);
            Configuration next = reloadTo == null ? c : ConfigurationSyntax.parse(reloadTo, "test.conf", ProgramCheck.ANY);
            ReactorOptions options = new ReactorOptions(179, List.of(), settings, true, false, "5.0.0", Map.of());
            reactor = new Reactor(c, options, () -> next, new EventContext("host", 1, 1, () -> 1.5));
            io = new RecordingIo(log);
            reactor.start(io, now);
            for (String entry : log) {
                if (!entry.startsWith("connect ")) continue;
                String[] w = entry.split(" ");
                conns.put(Long.parseLong(w[1]), IpAddress.parse(w[2].substring(0, w[2].indexOf(':'))));
            }
        }

        ConnKey conn(String peer) {
            for (Map.Entry<Long, IpAddress> e : conns.entrySet()) {
                if (e.getValue().equals(IpAddress.parse(peer))) return new ConnKey(e.getKey());
            }
            throw new AssertionError("no connection to " + peer);
        }

        void connected(String peer) {
            reactor.connected(conn(peer), new Endpoint(LOCAL, 40000), new Endpoint(IpAddress.parse(peer), 179));
        }

        void received(String peer, String hex) {
            byte[] b = HexFormat.of().parseHex(hex);
            reactor.received(conn(peer), b, 0, b.length);
        }

        void command(String... lines) {
            reactor.commands(CTL, List.of(lines));
        }

        void turn() {
            log.add("turn " + now);
            reactor.turn(now);
            for (long id : conns.keySet()) {
                String bytes = pull(new ConnKey(id));
                for (String m : split(bytes)) log.add("sent " + id + " " + m);
            }
        }

        void turns(int n) {
            for (int i = 0; i < n; i++) turn();
        }

        String pull(ConnKey conn) {
            StringBuilder sb = new StringBuilder();
            byte[] buf = new byte[pullSize];
            int n;
            while ((n = reactor.pull(conn, buf, 0, buf.length)) > 0)
                sb.append(HexFormat.of().withUpperCase().formatHex(buf, 0, n));
            return sb.toString();
        }

        /** Brings a peer to ESTABLISHED: TCP up, its OPEN and KEEPALIVE, our KEEPALIVE and End-of-RIB sent. */
        void establish(String peer, int as, String routerIdHex) {
            connected(peer);
            turn();
            received(peer, peerOpen(as, routerIdHex) + KEEPALIVE);
            turns(3);
        }

        Peer peer(String address) {
            for (Peer p : reactor.peers()) if (p.neighbor.peerAddress().equals(IpAddress.parse(address))) return p;
            throw new AssertionError(address);
        }

        List<String> sent(String peer) {
            String prefix = "sent " + conn(peer).id() + " ";
            return log.stream().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length())).toList();
        }

        List<String> toCtl() {
            String prefix = "toProcess " + CTL + " ";
            return log.stream().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length())).toList();
        }

        void signal(String name) {
            reactor.signal(name, name.equals("SIGTERM") ? 15 : 0);
        }

        int indexOf(String entry) {
            return log.indexOf(entry);
        }
    }

    static List<String> split(String hex) {
        List<String> out = new ArrayList<>();
        while (!hex.isEmpty()) {
            int length = Integer.parseInt(hex.substring(32, 36), 16);
            out.add(hex.substring(0, length * 2));
            hex = hex.substring(length * 2);
        }
        return out;
    }

    private static final Pattern STATE = Pattern.compile("\"type\"\\s*:\\s*\"state\".*\"peer\"\\s*:\\s*\"([0-9.]+)\""
            + ".*\"state\"\\s*:\\s*\"([a-z]+)\"(?:\\s*,\\s*\"reason\"\\s*:\\s*\"([^\"]*)\")?");

    /** "peer state [reason]" for each JSON state event the program received. */
    static List<String> states(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            Matcher m = STATE.matcher(l);
            if (m.find()) out.add(m.group(1) + " " + m.group(2) + (m.group(3) == null ? "" : " " + m.group(3)));
        }
        return out;
    }

    // ---- tests ----

    @Test
    void startupStartsProgramsAndConnectsActivePeers() throws Exception {
        Engine e = new Engine(CONFIG, SessionSettings.DEFAULT);
        // programs first (ExaBGP's order): a connection never waits for the forking before our OPEN goes out
        assertThat(e.log).containsExactly(
                "startProcess ctl#1 [/bin/ctl]",
                "connect 1 10.0.0.2:179 from 10.0.0.1:0",
                "connect 2 10.0.0.3:179 from 10.0.0.1:0");
    }

    @Test
    void sessionComesUpAndProgramHearsConnectedAndUp() throws Exception {
        Engine e = new Engine(CONFIG, SessionSettings.DEFAULT);
        e.establish("10.0.0.2", 65002, "0A000002");
        assertThat(e.peer("10.0.0.2").session.state()).isEqualTo(State.ESTABLISHED);
        assertThat(e.sent("10.0.0.2")).hasSize(3); // OPEN, KEEPALIVE, End-of-RIB
        assertThat(e.sent("10.0.0.2").get(1)).isEqualTo(KEEPALIVE);
        assertThat(e.sent("10.0.0.2").get(2)).isEqualTo(MARKER + "001702" + "00000000");
        assertThat(states(e.toCtl())).containsExactly("10.0.0.2 connected", "10.0.0.2 up");
    }

    /**
     * A text program's events are each a line and the empty line after it (ExaBGP's text encoder): the lines counted
     * for its statistics are those, not the events (the fake engine checks every hand-over's count against its bytes).
     */
    @Test
    void aTextProgramsLinesAreCountedAsLines() throws Exception {
        Engine e = new Engine(CONFIG.replace("encoder json", "encoder text"), SessionSettings.DEFAULT);
        e.establish("10.0.0.2", 65002, "0A000002");
        assertThat(e.log.stream().filter(l -> l.startsWith("toProcess ctl#1 ")).toList()).hasSize(2); // connected, up
    }

    /**
     * The first routes wait (up to the delay) for the peer's own first UPDATEs only so that programs hear those first:
     * when no program hears the peer, they leave as soon as the session is up (issue 9).
     */
    @Test
    void theFirstRoutesWaitForThePeerOnlyWhenAProgramHearsIt() throws Exception {
        SessionSettings delayed = new SessionSettings(60, 0, false, "5.0.0", 100_000_000L);
        String eor = MARKER + "001702" + "00000000";
        Engine quiet = new Engine(withRoute(oneNeighbor("processes [ ctl ]; neighbor-changes;")), delayed);
        quiet.establish("10.0.0.2", 65002, "0A000002");
        quiet.turn(); // the End-of-RIB follows once the UPDATE is written
        assertThat(quiet.sent("10.0.0.2")).hasSize(4).endsWith(UPDATE_10_2, eor);

        Engine hearing = new Engine(withRoute(oneNeighbor("processes [ ctl ]; receive { parsed; update; }")), delayed);
        hearing.establish("10.0.0.2", 65002, "0A000002");
        assertThat(hearing.sent("10.0.0.2")).hasSize(2).endsWith(KEEPALIVE);
        hearing.now += 100_000_000L;
        hearing.turns(2);
        assertThat(hearing.sent("10.0.0.2")).hasSize(4).endsWith(UPDATE_10_2, eor);
    }

    private static String withRoute(String config) {
        return config.replace(
                "family { ipv4 unicast; }", "family { ipv4 unicast; }\n    static { route 10.2.0.0/16 next-hop 10.0.0.1; }");
    }

    /** runtime.md §5.2: the answer is written in the command's turn, the UPDATE goes out in the next one. */
    @Test
    void announceIsAnsweredThenSentNextTurn() throws Exception {
        Engine e = new Engine(CONFIG, SessionSettings.DEFAULT);
        e.establish("10.0.0.2", 65002, "0A000002");
        int before = e.sent("10.0.0.2").size();
        e.command("neighbor 10.0.0.2 announce route 10.2.0.0/16 next-hop 10.0.0.1");
        e.turn();
        assertThat(e.toCtl().getLast()).isEqualTo("done");
        assertThat(e.sent("10.0.0.2")).hasSize(before);
        e.turn();
        assertThat(e.sent("10.0.0.2")).hasSize(before + 1).endsWith(UPDATE_10_2);
        assertThat(e.indexOf("toProcess ctl#1 done")).isLessThan(e.indexOf("sent 1 " + UPDATE_10_2));
        assertThat(e.sent("10.0.0.3")).isEmpty();
    }

    /**
     * A program's lines are applied a bounded amount of text per turn, not only of lines: bulk lines carry hundreds of
     * routes each, and the peer must get UPDATEs while the rest of such a feed waits (issue 9).
     */
    @Test
    void bulkLinesAreAppliedABoundedAmountPerTurn() throws Exception {
        Engine e = new Engine(CONFIG, SessionSettings.DEFAULT);
        e.establish("10.0.0.2", 65002, "0A000002");
        int lines = 400;
        bulkLines(e, "neighbor 10.0.0.2 ", lines, 200);
        e.turn();
        assertThat(answered(e)).isPositive().isLessThan(lines);
        e.turn();
        assertThat(e.sent("10.0.0.2").size()).as("UPDATEs of the first lines, before the feed is applied").isGreaterThan(3);
        turnsUntilAnswered(e, lines);
    }

    /**
     * A turn makes a bounded number of route changes, counted per Adj-RIB-Out a command changes (issue 9): once per
     * neighbour when each has its own, once for neighbours that share one (update groups).
     */
    @Test
    void routeChangesPerTurnAreBoundedOverAllNeighbours() throws Exception {
        StringBuilder config = new StringBuilder("process ctl { run /bin/ctl; encoder json; }\n");
        for (int i = 2; i < 10; i++)
            config.append(CONFIG.substring(CONFIG.indexOf("neighbor 10.0.0.2"), CONFIG.indexOf("neighbor 10.0.0.3"))
                    .replace("10.0.0.2", "10.0.0." + i));
        int lines = 200;
        Engine e = ownTables(new Engine(config.toString(), SessionSettings.DEFAULT));
        bulkLines(e, "", lines, 100); // to eight neighbours: 800 changes a line, 1.6 KB of text
        e.turn();
        // 65,536 changes: 82 lines (the text alone would allow 179)
        assertThat(answered(e) - 8).isEqualTo(82);
        turnsUntilAnswered(e, lines + 8);

        // routes the batch cannot take (a path-id here) count four times: 21 lines
        Engine unbatched = ownTables(new Engine(config.toString(), SessionSettings.DEFAULT));
        bulkLines(unbatched, "", lines, 100, "path-information 1 next-hop 10.0.0.1");
        unbatched.turn();
        assertThat(answered(unbatched) - 8).isEqualTo(21);
        turnsUntilAnswered(unbatched, lines + 8);

        // the eight neighbours sharing one table: a line is 100 changes, the text is the bound (179 lines)
        Engine shared = new Engine(config.toString(), SessionSettings.DEFAULT);
        bulkLines(shared, "", lines, 100);
        shared.turn();
        assertThat(answered(shared)).isEqualTo(179);
        turnsUntilAnswered(shared, lines);
        // an unbatched line to them is 400 changes: 164 lines
        Engine sharedUnbatched = new Engine(config.toString(), SessionSettings.DEFAULT);
        bulkLines(sharedUnbatched, "", lines, 100, "path-information 1 next-hop 10.0.0.1");
        sharedUnbatched.turn();
        assertThat(answered(sharedUnbatched)).isEqualTo(164);
        turnsUntilAnswered(sharedUnbatched, lines);
    }

    /**
     * Neighbours sent the same routes share one Adj-RIB-Out; one that a reload removes lets go of it, so the one left
     * holds it alone (changed in place, not copied at each command and drain).
     */
    @Test
    void aNeighbourGoneLeavesTheTableItSharedToTheOthers() throws Exception {
        String withoutThree = CONFIG.substring(0, CONFIG.indexOf("neighbor 10.0.0.3"));
        Engine e = sharingOneTable(new Engine(CONFIG, SessionSettings.DEFAULT, withoutThree));
        Peer two = e.peer("10.0.0.2");
        Peer three = e.peer("10.0.0.3");
        e.command("reload");
        e.turns(2);
        assertThat(e.reactor.peers()).containsExactly(two);
        assertThat(two.rib.shared()).isFalse();
        assertThat(two.rib.routes()).hasSize(1);
        assertThat(three.rib.routes()).isEmpty();
    }

    /**
     * A command for one of the neighbours sharing a large table copies it: the copy counts as work of the turn, which
     * ends there (70,000 slots, more than a turn's 65,536 changes). The copy is made when the next command closes the
     * first one's batch, so the turn ends after that second command; the third waits for the next turn.
     */
    @Test
    void copyingASharedTableCountsAgainstTheTurn() throws Exception {
        Engine e = new Engine(CONFIG, SessionSettings.DEFAULT);
        int lines = 700;
        bulkLines(e, "", lines, 100); // 70,000 routes to both neighbours: one table
        turnsUntilAnswered(e, lines);
        assertThat(e.peer("10.0.0.2").rib.sharesWith(e.peer("10.0.0.3").rib)).isTrue();
        e.command("neighbor 10.0.0.3 announce route 192.168.0.0/24 next-hop 10.0.0.1",
                "neighbor 10.0.0.2 announce route 192.168.1.0/24 next-hop 10.0.0.1",
                "neighbor 10.0.0.2 announce route 192.168.2.0/24 next-hop 10.0.0.1");
        e.turn();
        assertThat(answered(e) - lines).isEqualTo(2);
        assertThat(e.peer("10.0.0.2").rib.shared()).isFalse();
        e.turn();
        assertThat(answered(e) - lines).isEqualTo(3);
    }

    /**
     * A reload giving neighbours that share an Adj-RIB-Out the same new configured route makes it once in the shared
     * table: they still share it (each took a copy when the changes were made neighbour by neighbour).
     */
    @Test
    void aReloadsSameRouteChangesKeepATableShared() throws Exception {
        String withRoute = CONFIG.replace("api { processes [ ctl ]; neighbor-changes; }",
                "api { processes [ ctl ]; neighbor-changes; }\n    static { route 10.5.0.0/16 next-hop 10.0.0.1; }");
        assertThat(withRoute).isNotEqualTo(CONFIG);
        Engine e = sharingOneTable(new Engine(CONFIG, SessionSettings.DEFAULT, withRoute));
        Peer two = e.peer("10.0.0.2");
        Peer three = e.peer("10.0.0.3");
        e.command("reload");
        e.turns(2);
        assertThat(e.reactor.peers()).containsExactly(two, three); // the same sessions, routes changed
        assertThat(two.rib.sharesWith(three.rib)).isTrue();
        assertThat(two.rib.routes()).extracting(r -> r.nlri().text()).containsExactly("10.2.0.0/16", "10.5.0.0/16");
    }

    /** A program's route to both neighbours 10.0.0.2 and 10.0.0.3: they share one Adj-RIB-Out. */
    private static Engine sharingOneTable(Engine e) {
        e.command("announce route 10.2.0.0/16 next-hop 10.0.0.1");
        e.turn();
        assertThat(e.peer("10.0.0.2").rib.sharesWith(e.peer("10.0.0.3").rib)).isTrue();
        return e;
    }

    /** Gives each of the neighbours 10.0.0.2-9 an Adj-RIB-Out of its own: a route for it alone, answered. */
    private static Engine ownTables(Engine e) {
        for (int i = 2; i < 10; i++)
            e.command("neighbor 10.0.0." + i + " announce route 192.168." + i + ".0/24 next-hop 10.0.0.1");
        e.turn();
        assertThat(answered(e)).isEqualTo(8);
        return e;
    }

    /**
     * The peers' output is written once they had their step, before the programs' commands run (Io.flush, ExaBGP's
     * peers writing in their own step): a turn of commands does not hold back an OPEN (issue 9).
     */
    @Test
    void peersWriteBeforeTheCommandsRun() throws Exception {
        Engine e = new Engine(CONFIG, SessionSettings.DEFAULT);
        e.establish("10.0.0.2", 65002, "0A000002");
        e.connected("10.0.0.3");
        e.command("neighbor 10.0.0.2 teardown 2");
        int from = e.log.size();
        e.turn();
        List<String> turn = List.copyOf(e.log.subList(from, e.log.size()));
        String open = "wantsToSend " + e.conn("10.0.0.3").id();
        String teardown = "wantsToSend " + e.conn("10.0.0.2").id();
        assertThat(turn).as("%s", turn).containsSubsequence(open, "flush", teardown);
        assertThat(turn.indexOf("flush")).isLessThan(turn.indexOf(teardown));
    }

    /** Lines of {@code announce attributes … nlri} with {@code prefixes} /24s each, all different. */
    private static void bulkLines(Engine e, String selector, int lines, int prefixes) {
        bulkLines(e, selector, lines, prefixes, "next-hop 10.0.0.1");
    }

    private static void bulkLines(Engine e, String selector, int lines, int prefixes, String attributes) {
        for (int line = 0; line < lines; line++) {
            StringBuilder b = new StringBuilder(selector).append("announce attributes ").append(attributes).append(" nlri");
            for (int p = 0; p < prefixes; p++)
                b.append(' ').append(20 + line / 200).append('.').append(line % 200).append('.').append(p).append(".0/24");
            e.command(b.toString());
        }
    }

    private static long answered(Engine e) {
        return e.toCtl().stream().filter("done"::equals).count();
    }

    /** Turns until every one of the lines was answered, which must not take more turns than lines. */
    private static void turnsUntilAnswered(Engine e, int lines) {
        for (int i = 0; i < lines && answered(e) < lines; i++) e.turn();
        assertThat(answered(e)).isEqualTo(lines);
    }

    @Test
    void unknownCommandGetsErrorAndTheNextStillGetsDone() throws Exception {
        Engine e = new Engine(CONFIG, SessionSettings.DEFAULT);
        e.establish("10.0.0.2", 65002, "0A000002");
        int before = e.toCtl().size();
        e.command("frobnicate the widgets", "neighbor 10.0.0.2 announce route 10.2.0.0/16 next-hop 10.0.0.1");
        e.turn();
        assertThat(e.toCtl().subList(before, e.toCtl().size())).containsExactly("error", "done");
    }

    @Test
    void selectorsPickThePeer() throws Exception {
        Engine e = new Engine(CONFIG, SessionSettings.DEFAULT);
        e.establish("10.0.0.2", 65002, "0A000002");
        e.establish("10.0.0.3", 65003, "0A000003");
        int two = e.sent("10.0.0.2").size(), three = e.sent("10.0.0.3").size();
        e.command("neighbor 10.0.0.3 announce route 10.2.0.0/16 next-hop 10.0.0.1");
        e.turns(2);
        assertThat(e.sent("10.0.0.2")).hasSize(two);
        assertThat(e.sent("10.0.0.3")).hasSize(three + 1).endsWith(UPDATE_10_2);
        // a selector matching nobody: error (api.md §2.1)
        e.command("neighbor 10.9.9.9 announce route 10.3.0.0/16 next-hop 10.0.0.1");
        e.turns(2);
        assertThat(e.toCtl().getLast()).isEqualTo("error");
        // no selector: every peer of the program
        e.command("announce route 10.4.0.0/16 next-hop 10.0.0.1");
        e.turns(2);
        assertThat(e.sent("10.0.0.2")).hasSize(two + 1);
        assertThat(e.sent("10.0.0.3")).hasSize(three + 2);
    }

    /** api.md §3: disable-ack answers done then stops answering; silence-ack stops at once; enable-ack resumes. */
    @Test
    void ackModes() throws Exception {
        Engine e = new Engine(CONFIG, SessionSettings.DEFAULT);
        e.command("disable-ack", "version", "enable-ack", "version", "silence-ack", "version", "frobnicate");
        e.turn();
        assertThat(e.toCtl()).containsExactly("done", "exabgp 5.0.0", "done", "exabgp 5.0.0", "done",
                "exabgp 5.0.0");
    }

    @Test
    void sigtermSendsCeaseTellsProgramsAndEnds() throws Exception {
        Engine e = new Engine(CONFIG, SessionSettings.DEFAULT);
        e.establish("10.0.0.2", 65002, "0A000002");
        e.signal("SIGTERM");
        e.turn();
        List<String> sent = e.sent("10.0.0.2");
        // RFC 4486 / wire.md §2 step 7: NOTIFICATION Cease (6), Administrative Shutdown (2)
        assertThat(sent.getLast().substring(36, 42)).isEqualTo("030602");
        assertThat(e.log).contains("close 1", "stopProcess ctl#1");
        assertThat(e.indexOf("close 1")).isLessThan(e.log.size());
        List<String> lines = e.toCtl();
        assertThat(states(lines).getLast()).startsWith("10.0.0.2 down");
        assertThat(lines.getLast()).contains("\"notification\"").contains("shutdown");
        assertThat(e.indexOf("stopProcess ctl#1")).isGreaterThan(e.log.indexOf("toProcess ctl#1 " + lines.getLast()));
        e.now += SECOND;
        e.turn();
        assertThat(e.reactor.done()).isTrue();
        assertThat(e.reactor.exitCode()).isZero();
    }

    @Test
    void attemptsExhaustedEndsTheReactor() throws Exception {
        Engine e = new Engine(CONFIG, new SessionSettings(60, 1, false, "5.0.0", 0));
        e.reactor.closed(e.conn("10.0.0.2"), "connection refused");
        e.reactor.closed(e.conn("10.0.0.3"), "connection refused");
        e.turn();
        assertThat(e.reactor.done()).isTrue();
        assertThat(e.log.stream().filter(l -> l.startsWith("connect "))).hasSize(2);
    }

    @Test
    void malformedUpdateResetsOnlyThatPeer() throws Exception {
        Engine e = new Engine(CONFIG, SessionSettings.DEFAULT);
        e.establish("10.0.0.2", 65002, "0A000002");
        e.establish("10.0.0.3", 65003, "0A000003");
        // ORIGIN claims 5 bytes where the attributes hold 1 (RFC 7606 §4): session reset with NOTIFICATION 3/x
        e.received("10.0.0.2", MARKER + "001B02" + "0000" + "0004" + "40010500");
        e.received("10.0.0.3", KEEPALIVE);
        e.turn();
        assertThat(e.sent("10.0.0.2").getLast().substring(36, 40)).isEqualTo("0303");
        assertThat(e.log).contains("close 1").doesNotContain("close 2");
        assertThat(e.peer("10.0.0.3").session.state()).isEqualTo(State.ESTABLISHED);
        // the other peer keeps exchanging messages: a keepalive at hold/3 and an API route
        int three = e.sent("10.0.0.3").size();
        e.now += 30 * SECOND;
        e.command("neighbor 10.0.0.3 announce route 10.2.0.0/16 next-hop 10.0.0.1");
        e.turns(2);
        assertThat(e.sent("10.0.0.3").subList(three, e.sent("10.0.0.3").size())).containsExactly(KEEPALIVE,
                UPDATE_10_2);
        assertThat(states(e.toCtl())).contains("10.0.0.2 down notification sent (3,1)");
    }

    // ---- determinism (engine parity, ARCHITECTURE §7) ----

    /** One scripted scenario; bytes from peers arrive in chunks chosen by the random source. */
    static List<String> scenario(long seed, boolean chunked) throws Exception {
        SplittableRandom random = new SplittableRandom(seed);
        Engine e = new Engine(CONFIG, SessionSettings.DEFAULT);
        e.pullSize = chunked ? 1 + random.nextInt(64) : 4096;
        e.connected("10.0.0.2");
        e.connected("10.0.0.3");
        e.turn();
        feed(e, "10.0.0.2", peerOpen(65002, "0A000002") + KEEPALIVE, random, chunked);
        feed(e, "10.0.0.3", peerOpen(65003, "0A000003") + KEEPALIVE, random, chunked);
        e.command("announce route 10.2.0.0/16 next-hop 10.0.0.1", "bogus", "neighbor 10.0.0.3 withdraw route "
                + "10.2.0.0/16 next-hop 10.0.0.1");
        e.turns(4);
        e.now += 30 * SECOND;
        feed(e, "10.0.0.2", KEEPALIVE + MARKER + "001705" + "00010001", random, chunked);
        e.turns(3);
        e.signal("SIGTERM");
        e.turns(2);
        // the pulled bytes are split into messages, so the chunk size of pull does not show in the log
        return e.log;
    }

    static void feed(Engine e, String peer, String hex, SplittableRandom random, boolean chunked) {
        if (!chunked) {
            e.received(peer, hex);
            return;
        }
        int at = 0;
        while (at < hex.length()) {
            int n = 2 * (1 + random.nextInt(20));
            int end = Math.min(hex.length(), at + n);
            e.received(peer, hex.substring(at, end));
            at = end;
        }
    }

    @Test
    void sameInputsGiveTheSameIoCallsAndBytes() throws Exception {
        List<String> first = scenario(1, false);
        List<String> second = scenario(1, false);
        assertThat(second).isEqualTo(first);
        assertThat(first).anyMatch(l -> l.startsWith("sent 1 ") && l.contains(UPDATE_10_2));
    }

    @Test
    void chunkingDoesNotChangeTheOutcome() throws Exception {
        List<String> whole = scenario(0, false);
        long seed = Long.getLong("jexabgp.seed", 20260101L);
        SplittableRandom seeds = new SplittableRandom(seed);
        for (int i = 0; i < 20; i++) {
            long s = seeds.nextLong();
            assertThat(scenario(s, true)).as("seed %d (from -Djexabgp.seed=%d)", s, seed).isEqualTo(whole);
        }
    }
}
