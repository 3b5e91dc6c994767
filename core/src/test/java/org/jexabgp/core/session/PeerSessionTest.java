package org.jexabgp.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.jexabgp.core.config.ConfigurationSyntax;
import org.jexabgp.core.config.ProgramCheck;
import org.jexabgp.core.fsm.State;
import org.jexabgp.core.model.Neighbor;
import org.jexabgp.core.model.Route;
import org.jexabgp.core.rib.AdjRibOut;
import org.jexabgp.core.rib.NeighborRibOut;
import org.jexabgp.core.rib.PackingOptions;
import org.jexabgp.core.rib.UpdatePacker;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.message.Message;
import org.junit.jupiter.api.Test;

/**
 * Scripted conversations with one {@link PeerSession}: hex in, hex and listener calls out, time as a value (nanos).
 * The neighbour is eBGP AS 65001 (FDE9) → AS 65002 (FDEA), hold time 90, ipv4 unicast, one static route.
 */
class PeerSessionTest {
    private static final long SECOND = 1_000_000_000L;
    private static final String MARKER = "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF";
    private static final IpAddress LOCAL = IpAddress.parse("10.0.0.1");
    private static final IpAddress REMOTE = IpAddress.parse("10.0.0.2");

    private static final String CONFIG = """
            neighbor 10.0.0.2 {
                router-id 10.0.0.1;
                local-address 10.0.0.1;
                local-as 65001;
                peer-as 65002;
                hold-time 90;
                %s
                family { ipv4 unicast; }
                static { route 10.1.0.0/16 next-hop 10.0.0.1; }
            }
            """;

    /**
     * Our OPEN (RFC 4271 §4.2, wire.md §3.1): version 04, my-AS FDE9, hold 005A (90), BGP-id 0A000001, 16 bytes of
     * parameters, each capability in its own parameter: MP ipv4/unicast (02 06 01 04 0001 00 01), 4-octet AS 65001
     * (02 06 41 04 0000FDE9). Extended message is on by default but empty, so not sent (wire.md §3.1 quirk).
     */
    private static final String OUR_OPEN = MARKER + "002D01" + "04FDE9005A0A000001" + "10"
            + "0206010400010001" + "020641040000FDE9";

    /** The peer's OPEN: AS 65002, hold 180 (00B4), id 10.0.0.2, MP ipv4/unicast, 4-octet AS 65002. */
    private static final String PEER_OPEN = open("FDEA", "0206010400010001" + "020641040000FDEA");

    private static final String KEEPALIVE = MARKER + "001304";

    /**
     * The configured route (wire.md §9.3, §7, §10 conf-ebgp): W=0000, attribute length 0014, ORIGIN IGP 40010100,
     * AS_PATH one AS_SEQUENCE of local-as 4002 06 02 01 0000FDE9 (eBGP, ASN4), NEXT_HOP 400304 0A000001, no
     * LOCAL_PREF on eBGP, NLRI 10 0A01 (10.1.0.0/16). 19 + 2 + 2 + 20 + 3 = 46 = 0x2E.
     */
    private static final String ROUTE_UPDATE = MARKER + "002E02" + "0000" + "0014" + "40010100" + "4002060201"
            + "0000FDE9" + "4003040A000001" + "100A01";

    /** End-of-RIB for ipv4 unicast (RFC 4724 §2): an empty UPDATE, W=0000 A=0000. */
    private static final String EOR_IPV4 = MARKER + "001702" + "00000000";

    /** A NOTIFICATION header for this code and subcode, the data following. */
    private static String notificationPrefix(int code, int subcode) {
        return "03" + "%02X%02X".formatted(code, subcode);
    }

    private static String open(String as, String capabilities) {
        int params = capabilities.length() / 2;
        int length = 19 + 10 + params;
        return MARKER + "%04X01".formatted(length) + "04" + as + "00B4" + "0A000002" + "%02X".formatted(params)
                + capabilities;
    }

    // ---- the recording listener and the script driver ----

    /** Records calls; on close() it takes what is still queued, as the reactor does (the NOTIFICATION last words). */
    class Recorder implements SessionListener {
        final List<String> calls = new ArrayList<>();
        final StringBuilder farewell = new StringBuilder();
        final List<State> states = new ArrayList<>();
        int connects;
        boolean finished;

