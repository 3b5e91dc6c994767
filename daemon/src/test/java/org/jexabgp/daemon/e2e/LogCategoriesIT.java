package org.jexabgp.daemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each of ExaBGP's log categories (runtime.md §7) writes its lines when its {@code log.<category>} setting is on, and
 * none when it is off. Two daemons go through the same session — a program's route sent, a route received, a reload
 * that adds a configured route, a shutdown — each with one half of the categories switched on and the other off.
 */
class LogCategoriesIT extends EndToEnd {
    /** A category and a line it must write in this scenario (short format: the source padded to 15). */
    private record Expected(String category, String line) {}

    private static final List<Expected> EXPECTED = List.of(
            new Expected("packets", "peer 127.0.0.1 >> OPEN FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF"),
            new Expected("packets", "peer 127.0.0.1 << UPDATE FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF"),
            new Expected("routes", "peer 127.0.0.1 >> announce 10.0.0.0/24 next-hop 1.2.3.4"),
            new Expected("routes", "peer 127.0.0.1 << announce 198.51.100.0/24 next-hop 192.0.2.1"),
            new Expected("timers", "peer 127.0.0.1 keepalive sent"),
            new Expected("timers", "peer 127.0.0.1 hold time 30s, keepalive every 10s"),
            new Expected("configuration", "loading configuration file"),
            new Expected("statistics", "peer 127.0.0.1 messages sent/received: open 1/1"),
            new Expected("rib", "peer 127.0.0.1 adj-rib-out announce 10.0.0.0/24 next-hop 1.2.3.4"),
            new Expected("rib", "peer 127.0.0.1 adj-rib-in announce 198.51.100.0/24 next-hop 192.0.2.1"),
            new Expected("parser", "command from announcer: announce route 10.0.0.0/24 next-hop 1.2.3.4 -> "),
            new Expected("message", "reload: peer 127.0.0.1 announces 10.2.0.0/24 next-hop 1.2.3.4"));

    private static final List<String> FIRST_HALF =
            List.of("packets", "routes", "timers", "configuration", "statistics");

    LogCategoriesIT() {
        super(false);
    }

    @ParameterizedTest(name = "first half on: {0}")
    @ValueSource(booleans = {true, false})
    void eachCategoryLogsOnlyWhenSwitchedOn(boolean firstHalf) throws Exception {
        TestPeer peer = peer("127.0.0.1", 0);
        Path program = script("announce.sh",
                "#!/bin/sh\necho 'announce route 10.0.0.0/24 next-hop 1.2.3.4'\nexec cat >/dev/null\n");
        String process = "process announcer {\n    run %s;\n    encoder text;\n}\n".formatted(program);
        Path conf = file("log.conf", process + ApiProcessIT.neighbor(peer.port(), "processes [ announcer ];"));
        Map<String, String> env = DaemonProcess.server(false, peer.port(), 0);
        env.put("exabgp_log_level", "DEBUG");
        for (Expected e : EXPECTED) env.put("exabgp_log_" + e.category(), String.valueOf(on(e.category(), firstHalf)));
        DaemonProcess daemon = daemon(env, conf);
        peer.awaitMessage("the program's route", m -> m.hex().equals(ApiProcessIT.ANNOUNCE), Await.TIMEOUT);

        // the peer announces 198.51.100.0/24, next-hop 192.0.2.1
        peer.send(BgpMessage.of(BgpMessage.UPDATE, "0000" + "0015" + "40010101" + "400200" + "400304C0000201"
                + "40050400000064" + "18C63364"));
        // a reload adds a configured route (the message category)
        String route = "    static {\n        route 10.2.0.0/24 next-hop 1.2.3.4;\n    }\n";
        Files.writeString(conf, process + ApiProcessIT.neighbor(peer.port(), "processes [ announcer ];")
                .replace("    family {", route + "    family {"));
        daemon.signal("USR1");
        peer.awaitMessage("the reloaded route", m -> m.hex().endsWith("180A0200"), Await.TIMEOUT);
        daemon.signal("TERM");
        assertThat(daemon.awaitExit(Duration.ofSeconds(10))).as(daemon::log).isZero();

        List<String> lines = daemon.stdout().lines().toList();
        for (Expected e : EXPECTED) {
            String source = "%-15s ".formatted(e.category());
            if (on(e.category(), firstHalf))
                assertThat(lines).as(e.category() + " on").anyMatch(l -> l.startsWith(source + e.line()));
            else assertThat(lines).as(e.category() + " off").noneMatch(l -> l.startsWith(source));
        }
    }

    private static boolean on(String category, boolean firstHalf) {
        return FIRST_HALF.contains(category) == firstHalf;
    }
}
