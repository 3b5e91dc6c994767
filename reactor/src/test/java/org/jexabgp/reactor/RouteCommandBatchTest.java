package org.jexabgp.reactor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.jexabgp.core.session.SessionSettings;
import org.jexabgp.wire.nlri.inet.InetNlri;
import org.junit.jupiter.api.Test;

/**
 * Route commands of one program, shape, direction and selection applied in one turn are batched into one Adj-RIB-Out
 * call per neighbour (CommandRunner): the RIBs, the answers and the UPDATEs must be those of the commands applied one
 * at a time.
 */
class RouteCommandBatchTest {
    private static final String[] SELECTORS = {"", "", "neighbor 10.0.0.2 ", "neighbor 10.0.0.3 ", "neighbor 10.9.9.9 "};
    private static final String[] ATTRIBUTES = {"next-hop 10.0.0.1", "next-hop 10.0.0.1 med 5", "next-hop 10.0.0.7"};
    private static final String[] OTHERS = {
        "show adj-rib out", "clear adj-rib out", "neighbor 10.0.0.3 clear adj-rib out", "version", "frobnicate",
        "disable-ack", "enable-ack", "silence-ack",
        // route commands the batch does not take: a path-id, the family named, IPv6 (no neighbour has it)
        "announce route 20.0.1.0/24 next-hop 10.0.0.1 path-information 1",
        "withdraw ipv4 unicast 20.0.1.0/24 next-hop 10.0.0.1",
        "announce ipv4 unicast 20.1.2.0/24 next-hop 10.0.0.1",
        "announce route 2001:db8::/32 next-hop 10.0.0.1"
    };

    /**
     * Random sequences of route commands (single and bulk, announce and withdraw, three shapes, selectors matching
     * one, both or no neighbour) with other commands among them: given in one turn, then each in a turn of its own,
     * to neighbours not yet up (so nothing is drained between), they must leave the same answers and, once the
     * sessions are up, send the same UPDATEs.
     */
    @Test
    void aTurnsBatchesChangeTheRibsAsTheCommandsOneByOne() throws Exception {
        SplittableRandom random = new SplittableRandom(9);
        for (int round = 0; round < 150; round++) {
            List<String> commands = commands(random, 1 + random.nextInt(40));
            ReactorTest.Engine together = engine();
            together.command(commands.toArray(String[]::new));
            together.turn();
            ReactorTest.Engine apart = engine();
            for (String c : commands) {
                apart.command(c);
                apart.turn();
            }
            assertThat(together.toCtl()).as("answers to %s", commands).isEqualTo(apart.toCtl());
            for (ReactorTest.Engine e : List.of(together, apart)) {
                e.establish("10.0.0.2", 65002, "0A000002");
                e.establish("10.0.0.3", 65003, "0A000003");
                e.turns(2);
            }
            for (String peer : List.of("10.0.0.2", "10.0.0.3"))
                assertThat(together.sent(peer)).as("to %s after %s", peer, commands).isEqualTo(apart.sent(peer));
        }
    }

    /** The batch goes in before a command that clears the RIB in the same turn, not after it. */
    @Test
    void routesBeforeAClearInTheSameTurnAreCleared() throws Exception {
        ReactorTest.Engine e = engine();
        e.command("announce route 10.2.0.0/16 next-hop 10.0.0.1", "announce route 10.3.0.0/16 next-hop 10.0.0.1",
                "clear adj-rib out", "announce route 10.4.0.0/16 next-hop 10.0.0.1");
        e.turn();
        assertThat(e.toCtl()).containsExactly("done", "done", "done", "done");
        for (String peer : List.of("10.0.0.2", "10.0.0.3")) assertThat(prefixes(e, peer)).containsExactly("10.4.0.0/16");
    }

    /** The batch goes in before a route command it cannot take, which may change the same route. */
    @Test
    void routesBeforeAnUnbatchedWithdrawalAreWithdrawn() throws Exception {
        ReactorTest.Engine e = engine();
        e.command("announce route 20.0.0.0/24 next-hop 10.0.0.1", "withdraw ipv4 unicast 20.0.0.0/24 next-hop 10.0.0.1");
        e.turn();
        assertThat(e.toCtl()).containsExactly("done", "done");
        for (String peer : List.of("10.0.0.2", "10.0.0.3")) assertThat(prefixes(e, peer)).isEmpty();
    }

