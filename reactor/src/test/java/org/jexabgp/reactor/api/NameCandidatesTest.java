package org.jexabgp.reactor.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The filter never drops a name that occurs as whole words in a line, and keeps the matching order. */
class NameCandidatesTest {
    private static final String[] WORDS = {
        "announce", "withdraw", "route", "route-refresh", "attributes", "neighbor", "127.0.0.1", "show", "adj-rib",
        "out", "in", "flush", "clear", "eor", "ipv4", "unicast", "#", "version", "help", "watchdog", "teardown",
        "10.0.0.0/8", "next-hop", "self", "vpls", "reload", "reset", "restart", "shutdown", "operational",
        "\u00e9t\u00e9", "r\u0101ute", "sh\u00f6w"
    };

    @Test
    void everyWholeWordOccurrenceIsACandidate() {
        NameCandidates candidates = new NameCandidates(CommandParser.NAMES);
        Random random = new Random(3);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder();
            int n = 1 + random.nextInt(7);
            for (int w = 0; w < n; w++) sb.append(w == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
            String line = sb.toString();
            List<String> kept = candidates.of(line);
            List<String> expected = CommandParser.NAMES.stream()
                    .filter(name -> (" " + line + " ").contains(" " + name + " "))
                    .toList();
            assertThat(kept).as(line).containsAll(expected);
            assertThat(CommandParser.NAMES.stream().filter(kept::contains).toList()).isEqualTo(kept);
        }
    }

    @Test
    void aRouteCommandLeavesFewNames() {
        NameCandidates candidates = new NameCandidates(CommandParser.NAMES);
        assertThat(candidates.of("announce route 10.0.0.0/8 next-hop 1.2.3.4")).containsExactly("announce route");
    }
}
