package org.jexabgp.functional;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every scenario under src/test/resources/functional, in both engines, against the daemon's shaded jar (set by
 * Failsafe as {@code jexabgp.jar}). The runs go in parallel (two at a time by default, {@code -Djexabgp.functional.jobs}),
 * then each becomes one test whose failure message is the runner's report.
 */
class FunctionalIT {
    @TestFactory
    Stream<DynamicTest> everyScenarioInBothEngines() throws Exception {
        Path scenarios = Functional.defaultScenarios();
        Path work = Path.of(System.getProperty("jexabgp.functional.work", "target/functional"));
        int jobs = Integer.getInteger("jexabgp.functional.jobs", 2);
        Harness harness = new Harness(Harness.daemonFromJar(Harness.defaultJar()), work, 30, 15, null);
        Reaper reaper = Reaper.withShutdownHook();
        List<Scenario> all = Scenario.all(scenarios);
        assertThat(all).as("scenarios in " + scenarios).isNotEmpty();
        List<Outcome> outcomes = Functional.runAll(all, List.of(Engine.values()), jobs, harness, reaper, o -> {
            if (!o.passed()) System.err.println(o.line());
        });
        return outcomes.stream()
                .sorted(java.util.Comparator.comparing(Outcome::name).thenComparing(Outcome::engine))
                .map(o -> DynamicTest.dynamicTest(o.name() + " [" + o.engine().label() + "]", () -> {
                    if (!o.passed()) throw new AssertionError(o.line());
                }));
    }
}
