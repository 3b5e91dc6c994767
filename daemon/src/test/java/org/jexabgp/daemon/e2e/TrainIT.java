package org.jexabgp.daemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AOT cache's training run ({@code exabgp train}, which the build runs with {@code -XX:AOTCacheOutput}): each
 * engine is started as a daemon is, logging included, and each has its sessions and its program — the second engine
 * finds the first one's ports free again.
 */
class TrainIT {
    @TempDir
    Path dir;

    /** Runs the training with the JVM logging these tags to a file of dir; returns the file, once the run succeeded. */
    private Path trainLogging(String tags, String file) throws Exception {
        Path log = dir.resolve(file);
        DaemonProcess.Finished run = DaemonProcess.run(dir, Map.of("JAVA_TOOL_OPTIONS", "-Xlog:" + tags + ":file=" + log),
                Duration.ofSeconds(60), "train", "--seconds", "1", "--log", dir.resolve("train.log").toString());
        assertThat(run.stderr()).doesNotContain("jexabgp train");
        return log;
    }

    @Test
    void bothEnginesRunAsADaemonDoes() throws Exception {
        Path log = dir.resolve("train.log");
        DaemonProcess.Finished run = DaemonProcess.run(dir, Map.of(), Duration.ofSeconds(60),
                "train", "--seconds", "1", "--log", log.toString());
        // a failure does not fail the build (the cache only makes starts faster) but is said on stderr
        assertThat(run.stderr()).doesNotContain("jexabgp train");
        List<String> lines = java.nio.file.Files.readAllLines(log);
        assertThat(lines).as(String.join("\n", lines)).noneMatch(l -> l.contains("can not bind"));
        assertThat(lines.stream().filter(l -> l.contains("reactor: ")).map(l -> l.substring(l.indexOf("reactor: "))))
                .containsExactly("reactor: selector", "reactor: virtual threads");
        // each engine listens for its passive neighbour, forks the program and applies its routes
        assertThat(lines.stream().filter(l -> l.contains("listening for BGP session(s) on 127.0.0.2:"))).hasSize(2);
        assertThat(lines.stream().filter(l -> l.contains("forked process announce"))).hasSize(2);
        // a control socket of the training's own, not the one a daemon of this machine may be using
        assertThat(lines.stream().filter(l -> l.contains("control socket"))).hasSize(2)
                .allMatch(l -> l.contains("jexabgp-train-"));
        assertThat(lines.stream().filter(l -> l.contains("route(s) applied from announce"))).hasSizeGreaterThanOrEqualTo(2);
        // the sessions came up in both runs: UPDATEs went both ways
        assertThat(lines.stream().filter(l -> l.matches(".*peer 127\\.0\\.0\\.[12] messages sent/received: open 1/1 "
                + "update [1-9][0-9]*/[1-9][0-9]* .*"))).hasSize(4);
    }

    /**
     * Issue 9: a switch on a sealed type and a record's generated equals, hashCode and toString are linked at run time
     * by bootstraps that generate classes, milliseconds of every start each, which the AOT cache does not keep. The
     * training's daemons, both engines with sessions, UPDATEs both ways and a program, link none in our code.
     */
    @Test
    void aDaemonsWorkLinksNoTypeSwitchNorRecordMethod() throws Exception {
        Path indy = trainLogging("methodhandles+indy=debug", "indy.log");
        java.util.regex.Pattern site = java.util.regex.Pattern.compile(
                "resolve_invokedynamic Bootstrap in (org/jexabgp/\\S+) indy#\\d+@CP\\[\\d+\\] (\\w+):");
        List<String> linked = java.nio.file.Files.readAllLines(indy).stream()
                .map(site::matcher)
                .filter(java.util.regex.Matcher::find)
                .map(m -> m.group(1) + " " + m.group(2))
                .toList();
        // the log is read: lambdas of our code are linked through it too
        assertThat(linked).isNotEmpty();
        assertThat(linked).noneMatch(l -> l.endsWith("Switch") || l.endsWith(" equals") || l.endsWith(" hashCode")
                || l.endsWith(" toString"));
    }

    /**
     * Issue 9: the time-zone file (read by interpreted code: 4 ms of a start) is not read for log lines that carry no
     * time of day, the default short ones: the training's daemons, which log as a daemon does, never initialize it.
     */
    @Test
    void aDaemonsShortLogLinesReadNoTimeZoneFile() throws Exception {
        Path init = trainLogging("class+init=info", "init.log");
        String log = java.nio.file.Files.readString(init);
        // the log is read: the daemon's own classes are in it
        assertThat(log).contains("Initializing 'org/jexabgp/daemon/LogLine'");
        assertThat(log).doesNotContain("Initializing 'sun/util/calendar/ZoneInfoFile'");
    }
}
