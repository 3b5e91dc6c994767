package org.jexabgp.reactor.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.jexabgp.wire.Generators;
import org.jexabgp.wire.RoundTrip;
import org.jexabgp.wire.RowGenerators;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every golden vector file under {@code golden/}, and checks coverage: each row of the family, attribute,
 * capability and extended-community tables has a golden file with at least one vector, a registered round trip
 * (run here 200 times, seed in the message), and a syntax check in one of its vectors unless the file says why it
 * cannot have one ({@code decode-only:} / {@code no-syntax:}).
 */
class GoldenVectorsTest {
    private static final long SEED = Generators.seed();

    static List<GoldenFile> files() throws IOException, URISyntaxException {
        Path root = Path.of(GoldenVectorsTest.class.getResource("/golden").toURI());
        List<GoldenFile> out = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.filter(x -> x.toString().endsWith(".golden")).sorted().toList()) {
                String name = p.getFileName().toString();
                out.add(GoldenFile.parse(
                        p.getParent().getFileName().toString(),
                        name.substring(0, name.length() - ".golden".length()),
                        Files.readString(p)));
            }
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> vectors() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (GoldenFile f : files())
            for (GoldenFile.Vector v : f.vectors())
                tests.add(DynamicTest.dynamicTest(
                        f.id() + ".golden:" + v.line() + " " + v.name(), () -> GoldenCheck.check(f, v)));
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> roundTrips() {
        return RowGenerators.all().entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            SplittableRandom r = new SplittableRandom(SEED ^ e.getKey().hashCode());
            RoundTrip trip = e.getValue();
            for (int i = 0; i < 200; i++) {
                try {
                    trip.check(r);
                } catch (AssertionError | Exception x) {
                    throw new AssertionError(
                            e.getKey() + ": round trip " + i + " failed (-Djexabgp.seed=" + SEED + "): " + x, x);
                }
            }
        }));
    }

    @Test
    void everyRowHasVectorsARoundTripAndSyntax() throws Exception {
        List<String> rows = GoldenRows.all();
        List<String> problems = new ArrayList<>();
        List<String> files = files().stream().map(GoldenFile::id).toList();
        for (String row : rows) {
            String[] kr = row.split("/", 2);
            GoldenFile f = files().stream().filter(x -> x.id().equals(row)).findFirst().orElse(null);
            if (f == null || f.vectors().isEmpty()) problems.add(row + ": no golden vector (golden/" + row + ".golden)");
            else if (f.decodeOnly() == null && f.vectors().stream().allMatch(v -> v.syntax() == null))
                problems.add(row + ": no vector has a syntax line, and the file gives no decode-only/no-syntax reason");
            if (!RowGenerators.all().containsKey(row)) problems.add(row + ": no round trip in RowGenerators");
            assertThat(kr).hasSize(2);
        }
        for (String f : files) if (!rows.contains(f)) problems.add(f + ".golden: not a row of any table");
        for (String g : RowGenerators.all().keySet())
            if (!rows.contains(g)) problems.add(g + ": round trip registered for a row no table has");
        assertThat(problems).as("coverage of the code tables").isEmpty();
    }
}
