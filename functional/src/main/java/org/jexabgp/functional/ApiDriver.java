package org.jexabgp.functional;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An API program playing an {@link ApiScript}: {@code java -cp … org.jexabgp.functional.ApiDriver SCRIPT LOG}. It
 * reads the daemon's lines on stdin (a reader thread, so the daemon never blocks on a full pipe), writes commands on
 * stdout, and logs both, its pid and any failure ({@code FAIL line N: …}) to LOG, which the runner reads.
 */
public final class ApiDriver {
    /** What the reader thread puts in the queues when stdin ends. */
    private static final String END = new String("end of input");

    private final ApiScript script;
    private final PrintStream log;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();
    private final long start = System.nanoTime();
    private boolean failed;

    private final Path directory;

    private ApiDriver(ApiScript script, PrintStream log, Path directory) {
        this.script = script;
        this.log = log;
        this.directory = directory;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: ApiDriver SCRIPT LOG");
            System.exit(2);
        }
        ApiScript script = ApiScript.parse(Files.readString(Path.of(args[0])));
        PrintStream log = new PrintStream(
                Files.newOutputStream(Path.of(args[1]), StandardOpenOption.CREATE, StandardOpenOption.APPEND),
                true,
                StandardCharsets.UTF_8);
        Path directory = Path.of(args[0]).toAbsolutePath().getParent();
        System.exit(new ApiDriver(script, log, directory).play());
    }

    private synchronized void log(String what) {
        log.printf("%8.3f %s%n", (System.nanoTime() - start) / 1e9, what);
    }

    private void fail(ApiScript.Step step, String why) {
        failed = true;
        log("FAIL line " + step.line() + ": " + why);
        System.err.println("api script: FAIL line " + step.line() + ": " + why);
    }

    private int play() throws InterruptedException {
        log("pid " + ProcessHandle.current().pid());
        Thread reader = Thread.ofPlatform().daemon().name("stdin").start(this::read);
        boolean ended = false;
        for (ApiScript.Step step : script.steps()) {
            if (ended || failed) break;
            switch (step) {
                case ApiScript.Step.Send s -> {
                    log("send " + s.text());
                    System.out.println(s.text());
                    System.out.flush();
                }
                case ApiScript.Step.Sleep s -> Thread.sleep((long) (s.seconds() * 1000));
                case ApiScript.Step.Answer a -> {
                    String got = answers.poll((long) (a.seconds() * 1000), TimeUnit.MILLISECONDS);
                    if (got == END) {
                        ended = true;
                    } else if (got == null) {
                        fail(step, "no answer within " + a.seconds() + " s");
                    } else if (isDone(got) != a.done()) {
                        fail(step, "expected " + (a.done() ? "done" : "error") + ", got " + got);
                    }
                }
                case ApiScript.Step.Silence s -> {
                    String got = answers.poll((long) (s.seconds() * 1000), TimeUnit.MILLISECONDS);
                    if (got == END) ended = true;
                    else if (got != null) fail(step, "expected no answer, got " + got);
                }
                case ApiScript.Step.Await a -> {
                    long deadline = System.nanoTime() + (long) (a.seconds() * 1e9);
                    while (true) {
                        long left = deadline - System.nanoTime();
                        String got = left > 0 ? lines.poll(left, TimeUnit.NANOSECONDS) : null;
                        if (got == END) {
                            ended = true;
                            fail(step, "input ended before a line matching " + a.shown());
                            break;
                        }
                        if (got == null) {
                            fail(step, "no line matching " + a.shown() + " within " + a.seconds() + " s");
                            break;
                        }
                        if (a.pattern().matcher(got).find()) break;
                    }
                }
                case ApiScript.Step.Signal s -> {
                    long parent = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(0L);
                    log("signal " + s.name() + " " + parent);
                    try {
                        new ProcessBuilder("kill", "-s", s.name(), String.valueOf(parent)).inheritIO().start()
                                .waitFor(5, TimeUnit.SECONDS);
                    } catch (IOException e) {
                        fail(step, "kill: " + e.getMessage());
                    }
                }
                case ApiScript.Step.Install i -> {
                    log("install " + i.from() + " " + i.to());
                    try {
                        Files.copy(directory.resolve(i.from()), directory.resolve(i.to()),
                                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    } catch (IOException e) {
                        fail(step, "install: " + e.getMessage());
                    }
                }
                case ApiScript.Step.Exit e -> {
                    log("exit " + e.code());
                    return e.code();
                }
            }
        }
        // stay until the daemon closes our input: a program that leaves early would be respawned
        reader.join();
        log("end of input");
        return failed ? 1 : 0;
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                String l = line.strip();
                log("recv " + l);
                lines.add(l);
                if (isAnswer(l)) answers.add(l);
            }
        } catch (IOException e) {
            log("stdin: " + e.getMessage());
        }
        lines.add(END);
        answers.add(END);
    }

    /** api.md §3.1: {@code done}/{@code error}, or the same as JSON {@code {"answer": …}}. */
    static boolean isAnswer(String line) {
        return line.equals("done") || line.equals("error") || line.startsWith("{") && line.contains("\"answer\"");
    }

    static boolean isDone(String line) {
        return line.equals("done") || line.startsWith("{") && line.matches(".*\"answer\"\\s*:\\s*\"done\".*");
    }
}
