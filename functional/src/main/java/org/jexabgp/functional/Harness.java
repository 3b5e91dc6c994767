package org.jexabgp.functional;

import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How scenarios are run: the daemon command (the configuration path is appended), where logs go, the time limits,
 * and the Java command API scripts are played with.
 *
 * @param daemon the daemon command line without the configuration
 * @param work where each run gets its directory ({@code WORK/NAME/ENGINE}: copied scenario, logs)
 * @param timeoutSeconds how long a scenario may take to reach its verdict
 * @param exitSeconds how long the daemon gets to leave by itself once the peer has closed
 * @param echo where peer transcripts are echoed live ({@code -v}), or null
 */
public record Harness(
        List<String> daemon, Path work, double timeoutSeconds, double exitSeconds, @Nullable PrintStream echo) {
    public Harness {
        daemon = List.copyOf(daemon);
        if (daemon.isEmpty()) throw new IllegalArgumentException("no daemon command");
        if (timeoutSeconds <= 0 || exitSeconds <= 0) throw new IllegalArgumentException("timeouts must be positive");
    }

    /** The java binary running us: API programs use the same. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Flags for short-lived JVMs (daemons, API programs): start fast, stay small. */
    static final List<String> SMALL_JVM =
            List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-Xss512k", "-Xlog:disable");

    /** {@code java … -jar JAR}, as bin/exabgp runs it. */
    public static List<String> daemonFromJar(Path jar) {
        if (!Files.isRegularFile(jar))
            throw new IllegalStateException(jar + " is missing: build it first (bin/exabgp builds it, or ./mvnw package)");
        List<String> c = new ArrayList<>();
        c.add(java());
        c.addAll(SMALL_JVM);
        c.addAll(List.of("-Xmx128m", "-jar", jar.toAbsolutePath().toString()));
        return c;
    }

    /** The class path holding ApiDriver (our classes directory or jar). */
    static String driverClassPath() {
        try {
            return Path.of(ApiDriver.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The daemon's jar: {@code -Djexabgp.jar}, else {@code $EXABGP_ROOT/daemon/target/exabgp.jar}, else next to us. */
    public static Path defaultJar() {
        String configured = System.getProperty("jexabgp.jar");
        if (configured != null && !configured.isBlank()) return Path.of(configured);
        String root = System.getenv("EXABGP_ROOT");
        if (root != null && !root.isBlank()) return Path.of(root, "daemon", "target", "exabgp.jar");
        // functional/target/x.jar → daemon/target/exabgp.jar
        Path us = Path.of(driverClassPath()).toAbsolutePath();
        return us.getParent().getParent().getParent().resolve("daemon").resolve("target").resolve("exabgp.jar");
    }
}
