package org.jexabgp.reactor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jexabgp.core.session.SessionSettings;
import org.junit.jupiter.api.Test;

/**
 * A reload that keeps a session (only processes changed) rebuilds which programs hear from that neighbour: a program
 * the new file adds, matched by the neighbour's {@code processes-match}, gets its events (issue 4: reload applies
 * the differences, and the program↔neighbour map is rebuilt, users.md §2.1).
 */
class ReloadSubscriptionsTest {
    private static final String NEIGHBOR = """
            neighbor 10.0.0.2 {
                router-id 10.0.0.1;
                local-address 10.0.0.1;
                local-as 65001;
                peer-as 65002;
                hold-time 90;
                family { ipv4 unicast; }
                api { processes-match [ "^ct" ]; neighbor-changes; }
            }
            """;
    private static final String BEFORE = "process ctl { run /bin/ctl; encoder json; }\n" + NEIGHBOR;
    private static final String AFTER =
            "process ctl { run /bin/ctl; encoder json; }\nprocess ctx { run /bin/ctx; encoder json; }\n" + NEIGHBOR;

    @Test
    void aProgramAddedByAReloadHearsFromAKeptNeighbour() throws Exception {
        ReactorTest.Engine e = new ReactorTest.Engine(BEFORE, SessionSettings.DEFAULT, AFTER);
        e.establish("10.0.0.2", 65002, "0A000002");
        e.signal("SIGUSR1");
        e.turns(2);
        assertThat(e.log).contains("startProcess ctx#1 [/bin/ctx]");
        // the session was kept: no NOTIFICATION (type 3) went out
        assertThat(e.sent("10.0.0.2")).noneMatch(m -> m.substring(36, 38).equals("03"));
        // the peer goes down: both programs hear it
        e.received("10.0.0.2", "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF" + "0015" + "03" + "0602");
        e.turns(2);
        List<String> toCtx = e.log.stream().filter(l -> l.startsWith("toProcess ctx#1 ")).toList();
        assertThat(ReactorTest.states(toCtx)).containsExactly("10.0.0.2 down notification received (6,2)");
    }
}
