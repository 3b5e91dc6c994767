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
 * Which neighbours the reactor asks the engine to protect (TCP-MD5, TTL security): single neighbours by address,
 * ranges by prefix from the start (they have no peer until a connection comes), and nothing more per connection a
 * range accepts (its prefix key already covers it).
 */
class ListenerProtectionTest {
    private static final String CONFIG = """
            neighbor 10.0.0.2 {
                router-id 10.0.0.1;
                local-address 10.0.0.1;
                local-as 65001;
                peer-as 65002;
                md5-password single;
                family { ipv4 unicast; }
            }
            neighbor 10.1.0.0/24 {
                router-id 10.0.0.1;
                local-as 65001;
                peer-as 65010;
                passive;
                md5-password ranged;
                incoming-ttl 250;
                family { ipv4 unicast; }
            }
            neighbor 10.2.0.0/24 {
                router-id 10.0.0.1;
                local-as 65001;
                peer-as 65020;
                passive;
                family { ipv4 unicast; }
            }
            """;

    private static List<String> protects(ReactorTest.Engine e) {
        return e.log.stream().filter(l -> l.startsWith("protect ")).toList();
    }

    private static List<String> guards(ReactorTest.Engine e) {
        return e.log.stream().filter(l -> l.startsWith("protect ") || l.startsWith("unprotect ")).toList();
    }

    /** The guards a reload from CONFIG to {@code next} asks for. */
    private static List<String> reloadTo(String next) throws Exception {
        ReactorTest.Engine e = new ReactorTest.Engine(CONFIG, SessionSettings.DEFAULT, next);
        int before = guards(e).size();
        e.signal("SIGUSR1");
        e.turns(2);
        return guards(e).subList(before, guards(e).size());
    }

    @Test
    void rangesAreProtectedByPrefixAtStartAndOnlyOnce() throws Exception {
        ReactorTest.Engine e = new ReactorTest.Engine(CONFIG, SessionSettings.DEFAULT);
        assertThat(protects(e)).containsExactlyInAnyOrder(
                "protect 10.0.0.2/32 ConnectionOptions[md5Password=single, outgoingTtl=-1, incomingTtl=-1]",
                "protect 10.1.0.0/24 ConnectionOptions[md5Password=ranged, outgoingTtl=-1, incomingTtl=250]");
        // a connection from the range gets a peer of its own, and no key of its own on the listeners
        e.reactor.accepted(new ConnKey(-1), new Endpoint(IpAddress.parse("10.0.0.1"), 179),
                new Endpoint(IpAddress.parse("10.1.0.7"), 40001));
        e.turn();
        assertThat(e.peer("10.1.0.7")).isNotNull();
        assertThat(protects(e)).hasSize(2);
    }

    @Test
    void everyKeyIsOnTheListenersBeforeTheyListen() throws Exception {
        // a SYN answered between the listen and the neighbour's start would be a session without its key
        Configuration c = ConfigurationSyntax.parse(CONFIG, "test.conf", ProgramCheck.ANY);
        ReactorOptions options = new ReactorOptions(179, List.of(new Endpoint(IpAddress.parse("0.0.0.0"), 179)),
                SessionSettings.DEFAULT, true, false, "5.0.0", Map.of());
        List<String> log = new ArrayList<>();
        new Reactor(c, options, () -> c, new EventContext("host", 1, 1, () -> 1.5))
                .start(new ReactorTest.RecordingIo(log), 0);
        int listen = log.indexOf("listen 0.0.0.0:179");
        assertThat(listen).isNotNegative();
        assertThat(log.subList(0, listen)).filteredOn(l -> l.startsWith("protect ")).hasSize(2);
        assertThat(log.subList(listen, log.size())).noneMatch(l -> l.startsWith("protect "));
    }

    @Test
    void aRangeAddedByAReloadIsProtected() throws Exception {
        String before = CONFIG.substring(0, CONFIG.indexOf("neighbor 10.1.0.0/24"));
        ReactorTest.Engine e = new ReactorTest.Engine(before, SessionSettings.DEFAULT, CONFIG);
        assertThat(protects(e)).hasSize(1);
        e.signal("SIGUSR1");
        e.turns(2);
        assertThat(protects(e)).contains(
                "protect 10.1.0.0/24 ConnectionOptions[md5Password=ranged, outgoingTtl=-1, incomingTtl=250]");
    }

    @Test
    void aReloadTakesOffTheListenersTheKeysOfRemovedNeighbours() throws Exception {
        String withoutSingle = CONFIG.substring(CONFIG.indexOf("neighbor 10.1.0.0/24"));
        assertThat(reloadTo(withoutSingle)).containsExactly("unprotect 10.0.0.2/32");
        String withoutRange = CONFIG.substring(0, CONFIG.indexOf("neighbor 10.1.0.0/24"))
                + CONFIG.substring(CONFIG.indexOf("neighbor 10.2.0.0/24"));
        assertThat(reloadTo(withoutRange)).containsExactly("unprotect 10.1.0.0/24");
    }

    @Test
    void aReloadFollowsAKeyDroppedOrChanged() throws Exception {
        // without its key the neighbour must be reachable unsigned: a key left on the listeners drops its SYNs
        assertThat(reloadTo(CONFIG.replace("md5-password single;", ""))).containsExactly("unprotect 10.0.0.2/32");
        assertThat(reloadTo(CONFIG.replace("md5-password single;", "md5-password other;"))).containsExactly(
                "protect 10.0.0.2/32 ConnectionOptions[md5Password=other, outgoingTtl=-1, incomingTtl=-1]");
        assertThat(reloadTo(CONFIG.replace("md5-password ranged;", ""))).containsExactly(
                "protect 10.1.0.0/24 ConnectionOptions[md5Password=null, outgoingTtl=-1, incomingTtl=250]");
    }

    @Test
    void anUnchangedReloadLeavesTheListenersAsTheyAre() throws Exception {
        assertThat(reloadTo(CONFIG)).isEmpty();
    }

    @Test
    void aKeyTheEngineCouldNotTakeOffIsTriedAgainAtTheNextReload() throws Exception {
        String withoutSingle = CONFIG.substring(CONFIG.indexOf("neighbor 10.1.0.0/24"));
        ReactorTest.Engine e = new ReactorTest.Engine(CONFIG, SessionSettings.DEFAULT, withoutSingle);
        e.io.refuseUnprotect = true;
        e.signal("SIGUSR1");
        e.turns(2);
        e.io.refuseUnprotect = false;
        e.signal("SIGUSR1");
        e.turns(2);
        e.signal("SIGUSR1");
        e.turns(2);
        assertThat(e.log).filteredOn("unprotect 10.0.0.2/32"::equals).hasSize(2);
    }
}