        @Override
        public void connect() {
            connects++;
            calls.add("connect");
        }

        @Override
        public void close() {
            calls.add("close");
            farewell.append(pullAll());
        }

        @Override
        public void wantsToSend() {}

        @Override
        public void fsm(State state) {
            states.add(state);
        }

        @Override
        public void connected() {
            calls.add("connected");
        }

        @Override
        public void up(Negotiated negotiated) {
            calls.add("up");
        }

        @Override
        public void down(String reason) {
            calls.add("down " + reason);
        }

        @Override
        public void message(Message message, boolean received, byte[] raw, Negotiated negotiated) {
            if (received) calls.add("received " + message.type().value());
        }

        @Override
        public boolean wantsCopies(int messageType, boolean received) {
            return false;
        }

        @Override
        public void finished() {
            finished = true;
            calls.add("finished");
        }
    }

    private final Recorder listener = new Recorder();
    private PeerSession session;
    private AdjRibOut rib;
    private long now;

    private PeerSession session(String extra, SessionSettings settings) throws Exception {
        Neighbor n = ConfigurationSyntax.parse(CONFIG.formatted(extra), "test.conf", ProgramCheck.ANY)
                .neighbors().getFirst();
        rib = new AdjRibOut(n.adjRibOut());
        for (Route r : n.routes()) rib.announce(r);
        session = new PeerSession(n, settings, new NeighborRibOut(rib), listener);
        return session;
    }

    private void feed(String hex) {
        byte[] b = HexFormat.of().parseHex(hex);
        session.received(b, 0, b.length);
    }

