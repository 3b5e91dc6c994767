package org.jexabgp.daemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launchers with the real JDK, this build's jar and its AOT cache: the JVM they start can use the cache, which it
 * does only with the module options the build's training ran with (issue 9), and finds the main class in it.
 */
class LauncherIT {
    @TempDir
    Path dir;

    @Test
    void theLaunchersJvmStartsFromTheBuildsAotCache() throws Exception {
        Path jar = DaemonProcess.jar();
        Path aot = jar.resolveSibling("exabgp.aot");
        assumeTrue(Files.isRegularFile(aot), "no AOT cache: the build was asked for none (-Djexabgp.aot.skip)");
        // a copy of the launchers whose project holds this build's jar and cache, and no sources to rebuild from
        Path bin = Path.of("..", "bin").toAbsolutePath().normalize();
        Path root = dir.resolve("project");
        Files.createDirectories(root.resolve("bin"));
        Files.createDirectories(root.resolve("daemon/target"));
        for (String f : List.of("exabgp", "exabgpcli", "jexabgp-env.sh"))
            Files.copy(bin.resolve(f), root.resolve("bin").resolve(f), java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        // copied as they are: the cache holds the jar's size and time, and the launcher uses no cache older than the jar
        Files.copy(jar, root.resolve("daemon/target/exabgp.jar"), java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        Files.copy(aot, root.resolve("daemon/target/exabgp.aot"), java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);

        // the control tool finds no daemon here, and says so: its JVM started all the same
        List<List<String>> commands = List.of(List.of("bin/exabgp", "--version"),
                List.of("bin/exabgpcli", "--path", dir.resolve("none.sock").toString(), "version"));
        for (List<String> command : commands) {
            ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
            pb.environment().keySet().removeIf(k -> k.toLowerCase(java.util.Locale.ROOT).startsWith("exabgp"));
            pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
            // where each class came from; the launcher's own logging setting shows the cache's errors on stderr
            pb.environment().put("JEXABGP_JAVA_OPTS", "-Xlog:class+load=info:stdout");
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(out).as(String.join(" ", command))
                    .doesNotContain("[error]", "[warning]")
                    .contains("org.jexabgp.daemon.Main source: shared objects file");
        }
    }
}