    /** A batch's commands are answered as each would be: not while acknowledgements are off. */
    @Test
    void aBatchsCommandsAreAnsweredOnlyWhenAcknowledgementsAreOn() throws Exception {
        ReactorTest.Engine e = engine();
        e.command("announce route 20.0.0.0/24 next-hop 10.0.0.1", "disable-ack",
                "announce route 20.0.1.0/24 next-hop 10.0.0.1", "announce route 20.0.2.0/24 next-hop 10.0.0.1",
                "enable-ack", "announce route 20.0.3.0/24 next-hop 10.0.0.1",
                "neighbor 10.9.9.9 announce route 20.0.4.0/24 next-hop 10.0.0.1");
        e.turn();
        // the first route's answer, disable-ack's, enable-ack's, the fourth route's, then no neighbour matched
        assertThat(e.toCtl()).containsExactly("done", "done", "done", "done", "error");
        assertThat(prefixes(e, "10.0.0.2"))
                .containsExactlyInAnyOrder("20.0.0.0/24", "20.0.1.0/24", "20.0.2.0/24", "20.0.3.0/24");
    }

    /** Commands of one shape for different neighbours stay with their neighbour. */
    @Test
    void aBatchKeepsToItsNeighbours() throws Exception {
        ReactorTest.Engine e = engine();
        e.command("neighbor 10.0.0.2 announce route 10.2.0.0/16 next-hop 10.0.0.1",
                "neighbor 10.0.0.3 announce route 10.3.0.0/16 next-hop 10.0.0.1",
                "neighbor 10.0.0.2 withdraw route 10.2.0.0/16 next-hop 10.0.0.1",
                "neighbor 10.0.0.2 announce route 10.5.0.0/16 next-hop 10.0.0.1");
        e.turn();
        assertThat(prefixes(e, "10.0.0.2")).containsExactly("10.5.0.0/16");
        assertThat(prefixes(e, "10.0.0.3")).containsExactly("10.3.0.0/16");
    }

    /** The prefixes in a neighbour's Adj-RIB-Out. */
    private static List<String> prefixes(ReactorTest.Engine e, String peer) {
        return e.peer(peer).rib.routes().stream().map(r -> ((InetNlri) r.nlri()).prefix().toString()).toList();
    }

    private static ReactorTest.Engine engine() throws Exception {
        return new ReactorTest.Engine(ReactorTest.CONFIG, SessionSettings.DEFAULT);
    }

    private static List<String> commands(SplittableRandom random, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (random.nextInt(10) == 0) {
                out.add(OTHERS[random.nextInt(OTHERS.length)]);
                continue;
            }
            // runs of one selector and shape, as programs send them, broken at random
            String selector = SELECTORS[random.nextInt(SELECTORS.length)];
            String attributes = ATTRIBUTES[random.nextInt(ATTRIBUTES.length)];
            int run = 1 + random.nextInt(6);
            for (int j = 0; j < run && out.size() < n; j++) {
                String verb = random.nextInt(4) == 0 ? "withdraw" : "announce";
                if (random.nextBoolean()) {
                    out.add(selector + verb + " route " + prefix(random) + " " + attributes);
                } else {
                    StringBuilder b = new StringBuilder(selector).append(verb).append(" attributes ").append(attributes);
                    b.append(" nlri");
                    for (int k = 1 + random.nextInt(4); k > 0; k--) b.append(' ').append(prefix(random));
                    out.add(b.toString());
                }
            }
        }
        return out;
    }

    /** Few enough that commands meet the same prefixes again; some multicast, a family no neighbour has. */
    private static String prefix(SplittableRandom random) {
        if (random.nextInt(20) == 0) return "224.0." + random.nextInt(2) + ".0/24";
        return "20." + random.nextInt(3) + "." + random.nextInt(4) + ".0/24";
    }
}