    /** Runs the session a few times at the current time, pulling everything it queues; returns the messages. */
    private List<String> turns() {
        List<String> messages = new ArrayList<>();
        StringBuilder bytes = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            session.run(now);
            bytes.append(listener.farewell).append(pullAll());
            listener.farewell.setLength(0);
        }
        String all = bytes.toString();
        while (!all.isEmpty()) {
            int length = Integer.parseInt(all.substring(32, 36), 16);
            messages.add(all.substring(0, length * 2));
            all = all.substring(length * 2);
        }
        return messages;
    }

    private String pullAll() {
        StringBuilder sb = new StringBuilder();
        byte[] buf = new byte[7]; // small on purpose: messages must survive being pulled in pieces
        int n;
        while ((n = session.pull(buf, 0, buf.length)) > 0) sb.append(HexFormat.of().withUpperCase().formatHex(buf, 0, n));
        return sb.toString();
    }

    /** start → connect → OPEN; the peer's OPEN + KEEPALIVE; returns what we sent after our OPEN. */
    private List<String> establish(String peerOpen) {
        session.start(now);
        assertThat(listener.calls).containsExactly("connect");
        assertThat(session.state()).isEqualTo(State.CONNECT);
        session.tcpUp(now, LOCAL, REMOTE);
        assertThat(session.state()).isEqualTo(State.OPENSENT);
        assertThat(pullAll()).isEqualTo(OUR_OPEN);
        feed(peerOpen + KEEPALIVE);
        return turns();
    }

    /**
     * The session closed, reported down, fell to IDLE and (back-off 0 s after a first failure, runtime.md §8) already
     * tried again.
     */
    private void assertWentDown(String reason) {
        assertThat(listener.calls).containsSubsequence("close", "down " + reason, "connect");
        assertThat(listener.calls.getLast()).isEqualTo("connect");
        assertThat(listener.states).containsSubsequence(State.IDLE, State.CONNECT);
        assertThat(listener.states.get(listener.states.size() - 2)).isEqualTo(State.IDLE);
        assertThat(session.state()).isEqualTo(State.CONNECT);
        assertThat(session.isConnected()).isFalse();
    }

    // ---- conversations ----

    @Test
    void openKeepaliveThenRoutesThenEndOfRib() throws Exception {
        session("", SessionSettings.DEFAULT);
        List<String> sent = establish(PEER_OPEN);
        assertThat(session.state()).isEqualTo(State.ESTABLISHED);
        // RFC 4271 §8.2.2: KEEPALIVE answers the OPEN; then the Adj-RIB-Out, then End-of-RIB (wire.md §2 steps 3-5)
        assertThat(sent).containsExactly(KEEPALIVE, ROUTE_UPDATE, EOR_IPV4);
        assertThat(listener.states)
                .containsExactly(State.CONNECT, State.OPENSENT, State.OPENCONFIRM, State.ESTABLISHED);
        assertThat(listener.calls).containsExactly("connect", "connected", "received 1", "received 4", "up");
        assertThat(session.negotiated().holdTimeSeconds()).isEqualTo(90); // min(90, 180)
        assertThat(session.negotiated().peerAs()).isEqualTo(65002);
        // nothing more to say
        assertThat(turns()).isEmpty();
    }

    /**
     * The KEEPALIVE confirming the peer's OPEN does not hold the routes back: the run that reads the OPEN queues it,
     * the routes and the End-of-RIB, and one write can take them all (issue 9: 200 sessions coming up took a turn and
     * 200 writes more when the routes waited for the KEEPALIVE to be written).
     */
    @Test
    void theFirstRoutesLeaveWithTheKeepaliveConfirmingTheOpen() throws Exception {
        session("", SessionSettings.DEFAULT.withFirstUpdateDelay(0));
        session.start(now);
        session.tcpUp(now, LOCAL, REMOTE);
        assertThat(pullAll()).isEqualTo(OUR_OPEN);
        feed(PEER_OPEN + KEEPALIVE);
        session.run(now);
        assertThat(session.state()).isEqualTo(State.ESTABLISHED);
        assertThat(pullAll()).isEqualTo(KEEPALIVE + ROUTE_UPDATE + EOR_IPV4);
    }

    /**
     * A first drain that would copy a large table shared with other neighbours waits while the turn has copied its
     * share (NeighborRibOut.drainDeferred): the KEEPALIVE goes, the routes and the End-of-RIB in a later turn.
     */
    @Test
    void aDrainThatWouldCopyTooMuchThisTurnWaits() throws Exception {
        Neighbor n = ConfigurationSyntax.parse(CONFIG.formatted(""), "test.conf", ProgramCheck.ANY).neighbors()
                .getFirst();
        NeighborRibOut.Starter starter = new NeighborRibOut.Starter(new UpdatePacker(), 0, 1);
        NeighborRibOut mine = starter.start(true);
        NeighborRibOut other = starter.start(true);
        NeighborRibOut third = starter.start(true);
        NeighborRibOut.Fanout<Route> fanout = new NeighborRibOut.Fanout<>();
        for (Route r : n.routes()) {
            for (NeighborRibOut h : List.of(mine, other, third)) fanout.add(h, r);
            fanout.apply(AdjRibOut::announce);
        }
        session = new PeerSession(n, SessionSettings.DEFAULT.withFirstUpdateDelay(0), mine, listener);
        session.start(now);
        session.tcpUp(now, LOCAL, REMOTE);
        assertThat(pullAll()).isEqualTo(OUR_OPEN);
        starter.newTurn();
        other.drain(Negotiation.standard(), PackingOptions.DEFAULT, false, (m, l) -> {}); // a copy: the share
        feed(PEER_OPEN + KEEPALIVE);
        session.run(now);
        assertThat(pullAll()).isEqualTo(KEEPALIVE);
        starter.newTurn();
        session.run(now);
        assertThat(pullAll()).isEqualTo(ROUTE_UPDATE + EOR_IPV4);
    }

    /**
     * A large Adj-RIB-Out is packed a part per run (issue 9): the first UPDATEs can be written while the rest is packed.
     * The parts are whole messages, all routes go, and the End-of-RIB waits for the last of them.
     */
    @Test
    void aLargeAdjRibOutGoesAPartPerRunAndTheEndOfRibLast() throws Exception {
        int routes = largeTableOpening("");
        java.io.ByteArrayOutputStream sent = new java.io.ByteArrayOutputStream();
        int parts = 0;
        byte[] buf = new byte[65536];
        while (true) {
            session.run(now);
            int n;
            long part = 0;
            while ((n = session.pull(buf, 0, buf.length)) > 0) {
                sent.write(buf, 0, n);
                part += n;
            }
            if (part == 0) break;
            parts++;
            // a part stops at the first message that reaches the size
            assertThat(part).isLessThan(PeerSession.DRAIN_BYTES + 4096 + 19);
        }
        assertThat(session.hasOutput()).isFalse();
        assertThat(parts).isGreaterThanOrEqualTo(4); // three parts of UPDATEs at least, then the End-of-RIB
        byte[] all = sent.toByteArray();
        int updates = 0;
        int prefixCount = 0;
        int at = 19; // after the KEEPALIVE answering the OPEN
        String last = "";
        while (at < all.length) {
            int length = (all[at + 16] & 0xFF) << 8 | (all[at + 17] & 0xFF);
            assertThat(all[at + 18]).isEqualTo((byte) 2);
            int withdrawn = (all[at + 19] & 0xFF) << 8 | (all[at + 20] & 0xFF);
            int attributes = (all[at + 21 + withdrawn] & 0xFF) << 8 | (all[at + 22 + withdrawn] & 0xFF);
            int nlri = length - 23 - withdrawn - attributes;
            prefixCount += nlri / 4 + (nlri % 4 == 3 ? 1 : 0); // the configured /16 takes 3 bytes
            updates++;
            last = HexFormat.of().withUpperCase().formatHex(all, at, at + length);
            at += length;
        }
        assertThat(at).isEqualTo(all.length);
        assertThat(prefixCount).isEqualTo(routes + 1);
        assertThat(last).isEqualTo(EOR_IPV4);
        assertThat(updates).isGreaterThan(routes * 4 / 4096);
    }

    /**
     * A flush while a large Adj-RIB-Out is being packed in parts: the Begin-of-RIB marker comes after all the UPDATEs
     * that were due, as after one whole drain, and the whole table follows it before the End-of-RIB marker.
     */
    @Test
    void aFlushDuringPartialDrainsMarksAfterWhatWasDue() throws Exception {
        int routes = largeTableOpening("capability { route-refresh; }");
        java.io.ByteArrayOutputStream sent = new java.io.ByteArrayOutputStream();
        byte[] buf = new byte[65536];
        session.run(now); // established: the KEEPALIVE answering the OPEN
        for (int n; (n = session.pull(buf, 0, buf.length)) > 0; ) sent.write(buf, 0, n);
        session.run(now); // the first part of the UPDATEs, the rest frozen
        assertThat(rib.packing()).isTrue();
        session.flushAdjRibOut();
        for (int i = 0; i < 100; i++) {
            int n;
            while ((n = session.pull(buf, 0, buf.length)) > 0) sent.write(buf, 0, n);
            session.run(now);
        }
        byte[] all = sent.toByteArray();
        int prefixCount = 0;
        List<String> markers = new ArrayList<>();
        for (int at = 0; at < all.length; ) {
            int length = (all[at + 16] & 0xFF) << 8 | (all[at + 17] & 0xFF);
            if (all[at + 18] == 5) markers.add(prefixCount + ":" + all[at + 21]); // ROUTE-REFRESH subtype
            if (all[at + 18] == 2) {
                int withdrawn = (all[at + 19] & 0xFF) << 8 | (all[at + 20] & 0xFF);
                int attributes = (all[at + 21 + withdrawn] & 0xFF) << 8 | (all[at + 22 + withdrawn] & 0xFF);
                int nlri = length - 23 - withdrawn - attributes;
                prefixCount += nlri / 4 + (nlri % 4 == 3 ? 1 : 0); // the configured /16 takes 3 bytes
            }
            at += length;
        }
        // BoRR (1) after the first pass, EoRR (2) after the table sent again
        assertThat(markers).containsExactly((routes + 1) + ":1", 2 * (routes + 1) + ":2");
    }

    /**
     * A session ({@code extra} in its neighbour) whose Adj-RIB-Out also holds 200,000 /24s, 4 bytes each: 800 KB of
     * UPDATEs, three parts at least; the peer's OPEN and KEEPALIVE are read next run. Returns the routes added.
     */
    private int largeTableOpening(String extra) throws Exception {
        session(extra, SessionSettings.DEFAULT);
        int routes = 200_000;
        long[] prefixes = new long[routes];
        for (int i = 0; i < routes; i++) prefixes[i] = (0x14000000L + ((long) i << 8)) << 8 | 24;
        Route shape = ConfigurationSyntax.parse(CONFIG.formatted(""), "test.conf", ProgramCheck.ANY).neighbors()
                .getFirst().routes().getFirst();
        rib.announceV4(shape, prefixes, 0, routes);
        session.start(now);
        session.tcpUp(now, LOCAL, REMOTE);
        pullAll();
        feed(PEER_OPEN + KEEPALIVE);
        return routes;
    }

    /**
     * conf-generic-attribute: an attribute whose flags our decoder refuses (0x99 flagged well-known) is still sent as
     * configured; when a copy of it is asked for (a program, the packets log), the copy is reported missing and the
     * session carries on.
     */
    @Test
    void anUpdateWeCannotDecodeAgainIsSentAndOnlyItsCopyIsMissing() throws Exception {
        List<String> uncopied = new ArrayList<>();
        Recorder copying = new Recorder() {
            @Override
            public boolean wantsCopies(int messageType, boolean received) {
                return true;
            }

            @Override
            public void uncopied(byte[] message, String reason) {
                uncopied.add(HexFormat.of().withUpperCase().formatHex(message));
            }
        };
        Neighbor n = ConfigurationSyntax.parse(CONFIG.formatted("").replace("next-hop 10.0.0.1;",
                "next-hop 10.0.0.1 attribute [ 0x99 0x60 0x00000064 ];"), "test.conf", ProgramCheck.ANY)
                .neighbors().getFirst();
        AdjRibOut rib = new AdjRibOut(n.adjRibOut());
        for (Route r : n.routes()) rib.announce(r);
        session = new PeerSession(n, SessionSettings.DEFAULT, new NeighborRibOut(rib), copying);
        session.start(now);
        session.tcpUp(now, LOCAL, REMOTE);
        pullAll();
        feed(PEER_OPEN + KEEPALIVE);
        List<String> sent = turns();
        assertThat(session.state()).isEqualTo(State.ESTABLISHED);
        assertThat(sent).hasSize(3); // KEEPALIVE, the UPDATE, End-of-RIB
        assertThat(sent.get(1)).contains("60990400000064");
        assertThat(uncopied).containsExactly(sent.get(1));
    }

    @Test
    void theFirstUpdateWaitsSoThatWhatThePeerSentIsReportedFirst() throws Exception {
        long delay = 100_000_000L;
        session("", new SessionSettings(60, 0, false, "5.0.0", delay));
        List<String> sent = establish(PEER_OPEN);
        assertThat(session.state()).isEqualTo(State.ESTABLISHED);
        // only the KEEPALIVE answering the OPEN; the routes wait, and the session says until when
        assertThat(sent).containsExactly(KEEPALIVE);
        assertThat(session.nextDeadline()).isEqualTo(now + delay);
        now += delay / 2;
        assertThat(turns()).isEmpty();
        // the peer's first UPDATE (an End-of-RIB) arrives: it is handled first, then our routes go at once
        feed(EOR_IPV4);
        assertThat(turns()).containsExactly(ROUTE_UPDATE, EOR_IPV4);
        assertThat(listener.calls).containsSubsequence("up", "received 2");
    }

    @Test
    void withoutAWordFromThePeerTheFirstUpdateGoesAfterTheDelay() throws Exception {
        long delay = 100_000_000L;
        session("", new SessionSettings(60, 0, false, "5.0.0", delay));
        assertThat(establish(PEER_OPEN)).containsExactly(KEEPALIVE);
        now += delay - 1;
        assertThat(turns()).isEmpty();
        now += 1;
        assertThat(turns()).containsExactly(ROUTE_UPDATE, EOR_IPV4);
    }

    @Test
    void keepaliveEveryThirdOfTheHoldTimeAndHoldExpiry() throws Exception {
        session("", SessionSettings.DEFAULT);
        establish(PEER_OPEN);
        long up = now;
        // wire.md §2 step 6: every hold/3 = 30 s (the OPENCONFIRM keepalive timer was armed at `up`)
        now = up + 29 * SECOND;
        assertThat(turns()).isEmpty();
        now = up + 30 * SECOND;
        assertThat(turns()).containsExactly(KEEPALIVE);
        now = up + 59 * SECOND;
        assertThat(turns()).isEmpty();
        now = up + 60 * SECOND;
        assertThat(turns()).containsExactly(KEEPALIVE);
        assertThat(session.nextDeadline()).isEqualTo(up + 90 * SECOND);
        // nothing heard for 90 s: RFC 4271 §6.5 NOTIFICATION 4/0 and the session goes down
        now = up + 90 * SECOND;
        List<String> sent = turns();
        assertThat(sent).hasSize(1);
        assertThat(sent.getFirst()).startsWith(MARKER).contains(notificationPrefix(4, 0));
        assertThat(sent.getFirst().substring(36, 42)).isEqualTo("030400");
        assertWentDown("notification sent (4,0)");
    }

    @Test
    void aKeepaliveFromThePeerRestartsTheHoldTimer() throws Exception {
        session("", SessionSettings.DEFAULT);
        establish(PEER_OPEN);
        long up = now;
        now = up + 80 * SECOND;
        turns();
        feed(KEEPALIVE);
        turns();
        now = up + 100 * SECOND; // 20 s after the last message: still up
        turns();
        assertThat(session.state()).isEqualTo(State.ESTABLISHED);
        now = up + 170 * SECOND;
        turns();
        assertWentDown("notification sent (4,0)");
    }

    @Test
    void wrongPeerAsIsRefusedWithExaBgpsText() throws Exception {
        session("", SessionSettings.DEFAULT);
        List<String> sent = establish(open("FDEB", "0206010400010001" + "020641040000FDEB"));
        // wire.md §3.3: 2/2 "ASN in OPEN (<n>) did not match ASN expected (<m>)", plain text data
        String text = "ASN in OPEN (65003) did not match ASN expected (65002)";
        String hexText = HexFormat.of().withUpperCase().formatHex(text.getBytes());
        assertThat(sent).containsExactly(MARKER + "%04X".formatted(21 + text.length()) + "030202" + hexText);
        assertWentDown("notification sent (2,2)");
        assertThat(listener.calls).doesNotContain("up");
    }

    @Test
    void badMarkerIsAHeaderError() throws Exception {
        session("", SessionSettings.DEFAULT);
        session.start(now);
        session.tcpUp(now, LOCAL, REMOTE);
        pullAll();
        // RFC 4271 §6.1: marker not all ones → Message Header Error / Connection Not Synchronized (1/1)
        feed("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFF00" + "001304");
        List<String> sent = turns();
        assertThat(sent).hasSize(1);
        assertThat(sent.getFirst().substring(36, 42)).isEqualTo("030101");
        assertWentDown("notification sent (1,1)");
    }

    @Test
    void unknownMessageTypeIsAnsweredWithExaBgpsData() throws Exception {
        session("", SessionSettings.DEFAULT);
        establish(PEER_OPEN);
        feed(MARKER + "0013FF");
        // wire.md §1 (qa/encoding/unknown-message.msg): 0040 03 01 00 `can not decode update message of type "255"`
        String data = HexFormat.of().withUpperCase()
                .formatHex("can not decode update message of type \"255\"".getBytes());
        assertThat(turns()).containsExactly(MARKER + "0040" + "030100" + data);
        assertWentDown("notification sent (1,0)");
    }

    /** Messages of any size up to the maximum, arriving in pieces of any size: each handled once, in order. */
    @Test
    void messagesArriveWholeWhateverTheirPieces() throws Exception {
        session("", SessionSettings.DEFAULT);
        establish(PEER_OPEN);
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        StringBuilder stream = new StringBuilder();
        int updates = 0;
        for (int m = 0; m < 60; m++) {
            // a withdrawal-only UPDATE of 0 to 1,018 /24s: 23 to 4,095 bytes (RFC 4271 §4.1: at most 4,096)
            int prefixes = random.nextInt(1019);
            int length = 19 + 2 + prefixes * 4 + 2;
            StringBuilder b = new StringBuilder(MARKER).append(String.format("%04X", length)).append("02")
                    .append(String.format("%04X", prefixes * 4));
            for (int p = 0; p < prefixes; p++) b.append("18").append(String.format("0A%02X%02X", p >> 8, p & 0xFF));
            stream.append(b).append("0000");
            updates++;
            if (random.nextInt(4) == 0) stream.append(KEEPALIVE);
        }
        byte[] all = HexFormat.of().parseHex(stream.toString());
        for (int at = 0; at < all.length; ) {
            int n = Math.min(all.length - at, 1 + random.nextInt(random.nextBoolean() ? 64 : 9000));
            session.received(all, at, n);
            at += n;
            if (random.nextInt(3) == 0) turns();
        }
        turns();
        assertThat(session.state()).isEqualTo(State.ESTABLISHED);
        assertThat(listener.calls.stream().filter(c -> c.equals("received 2"))).hasSize(updates);
        assertThat(session.bufferedInput()).isZero();
    }

    @Test
    void badOriginIsTreatAsWithdrawAndTheSessionStays() throws Exception {
        session("", SessionSettings.DEFAULT);
        establish(PEER_OPEN);
        // RFC 7606 §7.1 / wire.md §12: ORIGIN value 5 is undefined → treat-as-withdraw, no NOTIFICATION
        feed(MARKER + "002E02" + "0000" + "0014" + "40010105" + "4002060201" + "0000FDEA" + "4003040A000002"
                + "100A02");
        assertThat(turns()).isEmpty();
        assertThat(session.state()).isEqualTo(State.ESTABLISHED);
        assertThat(listener.calls).endsWith("up", "received 2");
        // and the session keeps working
        feed(KEEPALIVE);
        turns();
        assertThat(session.state()).isEqualTo(State.ESTABLISHED);
    }

    @Test
    void attributeOverrunResetsTheSession() throws Exception {
        session("", SessionSettings.DEFAULT);
        establish(PEER_OPEN);
        // ORIGIN claims 5 bytes where the path attributes hold 1: RFC 7606 §4 malformed attribute list → reset
        feed(MARKER + "001B02" + "0000" + "0004" + "40010500");
        List<String> sent = turns();
        assertThat(sent).hasSize(1);
        assertThat(sent.getFirst().substring(36, 40)).isEqualTo("0303");
        assertThat(listener.calls).anyMatch(c -> c.startsWith("down notification sent (3,"));
        assertWentDown(listener.calls.stream().filter(c -> c.startsWith("down ")).findFirst().orElseThrow().substring(5));
    }

    @Test
    void reconnectBackoff() throws Exception {
        session("", SessionSettings.DEFAULT);
        List<Long> connectTimes = new ArrayList<>();
        session.start(now);
        for (int attempt = 0; attempt < 9; attempt++) {
            assertThat(listener.connects).as("attempt %d", attempt).isEqualTo(attempt + 1);
            connectTimes.add(now);
            session.tcpDown(now, "connection refused");
            assertThat(session.state()).isEqualTo(State.IDLE);
            now = session.nextDeadline();
            session.run(now);
        }
        List<Long> delays = new ArrayList<>();
        for (int i = 1; i < connectTimes.size(); i++) delays.add((connectTimes.get(i) - connectTimes.get(i - 1)) / SECOND);
        // runtime.md §8: next = min(int(1 + next × 1.2), 60) starting at 0
        assertThat(delays).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 7L, 9L);
        assertThat(listener.finished).isFalse();
    }

    @Test
    void backoffIsResetOnceEstablished() throws Exception {
        session("", SessionSettings.DEFAULT);
        session.start(now);
        for (int i = 0; i < 3; i++) { // delays 0, 1, 2 used up
            session.tcpDown(now, "connection refused");
            now = session.nextDeadline();
            session.run(now);
        }
        session.tcpUp(now, LOCAL, REMOTE);
        pullAll();
        feed(PEER_OPEN + KEEPALIVE);
        turns();
        assertThat(session.state()).isEqualTo(State.ESTABLISHED);
        int before = listener.connects;
        long down = now;
        session.tcpDown(now, "closing connection");
        assertThat(session.nextDeadline()).isEqualTo(down); // 0 s again
        session.run(now);
        assertThat(listener.connects).isEqualTo(before + 1);
    }

    @Test
    void attemptsLimitFinishesThePeer() throws Exception {
        session("", new SessionSettings(60, 2, false, "5.0.0", 0));
        session.start(now);
        session.tcpDown(now, "connection refused");
        now = session.nextDeadline();
        session.run(now);
        assertThat(listener.connects).isEqualTo(2);
        assertThat(listener.finished).isFalse();
        session.tcpDown(now, "connection refused");
        // runtime.md §8: after N failed sessions the peer is stopped
        assertThat(listener.finished).isTrue();
        assertThat(session.isStopped()).isTrue();
        assertThat(session.nextDeadline()).isEqualTo(Long.MAX_VALUE);
        now += 3600 * SECOND;
        session.run(now);
        assertThat(listener.connects).isEqualTo(2);
    }

    @Test
    void passiveNeighbourNeverConnects() throws Exception {
        session("passive;", SessionSettings.DEFAULT);
        session.start(now);
        assertThat(session.state()).isEqualTo(State.ACTIVE);
        now += 3600 * SECOND;
        session.run(now);
        assertThat(listener.connects).isZero();
        session.tcpUp(now, LOCAL, REMOTE); // an incoming connection
        assertThat(session.state()).isEqualTo(State.OPENSENT);
        assertThat(pullAll()).isEqualTo(OUR_OPEN);
    }

    @Test
    void routeRefreshIsAnsweredWithTheRoutes() throws Exception {
        session("", SessionSettings.DEFAULT);
        establish(PEER_OPEN);
        // RFC 2918 §4: ROUTE-REFRESH AFI 0001 reserved 00 SAFI 01
        feed(MARKER + "001705" + "00010001");
        assertThat(turns()).containsExactly(ROUTE_UPDATE);
        assertThat(session.state()).isEqualTo(State.ESTABLISHED);
    }

    @Test
    void enhancedRouteRefreshFramesTheAnswer() throws Exception {
        session("capability { route-refresh; }", SessionSettings.DEFAULT);
        // the peer adds route refresh (02 02 02 00) and enhanced route refresh (02 02 46 00, RFC 7313 code 70)
        establish(open("FDEA", "0206010400010001" + "020641040000FDEA" + "02020200" + "02024600"));
        assertThat(session.negotiated().refresh()).isEqualTo(Negotiated.Refresh.ENHANCED);
        feed(MARKER + "001705" + "00010001");
        // RFC 7313 §4: BoRR (subtype 1), the routes, EoRR (subtype 2)
        assertThat(turns()).containsExactly(MARKER + "001705" + "00010101", ROUTE_UPDATE,
                MARKER + "001705" + "00010201");
    }

    /**
     * RFC 4271 §6.8: the reactor found the peer's connection wins a collision; this one is closed with Cease 6/7, the
     * peer's connection is handed over at once and comes up; the retry the lost connection scheduled (back-off 0 s)
     * does not start another connection while that one lives (fake clock: two minutes later still one connect).
     */
    @Test
    void aLostCollisionSends67AndTheOtherConnectionTakesOver() throws Exception {
        session("", SessionSettings.DEFAULT);
        session.start(now);
        session.tcpUp(now, LOCAL, REMOTE);
        assertThat(pullAll()).isEqualTo(OUR_OPEN);
        session.collisionLost(now);
        assertThat(listener.farewell.toString().substring(36, 42)).isEqualTo("030607");
        listener.farewell.setLength(0);
        assertThat(listener.calls).contains("close");
        // never up on this connection, and the other carries on: no "down" for programs
        assertThat(listener.calls).noneMatch(c -> c.startsWith("down"));
        session.tcpUp(now, LOCAL, REMOTE);
        assertThat(pullAll()).isEqualTo(OUR_OPEN);
        feed(PEER_OPEN + KEEPALIVE);
        turns();
        assertThat(session.state()).isEqualTo(State.ESTABLISHED);
        for (int i = 0; i < 4; i++) {
            now += 30 * SECOND;
            feed(KEEPALIVE);
            turns();
        }
        assertThat(session.state()).isEqualTo(State.ESTABLISHED);
        assertThat(listener.connects).isEqualTo(1);
    }

    @Test
    void aLostCollisionInOpenConfirmAlsoSends67() throws Exception {
        session("", SessionSettings.DEFAULT);
        session.start(now);
        session.tcpUp(now, LOCAL, REMOTE);
        pullAll();
        feed(PEER_OPEN);
        turns();
        assertThat(session.state()).isEqualTo(State.OPENCONFIRM);
        assertThat(session.peerRouterId()).isEqualTo(REMOTE);
        session.collisionLost(now);
        assertThat(listener.farewell.toString().substring(36, 42)).isEqualTo("030607");
        assertThat(session.state()).isEqualTo(State.IDLE);
        assertThat(session.isConnected()).isFalse();
    }
}
