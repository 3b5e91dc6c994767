package org.jexabgp.functional;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fake peer driven by a scripted "daemon" socket: OPEN answer, group order, reports. */
class FakePeerTest {
    /** Version 4, AS 65001, hold 180, id 10.0.0.1, one parameter: MP ipv4 unicast + ASN4 65001 (RFC 4271 §4.2). */
    static final String OPEN = "04" + "FDE9" + "00B4" + "0A000001" + "10"
            + "02 06 01 04 0001 00 01" + "02 06 41 04 0000FDE9";

    static final String EOR = "00000000";
    static final String ROUTE = "0000001540010100400200400304010203044005040000006418 0A0000".replace(" ", "");

    private static Expectations.Message msg(int type, String hex) {
        return new Expectations.Message(type, hex.replace(" ", ""));
    }

    private static long deadline() {
        return System.nanoTime() + 5_000_000_000L;
    }

    /** Plays the daemon: sends OPEN, reads the peer's OPEN and KEEPALIVE, then sends the messages. */
    private static List<Expectations.Message> daemon(FakePeer peer, List<Expectations.Message> send) throws IOException {
        List<Expectations.Message> got = new ArrayList<>();
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), peer.port())) {
            s.setSoTimeout(5000);
            s.getOutputStream().write(msg(1, OPEN).toArray());
            DataInputStream in = new DataInputStream(s.getInputStream());
            for (int i = 0; i < 2; i++) got.add(read(in));
            for (Expectations.Message m : send) s.getOutputStream().write(m.toArray());
            s.getOutputStream().flush();
            s.setSoTimeout(300); // what the peer sends back comes at once; this only ends the read
            try {
                while (true) got.add(read(in));
            } catch (IOException e) {
                // the peer closed, or nothing more to read
            }
        }
        return got;
    }

    private static Expectations.Message read(DataInputStream in) throws IOException {
        byte[] h = new byte[19];
        in.readFully(h);
        byte[] body = new byte[((h[16] & 0xFF) << 8 | (h[17] & 0xFF)) - 19];
        in.readFully(body);
        return new Expectations.Message(h[18] & 0xFF, HexFormat.of().formatHex(body));
    }

    private static FakePeer peer(String expect, List<String> signals) throws IOException {
        return new FakePeer(Expectations.parse(expect), 0, signals::add, new Transcript(null, null, ""));
    }

    @Test
    void answersTheOpenWithItsOwnCapabilitiesAndAnotherRouterId() throws Exception {
        try (FakePeer peer = peer("option peer-as 4200000000\ngroup 1\nexpect update " + EOR, new ArrayList<>())) {
            var got = daemon(peer, List.of(msg(2, EOR)));
            // AS_TRANS 23456 = 0x5BA0 in My AS (RFC 6793 §4.1), id 10.0.0.2, the ASN4 capability carries 0xFA56EA00
            assertThat(got.get(0)).isEqualTo(msg(1, "04 5BA0 00B4 0A000002 10 0206010400010001 02064104FA56EA00"));
            assertThat(got.get(1)).isEqualTo(msg(4, ""));
            assertThat(peer.await(deadline())).isEqualTo(FakePeer.State.PASSED);
        }
    }

    @Test
    void anyOrderInsideAGroupGroupsInOrderActionsRun() throws Exception {
        List<String> signals = new ArrayList<>();
        String expect = "group 1\nexpect update " + ROUTE + "\nexpect update " + EOR
                + "\ngroup 2\nsignal HUP\nsend notification 0602\n";
        try (FakePeer peer = peer(expect, signals)) {
            var got = daemon(peer, List.of(msg(2, EOR), msg(2, ROUTE)));
            assertThat(peer.await(deadline())).isEqualTo(FakePeer.State.PASSED);
            assertThat(signals).containsExactly("HUP");
            assertThat(got).contains(msg(3, "0602"));
        }
    }

    @Test
    void theFirstUnexpectedMessageIsReportedAsJsonAndHexWithWhatWasMissing() throws Exception {
        String other = ROUTE.replace("01020304", "01020305");
        try (FakePeer peer = peer("group 1\nexpect update " + ROUTE + "  # the route\ngroup 2\nexpect update " + EOR,
                new ArrayList<>())) {
            daemon(peer, List.of(msg(2, other)));
            assertThat(peer.await(deadline())).isEqualTo(FakePeer.State.FAILED);
            assertThat(peer.report())
                    .contains("unexpected message in group 1 (1 of 2)")
                    .contains("received json: {") // our own decoder's view
                    .contains("1.2.3.5")
                    .contains("received hex:  " + msg(2, other).hex())
                    .contains("expected (line 2)")
                    .contains("still missing: line 2 UPDATE (the route)");
        }
    }

    @Test
    void timeoutsSayWhatWasStillAwaited() throws Exception {
        try (FakePeer peer = peer("group 1\nexpect update " + EOR + " # eor\n", new ArrayList<>())) {
            assertThat(peer.waitingFor()).isEqualTo("the daemon never connected");
            daemon(peer, List.of());
            assertThat(peer.await(System.nanoTime() + 50_000_000L)).isEqualTo(FakePeer.State.RUNNING);
            assertThat(peer.waitingFor()).contains("1 item(s) not seen, in group 1").contains("line 2 UPDATE (eor)");
        }
    }

    @Test
    void endOfRibShapes() {
        assertThat(FakePeer.isEndOfRib(msg(2, "00000000"))).isTrue();
        // MP_UNREACH (optional, code 15) with only AFI 2 SAFI 1 (RFC 4724 §2)
        assertThat(FakePeer.isEndOfRib(msg(2, "0000 0006 800F03 0002 01"))).isTrue();
        assertThat(FakePeer.isEndOfRib(msg(2, "0000 0007 900F0003 0002 01"))).isTrue();
        assertThat(FakePeer.isEndOfRib(msg(2, ROUTE))).isFalse();
    }
}
