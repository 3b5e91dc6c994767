package org.jexabgp.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.classfile.ClassFile;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.jexabgp.wire.SansIo;
import org.junit.jupiter.api.Test;

/** ARCHITECTURE §2: {@code core} is sans-I/O: no compiled main class references I/O, threads, clocks or logging. */
class SansIoTest {
    @Test
    void mainClassesUseNoIoThreadsClocksOrLogging() throws IOException, URISyntaxException {
        Path classes = Path.of(org.jexabgp.core.model.Route.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Set<String> violations = SansIo.violations(classes);
        assertThat(SansIo.countClasses(classes)).as("classes scanned under %s", classes).isGreaterThan(20);
        assertThat(violations).as("sans-I/O violations in %s", classes).isEmpty();
    }

    /** The scanner itself must catch what it is meant to catch: scan this test class, which uses java.nio.file. */
    @Test
    void theScannerSeesForbiddenReferences() throws IOException {
        Set<String> found = new TreeSet<>();
        try (var in = SansIoTest.class.getResourceAsStream("SansIoTest.class")) {
            SansIo.scan(ClassFile.of().parse(in.readAllBytes()), found);
        }
        assertThat(found).anyMatch(v -> v.contains("java/nio/file/Path"));
    }
}
