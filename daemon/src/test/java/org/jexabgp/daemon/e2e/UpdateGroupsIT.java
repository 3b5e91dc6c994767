package org.jexabgp.daemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Neighbours sent the same routes share one Adj-RIB-Out (update groups, NeighborRibOut) and each still gets what a
 * table of its own would give it, over real sessions: a program's routes to all three peers, a route for one of them
 * only, a withdrawal for all, then one peer's session ends and the new one gets that peer's routes as they are.
 */
@ParameterizedClass(name = "asyncio={0}")
@ValueSource(booleans = {false, true})
class UpdateGroupsIT extends EndToEnd {
    UpdateGroupsIT(boolean asyncio) {
        super(asyncio);
    }

    @Test
    void eachNeighbourOfAGroupGetsItsOwnRoutes() throws Exception {
        List<TestPeer> peers = new ArrayList<>();
        for (int i = 1; i <= 3; i++) peers.add(peer("127.0.0." + i, 0));
        Path program = apiProgram("driver",
                "wait *\"state\"*\"up\"*",
                "wait *\"state\"*\"up\"*",
                "wait *\"state\"*\"up\"*",
                "announce route 10.1.0.0/24 next-hop 1.2.3.4",
                "announce attributes next-hop 1.2.3.4 nlri 10.2.0.0/24 10.3.0.0/24",
                "neighbor 127.0.0.2 announce route 10.4.0.0/24 next-hop 1.2.3.4",
                "withdraw route 10.1.0.0/24 next-hop 1.2.3.4");
        StringBuilder conf = new StringBuilder("""
                process driver {
                    run %s;
                    encoder json;
                }
                """.formatted(program));
        for (TestPeer p : peers) {
            conf.append("""
                    neighbor %s {
                        router-id 10.0.0.1;
                        local-address 127.0.0.1;
                        local-as 65001;
                        peer-as 65001;
                        hold-time 30;
                        connect %d;
                        family { ipv4 unicast; }
                        api { processes [ driver ]; neighbor-changes; }
                    }
                    """.formatted(p.address(), p.port()));
        }
        DaemonProcess daemon = daemon(DaemonProcess.server(asyncio, 179, 10), file("groups.conf", conf.toString()));

        for (TestPeer p : peers) {
            p.awaitMessage("the withdrawal of 10.1.0.0/24 at " + p.address(),
                    m -> m.type() == BgpMessage.UPDATE && m.withdrawn().contains("10.1.0.0/24"), Await.TIMEOUT);
        }
        // the withdrawal went after the announcement for peer 2: everything queued before it has arrived
        for (TestPeer p : peers) {
            List<String> announced = announced(p.updates());
            assertThat(announced).as(p.address()).contains("10.1.0.0/24", "10.2.0.0/24", "10.3.0.0/24");
            if (p == peers.get(1)) assertThat(announced).as(p.address()).contains("10.4.0.0/24");
            else assertThat(announced).as(p.address()).doesNotContain("10.4.0.0/24");
        }

        // peer 3's session ends: its new session gets its routes as they are now, 10.1 withdrawn, no 10.4
        TestPeer third = peers.get(2);
        int before = third.received().size();
        third.closeConnection();
        third.awaitMessage("the second OPEN", 2, m -> m.type() == BgpMessage.OPEN, Await.TIMEOUT);
        third.awaitMessage("the End-of-RIB of the second session", 2, BgpMessage::isIpv4Eor, Await.TIMEOUT);
        List<BgpMessage> second = new ArrayList<>(third.received().subList(before, third.received().size()));
        List<String> again = announced(second.stream().filter(m -> m.type() == BgpMessage.UPDATE).toList());
        assertThat(again).containsExactlyInAnyOrder("10.2.0.0/24", "10.3.0.0/24");
        // the others were not disturbed: one session each
        assertThat(peers.get(0).connections()).isEqualTo(1);
        assertThat(peers.get(1).connections()).isEqualTo(1);
        assertThat(daemon.log()).doesNotContain("Exception");
    }

    private static List<String> announced(List<BgpMessage> updates) {
        List<String> out = new ArrayList<>();
        for (BgpMessage m : updates) if (m.type() == BgpMessage.UPDATE) out.addAll(m.announced());
        return out;
    }
}
