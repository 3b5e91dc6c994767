package org.jexabgp.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** runtime.md §10: the healthcheck's states and output lines. */
class HealthStateTest {
    private static HealthState.Options options(boolean withdrawOnDown, boolean debounce, List<String> neighbors) {
        return new HealthState.Options(List.of("192.0.2.10", "192.0.2.11"), "self", 2, 2, 100, 1000, 500, 1, 50,
                List.of("65000:1"), List.of(), List.of(), List.of("65000:99"), List.of("65000", "65001"),
                List.of(), List.of("65000", "65000", "65001"), List.of(), withdrawOnDown, null, neighbors, debounce);
    }

    @Test
    void risesAfterRiseSuccessesAndFallsAfterFallFailures() {
        HealthState h = new HealthState(options(false, false, List.of()));
        assertThat(h.check(false, true)).isEmpty(); // RISING 1/2: nothing yet
        assertThat(h.state()).isEqualTo(HealthState.State.RISING);
        // UP: one line per IP, MED up-metric then + increase (the observed ExaBGP output)
        assertThat(h.check(false, true)).containsExactly(
                "neighbor * announce route 192.0.2.10/32 next-hop self med 100 local-preference 50"
                        + " community [ 65000:1 ] as-path [ 65000 65001 ]",
                "neighbor * announce route 192.0.2.11/32 next-hop self med 101 local-preference 50"
                        + " community [ 65000:1 ] as-path [ 65000 65001 ]");
        assertThat(h.check(false, true)).hasSize(2); // re-sent every interval without --debounce
        assertThat(h.check(false, false)).isEmpty(); // FALLING
        // DOWN: down-metric, the down AS path (ExaBGP printed --as-path here, runtime.md §10), and
        // --disabled-community in place of --community (as ExaBGP does while DOWN or DISABLED)
        assertThat(h.check(false, false).getFirst()).isEqualTo(
                "neighbor * announce route 192.0.2.10/32 next-hop self med 1000 local-preference 50"
                        + " community [ 65000:99 ] as-path [ 65000 65000 65001 ]");
        assertThat(h.state()).isEqualTo(HealthState.State.DOWN);
        // a success after a failure starts rising again from one
        assertThat(h.check(false, true)).isEmpty();
        assertThat(h.check(false, false)).isEmpty();
        assertThat(h.state()).isEqualTo(HealthState.State.FALLING);
    }

    @Test
    void disabledWithdrawOnDownDebounceNeighborsAndExit() {
        HealthState h = new HealthState(options(true, true, List.of("10.0.0.2", "10.0.0.3")));
        List<String> disabled = h.check(true, true);
        // --withdraw-on-down withdraws when disabled; each --neighbor once (ExaBGP doubled them, issue #1366)
        assertThat(disabled).containsExactly(
                "neighbor 10.0.0.2 , neighbor 10.0.0.3 withdraw route 192.0.2.10/32 next-hop self",
                "neighbor 10.0.0.2 , neighbor 10.0.0.3 withdraw route 192.0.2.11/32 next-hop self");
        assertThat(h.check(true, true)).isEmpty(); // --debounce: unchanged state, nothing printed
        assertThat(h.exit()).containsExactlyElementsOf(disabled);
    }

    @Test
    void disabledCommunityAndOnce() {
        HealthState h = new HealthState(options(false, false, List.of()));
        assertThat(h.check(true, false).getFirst()).isEqualTo("neighbor * announce route 192.0.2.10/32 next-hop self"
                + " med 500 local-preference 50 community [ 65000:99 ] as-path [ 65000 65001 ]");
        HealthState once = new HealthState(options(false, false, List.of()));
        assertThat(once.once(false, true).getFirst()).contains(" med 100 ");
        assertThat(once.state()).isEqualTo(HealthState.State.END);
    }
}
