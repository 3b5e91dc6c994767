package org.jexabgp.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;

/** The file destination's rotation (ExaBGP 4.2: by size, five old files {@code NAME.1} … {@code NAME.5}). */
class LoggingTest {
    @TempDir
    Path dir;

    @Test
    void fileRotatesBySizeKeepingFiveOldFiles() {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter()); // a bare context has none
        Path log = dir.resolve("exabgp.log");
        Logging.install(context, Level.INFO, log.toString(), true, "text", 4096);
        Logger logger = context.getLogger("exabgp.reactor");
        String line = "x".repeat(200);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        // logback checks the size at most every 60 ms: write until the window is full and has turned over
        int written = 0;
        while (!(Files.exists(dir.resolve("exabgp.log.5")) && written > 2000) && System.nanoTime() < deadline) {
            logger.info(line);
            written++;
            if (written % 50 == 0) java.util.concurrent.locks.LockSupport.parkNanos(2_000_000);
        }
        context.stop();
        assertThat(dir.resolve("exabgp.log.1")).exists();
        assertThat(dir.resolve("exabgp.log.5")).exists();
        assertThat(dir.resolve("exabgp.log.6")).doesNotExist();
        assertThat(log).exists();
    }

    @Test
    void longFormatHasTimeAndPid() {
        assertThat(Logging.pattern(false)).startsWith("%d{HH:mm:ss} " + ProcessHandle.current().pid());
        assertThat(Logging.pattern(true)).isEqualTo("%-15.15logger{0} %msg");
    }
}
