package org.jexabgp.functional;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One functional test: a directory holding {@code exabgp.conf} (what the daemon is told), {@code expect} (what it
 * must send, {@link Expectations}), optional {@code NAME.api} scripts ({@link ApiScript}; the configuration runs
 * them as {@code run ./NAME.run;}) and an optional {@code env} file ({@code KEY=VALUE} lines for the daemon).
 */
public record Scenario(String name, Path dir, Expectations expectations, Map<String, String> env, List<String> apis) {
    public Scenario {
        env = Map.copyOf(env);
        apis = List.copyOf(apis);
    }

    public Path configuration() {
        return dir.resolve("exabgp.conf");
    }

    /** Loads and checks a scenario directory (a bad expect file or API script is reported before anything runs). */
    public static Scenario load(Path dir) {
        try {
            String name = dir.getFileName().toString();
            if (!Files.isRegularFile(dir.resolve("exabgp.conf")))
                throw new IllegalArgumentException(name + ": no exabgp.conf");
            if (!Files.isRegularFile(dir.resolve("expect"))) throw new IllegalArgumentException(name + ": no expect");
            Expectations expectations;
            try {
                expectations = Expectations.parse(Files.readString(dir.resolve("expect")));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(name + "/expect " + e.getMessage(), e);
            }
            if (expectations.groups().isEmpty()) throw new IllegalArgumentException(name + "/expect: nothing expected");
            Map<String, String> env = new LinkedHashMap<>();
            Path envFile = dir.resolve("env");
            if (Files.isRegularFile(envFile)) {
                int n = 0;
                for (String line : Files.readAllLines(envFile)) {
                    n++;
                    String l = line.contains("#") ? line.substring(0, line.indexOf('#')) : line;
                    l = l.strip();
                    if (l.isEmpty()) continue;
                    int eq = l.indexOf('=');
                    if (eq <= 0) throw new IllegalArgumentException(name + "/env line " + n + ": not KEY=VALUE");
                    env.put(l.substring(0, eq).strip(), l.substring(eq + 1).strip());
                }
            }
            List<String> apis = new ArrayList<>();
            try (Stream<Path> files = Files.list(dir)) {
                for (Path p : files.sorted().toList()) {
                    String f = p.getFileName().toString();
                    if (!f.endsWith(".api")) continue;
                    try {
                        ApiScript.parse(Files.readString(p));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException(name + "/" + f + " " + e.getMessage(), e);
                    }
                    apis.add(f.substring(0, f.length() - 4));
                }
            }
            return new Scenario(name, dir, expectations, env, apis);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every scenario under a root directory, by name. */
    public static List<Scenario> all(Path root) {
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(Files::isDirectory).sorted().map(Scenario::load).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
