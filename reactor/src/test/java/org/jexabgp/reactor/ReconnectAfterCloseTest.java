package org.jexabgp.reactor;

import static org.assertj.core.api.Assertions.assertThat;

import org.jexabgp.core.session.SessionSettings;
import org.junit.jupiter.api.Test;

/**
 * After a session we closed (API teardown), the peer's next connection starts only once the engine reports the old
 * one gone, or after {@link Reactor#CLOSE_WAIT}: the peer must read our NOTIFICATION before it sees a new session
 * (issue 5, the kit's api-teardown).
 */
class ReconnectAfterCloseTest {
    private static final String CONFIG = ReactorTest.oneNeighbor("processes [ ctl ]; neighbor-changes;");
    private static final String NEXT_CONNECT = "connect 2 10.0.0.2:179 from 10.0.0.1:0";

    private ReactorTest.Engine tornDown() throws Exception {
        ReactorTest.Engine e = new ReactorTest.Engine(CONFIG, SessionSettings.DEFAULT);
        e.establish("10.0.0.2", 65002, "0A000002");
        e.command("neighbor 10.0.0.2 teardown 4");
        e.turns(3);
        assertThat(e.log).contains("close 1");
        // the Cease / Administrative Reset (6/4) went out on the old connection
        assertThat(e.sent("10.0.0.2").getLast().substring(36, 42)).isEqualTo("030604");
        return e;
    }

    @Test
    void theNextConnectionWaitsForTheOldOneToBeGone() throws Exception {
        ReactorTest.Engine e = tornDown();
        e.now += Reactor.CLOSE_WAIT / 2;
        e.turns(3);
        assertThat(e.log).doesNotContain(NEXT_CONNECT);
        e.reactor.closed(new ConnKey(1), "closed");
        e.turn();
        assertThat(e.log).contains(NEXT_CONNECT);
    }

    @Test
    void anOldConnectionThatNeverGoesDelaysTheNextOneAtMostCloseWait() throws Exception {
        ReactorTest.Engine e = tornDown();
        e.now += Reactor.CLOSE_WAIT - 1;
        e.turn();
        assertThat(e.log).doesNotContain(NEXT_CONNECT);
        assertThat(e.reactor.nextDeadline(e.now)).isEqualTo(e.now + 1);
        e.now += 1;
        e.turn();
        assertThat(e.log).contains(NEXT_CONNECT);
        // the late report of the old connection changes nothing
        e.reactor.closed(new ConnKey(1), "closed");
        e.turns(2);
        assertThat(e.log.stream().filter(l -> l.startsWith("connect ")).count()).isEqualTo(2);
    }

    /**
     * The peer's NOTIFICATION and its close arrive together (the engine reports the close before the turn read the
     * bytes): the session ends for the NOTIFICATION, as programs are told, not as a lost connection.
     */
    @Test
    void aNotificationReadBeforeTheCloseIsTheReason() throws Exception {
        ReactorTest.Engine e = new ReactorTest.Engine(CONFIG, SessionSettings.DEFAULT);
        e.establish("10.0.0.2", 65002, "0A000002");
        e.received("10.0.0.2", "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF" + "0015" + "03" + "0602");
        e.reactor.closed(new ConnKey(1), "closing connection");
        e.turns(2);
        assertThat(ReactorTest.states(e.toCtl())).filteredOn(s -> s.contains(" down"))
                .containsExactly("10.0.0.2 down notification received (6,2)");
    }
}
