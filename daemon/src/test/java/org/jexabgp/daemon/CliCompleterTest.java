package org.jexabgp.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CliCompleterTest {
    private final CliCompleter completer = new CliCompleter(() -> List.of("10.0.0.1", "2001:db8::1"));

    @Test
    void firstWordsAreCommandsAndNeighbor() {
        assertThat(completer.next(List.of())).contains("announce", "withdraw", "show", "neighbor", "version", "help")
                .doesNotHaveDuplicates();
    }

    @Test
    void nextWordsFollowTheCommandNames() {
        assertThat(completer.next(List.of("show"))).containsExactlyInAnyOrder("neighbor", "adj-rib");
        assertThat(completer.next(List.of("show", "adj-rib"))).containsExactlyInAnyOrder("in", "out");
        assertThat(completer.next(List.of("announce"))).contains("route", "eor", "route-refresh", "flow");
        assertThat(completer.next(List.of("version"))).isEmpty();
    }

    @Test
    void neighbourAddressesComeFromTheDaemon() {
        assertThat(completer.next(List.of("neighbor"))).containsExactly("10.0.0.1", "2001:db8::1");
        assertThat(completer.next(List.of("show", "neighbor"))).contains("summary", "extensive", "10.0.0.1");
        // after a selector, the command words again
        assertThat(completer.next(List.of("neighbor", "10.0.0.1"))).contains("announce", "teardown")
                .doesNotContain("neighbor");
        assertThat(completer.next(List.of("neighbor", "10.0.0.1", "announce"))).contains("route");
    }
}
