package org.jexabgp.functional;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * {@code exabgp-functional}: our functional tests from the command line (docs/testing.md).
 *
 * <pre>
 * list                                         the scenarios
 * run [NAME…|--all] [--engine selector|virtual-threads|both] [-j N] [--timeout S] [-v]
 * --server NAME [--port P]                     only the fake peer; prints the daemon command to run by hand
 * --client NAME [--port P] [--engine E]        only the daemon, against a peer started with --server
 * common: --daemon CMD (default: java -jar daemon/target/exabgp.jar), --scenarios DIR, --work DIR
 * </pre>
 *
 * The last line of {@code run} is {@code N passed, N failed}; the exit code is 0 only when every test passed.
 */
public final class Functional {
    private Functional() {}

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.out));
    }

    private static final String USAGE = """
            usage: exabgp-functional list
                   exabgp-functional run [NAME...|--all] [--engine selector|virtual-threads|both] [-j N] [--timeout S] [-v]
                   exabgp-functional --server NAME [--port P]
                   exabgp-functional --client NAME [--port P] [--engine selector|virtual-threads]
            options: --daemon CMD  --scenarios DIR  --work DIR  --exit-timeout S""";

    /** The command line without {@code System.exit}, for tests. */
    public static int run(String[] args, PrintStream out) throws Exception {
        List<String> names = new ArrayList<>();
        String mode = null;
        String engine = "both";
        int jobs = 2;
        double timeout = 30;
        double exitTimeout = 15;
        boolean verbose = false;
        boolean all = false;
        int port = 1790;
        String daemon = null;
        Path scenarios = defaultScenarios();
        Path work = Path.of(System.getProperty("java.io.tmpdir"), "jexabgp-functional-" + ProcessHandle.current().pid());
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "list", "run" -> mode = a;
                case "--server", "--client" -> {
                    mode = a;
                    names.add(value(args, ++i, a));
                }
                case "--all" -> all = true;
                case "--engine" -> engine = value(args, ++i, a);
                case "-j", "--jobs" -> jobs = Integer.parseInt(value(args, ++i, a));
                case "--timeout" -> timeout = Double.parseDouble(value(args, ++i, a));
                case "--exit-timeout" -> exitTimeout = Double.parseDouble(value(args, ++i, a));
                case "--port" -> port = Integer.parseInt(value(args, ++i, a));
                case "--daemon" -> daemon = value(args, ++i, a);
                case "--scenarios" -> scenarios = Path.of(value(args, ++i, a));
                case "--work" -> work = Path.of(value(args, ++i, a));
                case "-v", "--verbose" -> verbose = true;
                case "-h", "--help" -> {
                    out.println(USAGE);
                    return 0;
                }
                default -> {
                    if (a.startsWith("-")) {
                        out.println("unknown option " + a + "\n" + USAGE);
                        return 2;
                    }
                    names.add(a);
                }
            }
        }
        if (mode == null) {
            out.println(USAGE);
            return 2;
        }
        List<Scenario> known = Scenario.all(scenarios);
        if (mode.equals("list")) {
            for (Scenario s : known)
                out.printf("%-40s %d group(s)%s%n", s.name(), s.expectations().groups().size(),
                        s.apis().isEmpty() ? "" : ", api: " + String.join(" ", s.apis()));
            out.println(known.size() + " scenario(s) in " + scenarios);
            return 0;
        }
        List<Scenario> selected = all || names.isEmpty() && mode.equals("run") ? known : select(known, names);
        List<String> command = daemon == null ? Harness.daemonFromJar(Harness.defaultJar()) : Arrays.asList(
                daemon.trim().split("\\s+"));
        Harness harness = new Harness(command, work, timeout, exitTimeout, verbose ? out : null);
        Reaper reaper = Reaper.withShutdownHook();
        return switch (mode) {
            case "--server" -> Debug.server(selected.getFirst(), harness, port, out);
            case "--client" -> Debug.client(selected.getFirst(), harness, reaper, port, Engine.parse(engine).getFirst(), out);
            default -> runAll(selected, Engine.parse(engine), jobs, harness, reaper, out);
        };
    }

    /** Runs the scenarios in every engine, {@code jobs} at a time; one line per test as they finish. */
    public static int runAll(List<Scenario> scenarios, List<Engine> engines, int jobs, Harness harness, Reaper reaper,
            PrintStream out) throws InterruptedException {
        List<Outcome> outcomes = runAll(scenarios, engines, jobs, harness, reaper, o -> {
            synchronized (out) {
                out.println(o.line());
            }
        });
        long passed = outcomes.stream().filter(Outcome::passed).count();
        out.println(passed + " passed, " + (outcomes.size() - passed) + " failed");
        return passed == outcomes.size() ? 0 : 1;
    }

    public static List<Outcome> runAll(List<Scenario> scenarios, List<Engine> engines, int jobs, Harness harness,
            Reaper reaper, java.util.function.Consumer<Outcome> report) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, jobs));
        List<Outcome> outcomes = new ArrayList<>();
        try {
            CompletionService<Outcome> done = new ExecutorCompletionService<>(pool);
            int n = 0;
            for (Scenario s : scenarios)
                for (Engine e : engines) {
                    ScenarioRun run = new ScenarioRun(harness, reaper);
                    done.submit(() -> run.run(s, e));
                    n++;
                }
            for (int i = 0; i < n; i++) {
                Outcome o;
                try {
                    o = done.take().get();
                } catch (java.util.concurrent.ExecutionException x) {
                    throw new IllegalStateException(x.getCause());
                }
                outcomes.add(o);
                report.accept(o);
            }
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(30, TimeUnit.SECONDS);
            reaper.killAll();
        }
        return outcomes;
    }

    private static List<Scenario> select(List<Scenario> known, List<String> names) {
        List<Scenario> out = new ArrayList<>();
        for (String n : names) {
            List<Scenario> m = known.stream()
                    .filter(s -> s.name().equals(n) || s.name().matches(n.replace("*", ".*")))
                    .toList();
            if (m.isEmpty()) throw new IllegalArgumentException("no scenario " + n);
            out.addAll(m);
        }
        return out;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) throw new IllegalArgumentException(option + " needs a value");
        return args[i];
    }

    /** {@code -Djexabgp.functional.scenarios}, else the project's functional/src/test/resources/functional. */
    static Path defaultScenarios() {
        String p = System.getProperty("jexabgp.functional.scenarios");
        if (p != null && !p.isBlank()) return Path.of(p);
        String root = System.getenv("EXABGP_ROOT");
        Path base = root != null && !root.isBlank() ? Path.of(root) : Path.of(".");
        Path candidate = base.resolve("functional/src/test/resources/functional");
        if (Files.isDirectory(candidate)) return candidate;
        return Path.of("src/test/resources/functional");
    }
}
