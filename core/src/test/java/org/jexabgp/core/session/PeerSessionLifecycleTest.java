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
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.message.Message;
import org.junit.jupiter.api.Test;

/**
 * Session life-cycle rules of issue 6, with time as a value: {@code local-as auto}, graceful restart's R bit and silent
 * teardown (RFC 4724), a zero hold time, and losing a connection collision (RFC 4271 §6.8). Expected bytes are built
 * from RFC 4271 §4.2 / RFC 4724 §3 and wire.md §3.1, field by field.
 */
class PeerSessionLifecycleTest {
    private static final long SECOND = 1_000_000_000L;
    private static final String MARKER = "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF";
    private static final IpAddress LOCAL = IpAddress.parse("10.0.0.1");
    private static final IpAddress REMOTE = IpAddress.parse("10.0.0.2");
    private static final String KEEPALIVE = MARKER + "001304";

    private static final String CONFIG = """
            neighbor 10.0.0.2 {
                router-id 10.0.0.1;
                local-address 10.0.0.1;
                %s
                family { ipv4 unicast; }
                static { route 10.1.0.0/16 next-hop 10.0.0.1; }
            }
            """;
    private static final String EBGP = "local-as 65001; peer-as 65002; hold-time 90;";

    /** MP ipv4/unicast as its own optional parameter: 02 06 | 01 04 | 0001 00 01 (RFC 4760 §8). */
    private static final String MP_IPV4 = "0206010400010001";

    /** The peer's OPEN: version 4, AS 65002 (FDEA), hold 180 (00B4), id 10.0.0.2, MP ipv4, 4-octet AS 65002. */
    private static final String PEER_OPEN = MARKER + "002D01" + "04" + "FDEA" + "00B4" + "0A000002" + "10" + MP_IPV4
            + "020641040000FDEA";

    /** Our OPEN with graceful restart 120 s: flags+time 0x8078 (R bit set) or 0x0078, then ipv4/unicast flags 80. */
    private static String grOpen(boolean restarting) {
        // 10 fixed bytes + 26 of parameters (8 MP, 8 ASN4, 10 GR: 02 08 | 40 06 | TTTT | 0001 01 80) = 19 + 36 = 0x37
        return MARKER + "003701" + "04FDE9005A0A000001" + "1A" + MP_IPV4 + "020641040000FDE9"
                + "02084006" + (restarting ? "8078" : "0078") + "00010180";
    }

    private final List<String> calls = new ArrayList<>();
    private final StringBuilder farewell = new StringBuilder();
    private PeerSession session;
    private long now;

    private final SessionListener listener = new SessionListener() {
        @Override
        public void connect() {
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
        public void fsm(State state) {}

        @Override
        public void connected() {}

        @Override
        public void up(Negotiated negotiated) {
            calls.add("up");
        }

        @Override
        public void down(String reason) {
            calls.add("down " + reason);
        }

        @Override
        public void message(Message message, boolean received, byte[] raw, Negotiated negotiated) {}

        @Override
        public boolean wantsCopies(int messageType, boolean received) {
            return false;
        }

        @Override
        public void finished() {
            calls.add("finished");
        }
    };

    private void session(String neighbourLines) throws Exception {
        Neighbor n = ConfigurationSyntax.parse(CONFIG.formatted(neighbourLines), "test.conf", ProgramCheck.ANY)
                .neighbors().getFirst();
        AdjRibOut rib = new AdjRibOut(n.adjRibOut());
        for (Route r : n.routes()) rib.announce(r);
        session = new PeerSession(n, SessionSettings.DEFAULT, new NeighborRibOut(rib), listener);
    }

    private void feed(String hex) {
        byte[] b = HexFormat.of().parseHex(hex);
        session.received(b, 0, b.length);
    }

    private String pullAll() {
        StringBuilder sb = new StringBuilder();
        byte[] buf = new byte[11];
        int n;
        while ((n = session.pull(buf, 0, buf.length)) > 0) sb.append(HexFormat.of().withUpperCase().formatHex(buf, 0, n));
        return sb.toString();
    }

    /** Runs a few turns at the current time; returns every message sent (farewells included), one hex string each. */
    private List<String> turns() {
        StringBuilder bytes = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            session.run(now);
            bytes.append(farewell).append(pullAll());
            farewell.setLength(0);
        }
        List<String> messages = new ArrayList<>();
        String all = bytes.toString();
        while (!all.isEmpty()) {
            int length = Integer.parseInt(all.substring(32, 36), 16);
            messages.add(all.substring(0, length * 2));
            all = all.substring(length * 2);
        }
        return messages;
    }

    @Test
    void localAsAutoWaitsForThePeersOpenAndCopiesItsAsn() throws Exception {
        session("local-as auto; peer-as auto; hold-time 90;");
        session.start(now);
        session.tcpUp(now, LOCAL, REMOTE);
        assertThat(session.state()).isEqualTo(State.OPENSENT);
        // runtime.md §8: with local-as auto the peer speaks first; nothing leaves before its OPEN
        assertThat(turns()).isEmpty();
        feed(PEER_OPEN);
        List<String> sent = turns();
        // our OPEN now carries AS 65002 (FDEA) in both ASN fields, then the KEEPALIVE confirming theirs
        String ourOpen = MARKER + "002D01" + "04FDEA005A0A000001" + "10" + MP_IPV4 + "020641040000FDEA";
        assertThat(sent).startsWith(ourOpen, KEEPALIVE);
        assertThat(session.state()).isEqualTo(State.OPENCONFIRM);
        feed(KEEPALIVE);
        turns();
        assertThat(session.state()).isEqualTo(State.ESTABLISHED);
        assertThat(session.negotiated().localAs()).isEqualTo(65002);
        assertThat(session.negotiated().peerAs()).isEqualTo(65002);
    }

