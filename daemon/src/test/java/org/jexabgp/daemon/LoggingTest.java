package org.jexabgp.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.TimeZone;
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

    /**
     * LogLine prints what logback's pattern layout prints for ExaBGP's patterns: sources short and long (the last 15
     * characters kept), messages with arguments, exceptions with causes, times across a day in zones with and without
     * daylight saving.
     */
    @Test
    void logLinesAreThoseOfThePattern() {
        TimeZone before = TimeZone.getDefault();
        try {
            for (String zone : new String[] {"UTC", "Europe/Paris", "America/St_Johns", "Asia/Kathmandu"}) {
                TimeZone.setDefault(TimeZone.getTimeZone(zone));
                LoggerContext context = new LoggerContext();
                for (boolean shortFormat : new boolean[] {true, false}) {
                    PatternLayout reference = new PatternLayout();
                    reference.setContext(context);
                    reference.setPattern(pattern(shortFormat));
                    reference.start();
                    LogLine line = new LogLine(shortFormat);
                    line.setContext(context);
                    line.start();
                    java.util.SplittableRandom random = new java.util.SplittableRandom(zone.hashCode());
                    String[] names = {"exabgp.reactor", "exabgp.configuration", "x", "", "a.b.averyveryverylongname",
                        "org.jexabgp.daemon.ServerCommand", "exabgp.network.sub"};
                    for (int i = 0; i < 400; i++) {
                        ch.qos.logback.classic.Logger logger = context.getLogger(names[i % names.length].isEmpty()
                                ? org.slf4j.Logger.ROOT_LOGGER_NAME : names[i % names.length]);
                        Throwable t = i % 5 == 0 ? new IllegalStateException("outer " + i, new java.io.IOException("inner"))
                                : null;
                        LoggingEvent event = new LoggingEvent("x", logger, Level.INFO, "route {} to {}", t,
                                new Object[] {i, "peer"});
                        // instants over several years, so across daylight saving changes
                        event.setTimeStamp(1_600_000_000_000L + random.nextLong(200_000_000_000L));
                        assertThat(line.doLayout(event)).as("%s %s", zone, event.getTimeStamp())
                                .isEqualTo(reference.doLayout(event));
                    }
                }
            }
        } finally {
            TimeZone.setDefault(before);
        }
    }

    /**
     * Logback's own warnings and errors reach stderr, those reported before the configuration and those after; its
     * lesser statuses do not.
     */
    @Test
    void logbacksWarningsAndErrorsArePrinted() {
        LoggerContext context = new LoggerContext();
        java.io.PrintStream before = System.err;
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            context.getStatusManager().add(new ch.qos.logback.core.status.WarnStatus("early", this));
            context.getStatusManager().add(new ch.qos.logback.core.status.InfoStatus("quiet", this));
            new Logging().configure(context);
            context.getStatusManager().add(new ch.qos.logback.core.status.InfoStatus("fine", this));
            context.getStatusManager().add(new ch.qos.logback.core.status.ErrorStatus("cannot open x.log", this,
                    new java.io.IOException("Permission denied")));
        } finally {
            System.setErr(before);
        }
        String n = System.lineSeparator();
        assertThat(err.toString(java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("logging: warning: early" + n
                + "logging: cannot open x.log: java.io.IOException: Permission denied" + n);
    }

    /** ExaBGP's log line as a logback pattern (runtime.md §7): short is source and message, long adds time and pid. */
    private static String pattern(boolean shortFormat) {
        return shortFormat ? "%-15.15logger{0} %msg%n%ex"
                : "%d{HH:mm:ss} " + String.format("%-6d", ProcessHandle.current().pid()) + " %-15.15logger{0} %msg%n%ex";
    }

    /** Under the daemon's umask (0137) a log file's missing directories are made searchable: 0750, and 0755 under 022. */
    @Test
    void missingLogDirectoriesAreUsableUnderTheDaemonsUmask() throws Exception {
        int before = org.jexabgp.daemon.os.Posix.umask(0137);
        try {
            LoggerContext context = new LoggerContext();
            context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
            Path log = dir.resolve("var/log/exabgp/exabgp.log");
            Logging.install(context, Level.INFO, log.toString(), true, "text", 1 << 20);
            context.getLogger("exabgp.reactor").info("hello");
            context.stop();
            for (Path d : new Path[] {dir.resolve("var"), dir.resolve("var/log"), dir.resolve("var/log/exabgp")})
                assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(d)))
                        .as(d.toString()).isEqualTo("rwxr-x---");
            assertThat(Files.readString(log)).contains("hello");
            org.jexabgp.daemon.os.Posix.umask(0022);
            Path other = dir.resolve("a/b");
            Logging.createDirectories(other);
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(other)))
                    .isEqualTo("rwxr-xr-x");
        } finally {
            org.jexabgp.daemon.os.Posix.umask(before);
        }
    }

    /** A log directory that cannot be made is said in logback's statuses, which the daemon prints; nothing throws. */
    @Test
    void aLogDirectoryThatCannotBeMadeIsReported() throws Exception {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        Path file = Files.writeString(dir.resolve("a-file"), "");
        Logging.install(context, Level.INFO, file.resolve("sub/exabgp.log").toString(), true, "text", 1 << 20);
        assertThat(context.getStatusManager().getCopyOfStatusList())
                .anyMatch(s -> s.getLevel() == ch.qos.logback.core.status.Status.WARN
                        && s.getMessage().contains("can not create " + file.resolve("sub")));
        context.stop();
    }
}
