package org.jexabgp.reactor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jexabgp.core.session.SessionSettings;
import org.junit.jupiter.api.Test;

/**
 * With a connection limit, tearing down the last peer ends the daemon (runtime.md: no peer left); the program that
 * asked still gets its answer before the shutdown notice.
 */
class LastPeerTeardownTest {
    private static final String CONFIG = ReactorTest.oneNeighbor("processes [ ctl ];");

    @Test
    void theTeardownIsAnsweredBeforeTheShutdownNotice() throws Exception {
        ReactorTest.Engine e = new ReactorTest.Engine(CONFIG, new SessionSettings(60, 1, false, "5.0.0", 0));
        e.establish("10.0.0.2", 65002, "0A000002");
        e.command("neighbor 10.0.0.2 teardown 2");
        e.turns(3);
        List<String> out = e.toCtl();
        int done = out.indexOf("done");
        int notice = -1;
        for (int i = 0; i < out.size(); i++) if (out.get(i).contains("\"shutdown\"")) notice = i;
        assertThat(done).as("%s", out).isNotNegative();
        assertThat(notice).as("%s", out).isGreaterThan(done);
        assertThat(e.reactor.done() || e.log.stream().anyMatch(l -> l.startsWith("stopProcess"))).isTrue();
    }
}