    @Test
    void localAsAutoWithAKnownPeerAsSendsAtOnce() throws Exception {
        session("local-as auto; peer-as 65002; hold-time 90;");
        session.start(now);
        session.tcpUp(now, LOCAL, REMOTE);
        assertThat(pullAll()).startsWith(MARKER + "002D01" + "04FDEA005A");
    }

    @Test
    void gracefulRestartBitOnlyOnTheFirstSessionAndAfterATeardownWhichIsSilent() throws Exception {
        session(EBGP + " capability { graceful-restart 120; }");
        session.start(now);
        session.tcpUp(now, LOCAL, REMOTE);
        assertThat(pullAll()).isEqualTo(grOpen(true));
        feed(PEER_OPEN + KEEPALIVE);
        turns();
        assertThat(session.state()).isEqualTo(State.ESTABLISHED);

        // the connection is lost: the next session is not a restart of ours (RFC 4724 §3, wire.md §3.1 row 5)
        session.tcpDown(now, "closing connection");
        turns();
        assertThat(calls).endsWith("down closing connection", "connect");
        session.tcpUp(now, LOCAL, REMOTE);
        assertThat(pullAll()).isEqualTo(grOpen(false));
        feed(PEER_OPEN + KEEPALIVE);
        turns();
        assertThat(session.state()).isEqualTo(State.ESTABLISHED);

        // API teardown with graceful restart in our OPEN: the TCP session just closes, no NOTIFICATION (wire.md §2.7)
        calls.clear();
        session.teardown(now, 4, "Administrative Reset");
        List<String> sent = turns();
        assertThat(sent).noneMatch(m -> m.substring(36, 38).equals("03"));
        assertThat(calls).startsWith("close").contains("connect");
        assertThat(session.isStopped()).isFalse();
        // ... and is a forced re-establish: the R bit is back
        session.tcpUp(now, LOCAL, REMOTE);
        assertThat(pullAll()).isEqualTo(grOpen(true));
    }

    @Test
    void teardownWithoutGracefulRestartSendsTheCease() throws Exception {
        session(EBGP);
        session.start(now);
        session.tcpUp(now, LOCAL, REMOTE);
        pullAll();
        feed(PEER_OPEN + KEEPALIVE);
        turns();
        session.teardown(now, 4, "Administrative Reset");
        List<String> sent = turns();
        // NOTIFICATION (03) Cease (06) / Administrative Reset (04), RFC 8203 text follows
        assertThat(sent).anyMatch(m -> m.substring(36, 42).equals("030604"));
    }

    @Test
    void zeroHoldTimeSendsNoKeepalivesAndRefusesOneAfterTheFirst() throws Exception {
        session("local-as 65001; peer-as 65002; hold-time 0;");
        session.start(now);
        session.tcpUp(now, LOCAL, REMOTE);
        assertThat(pullAll()).contains("04FDE900000A000001"); // hold time 0000 in our OPEN
        feed(PEER_OPEN + KEEPALIVE);
        turns();
        assertThat(session.state()).isEqualTo(State.ESTABLISHED);
        assertThat(session.negotiated().holdTimeSeconds()).isZero(); // min(0, 180), RFC 4271 §4.2
        // RFC 4271 §4.4: no KEEPALIVE with a zero hold time, and no hold timer either
        now += 3600 * SECOND;
        assertThat(turns()).isEmpty();
        assertThat(session.state()).isEqualTo(State.ESTABLISHED);
        // runtime.md §8 (ExaBGP): a KEEPALIVE after the one confirming the OPEN is an error 2/6
        feed(KEEPALIVE);
        List<String> sent = turns();
        assertThat(sent).hasSize(1);
        assertThat(sent.getFirst().substring(36, 42)).isEqualTo("030206");
        assertThat(calls).contains("down notification sent (2,6)");
    }

    @Test
    void theLoserOfACollisionClosesWithCease7AndTakesTheNextConnection() throws Exception {
        session(EBGP);
        session.start(now);
        session.tcpUp(now, LOCAL, REMOTE);
        pullAll();
        assertThat(session.peerRouterId()).isNull();
        feed(PEER_OPEN);
        turns();
        assertThat(session.state()).isEqualTo(State.OPENCONFIRM);
        assertThat(session.peerRouterId()).isEqualTo(REMOTE);
        session.collisionLost(now);
        // RFC 4271 §6.8: Cease (6) / Connection Collision Resolution (7) on the connection that loses
        assertThat(farewell.toString()).startsWith(MARKER).contains("030607");
        farewell.setLength(0);
        assertThat(session.state()).isEqualTo(State.IDLE);
        assertThat(session.peerRouterId()).isNull();
        session.tcpUp(now, LOCAL, REMOTE);
        assertThat(session.state()).isEqualTo(State.OPENSENT);
        feed(PEER_OPEN + KEEPALIVE);
        turns();
        assertThat(session.state()).isEqualTo(State.ESTABLISHED);
    }
}
