package org.jexabgp.reactor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jexabgp.core.config.ConfigurationSyntax;
import org.jexabgp.core.config.ProgramCheck;
import org.jexabgp.core.model.Configuration;
import org.jexabgp.core.session.SessionSettings;
import org.jexabgp.wire.IpAddress;
import org.junit.jupiter.api.Test;

/**
 * The reactor's start (runtime.md §5.1): the CLI's channels open before the privilege drop (the listening step), the
 * programs after it; {@code tcp.delay} holds the sessions back until its time on the reactor's clock.
 */
class ReactorStartTest {
    private static final long SECOND = 1_000_000_000L;
    private static final String CONFIG = ReactorTest.oneNeighbor("");

    private final List<String> log = new ArrayList<>();

    private Reactor reactor(long delayNanos) throws Exception {
        Configuration c = ConfigurationSyntax.parse(CONFIG, "test.conf", ProgramCheck.ANY);
        ReactorOptions options = new ReactorOptions(179, List.of(), SessionSettings.DEFAULT, true, false, "5.0.0",
                Map.of());
        Reactor reactor = new Reactor(c, options, () -> c, new EventContext("host", 1, 1, () -> 1.5));
        reactor.addControlChannel("api-internal-cli-socket", List.of("<control-socket>", "/run/exabgp/exabgp.sock"));
        reactor.startSteps(new Reactor.StartSteps() {
            @Override
            public boolean listening() {
                log.add("listening (privileges dropped here)");
                return true;
            }
        });
        reactor.delayPeers(delayNanos);
        return reactor;
    }

    private static int index(List<String> log, String prefix) {
        for (int i = 0; i < log.size(); i++) if (log.get(i).startsWith(prefix)) return i;
        throw new AssertionError("no " + prefix + " in " + log);
    }

    @Test
    void theCliChannelsOpenBeforeThePrivilegeDropAndTheProgramsAfter() throws Exception {
        reactor(0).start(new ReactorTest.RecordingIo(log), 0);
        int cli = index(log, "startProcess api-internal-cli-socket");
        int drop = index(log, "listening");
        int program = index(log, "startProcess ctl");
        assertThat(cli).isLessThan(drop);
        assertThat(drop).isLessThan(program);
        assertThat(log).anyMatch(l -> l.startsWith("connect 1 10.0.0.2:179"));
    }

    @Test
    void tcpDelayHoldsTheSessionsUntilItsTime() throws Exception {
        long start = 1_000 * SECOND;
        Reactor reactor = reactor(90 * SECOND);
        reactor.start(new ReactorTest.RecordingIo(log), start);
        // the programs run meanwhile; no connection yet, and the loop is told when to come back
        assertThat(log).anyMatch(l -> l.startsWith("startProcess ctl"));
        assertThat(log).noneMatch(l -> l.startsWith("connect "));
        assertThat(reactor.turn(start + SECOND)).isGreaterThan(start + SECOND); // idle: no busy loop meanwhile
        assertThat(reactor.nextDeadline(start + 2 * SECOND)).isEqualTo(start + 90 * SECOND);
        // the peer's own connection is refused meanwhile (Cease, Connection Rejected)
        reactor.accepted(new ConnKey(100), new Endpoint(IpAddress.parse("10.0.0.1"), 179),
                new Endpoint(IpAddress.parse("10.0.0.2"), 40000));
        reactor.turn(start + 90 * SECOND - 1);
        assertThat(log).contains("close 100");
        assertThat(log).noneMatch(l -> l.startsWith("connect "));
        reactor.turn(start + 90 * SECOND);
        assertThat(log).anyMatch(l -> l.startsWith("connect 1 10.0.0.2:179"));
    }

    @Test
    void tcpDelayCountsToTheNextMultipleOfItsMinutes() {
        long minute = 60_000;
        // 12:03:20 with delay 5: 1 min 40 s to 12:05:00
        long at = 12 * 60 * minute + 3 * minute + 20_000;
        assertThat(StartDelay.nanos(at, 5)).isEqualTo(100 * SECOND);
        assertThat(StartDelay.nanos(at, 1)).isEqualTo(40 * SECOND);
        // already on a multiple: a whole period, as ExaBGP's N*60 - now % (N*60)
        assertThat(StartDelay.nanos(10 * minute, 5)).isEqualTo(300 * SECOND);
        assertThat(StartDelay.nanos(at, 0)).isZero();
    }
}
