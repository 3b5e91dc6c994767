package org.jexabgp.daemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jexabgp.reactor.api.CommandParser;
import org.junit.jupiter.api.Test;

/**
 * Issue 5 acceptance: every command of api.md §4 and every event type of json.md is exercised by an end-to-end test
 * (a real daemon and a real program). A command counts when a string literal of some {@code *IT.java} here sends it
 * (optionally after {@code nowait } and neighbour selectors); an event when some test method declares it in
 * {@link Covers}. Adding a command or an event to these lists without an end-to-end test fails here.
 */
class ApiCoverageTest {
    private static final Path E2E = Path.of("src/test/java/org/jexabgp/daemon/e2e");

    /** api.md §4's registered names (36, aliases included) and the {@code debug} line prefix of api.md §1.3. */
    static final List<String> COMMANDS = List.of(
            "withdraw watchdog", "withdraw vpls", "withdraw route", "withdraw ipv6", "withdraw ipv4", "withdraw flow",
            "withdraw attributes", "withdraw attribute", "version", "teardown", "silence-ack", "shutdown",
            "show neighbor", "show adj-rib out", "show adj-rib in", "restart", "reset", "reload", "help",
            "flush adj-rib out", "enable-ack", "disable-ack", "crash", "clear adj-rib", "announce watchdog",
            "announce vpls", "announce route-refresh", "announce route", "announce operational", "announce ipv6",
            "announce ipv4", "announce flow", "announce eor", "announce attributes", "announce attribute", "#",
            "debug");

    /** json.md §4–§7 (message types, the End-of-RIB, the two raw forms, the shutdown notice) and the 4.x dialect. */
    static final List<String> EVENTS = List.of("state", "fsm", "signal", "negotiated", "open", "keepalive", "update",
            "eor", "refresh", "notification", "operational", "packets", "consolidate", "shutdown", "dialect-4");

    /**
     * Known gaps, each with its reason; the test fails as soon as one is covered, so the list only shrinks. The test
     * peer does not advertise ExaBGP's operational capability, so an OPERATIONAL it sends is not taken; the event is
     * covered by reactor's golden tests (EventGoldenTest).
     */
    static final Map<String, String> GAPS = Map.of("operational", "test peer without the operational capability");

    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    @Test
    void everyCommandOfApiMdIsSentByAnEndToEndTest() throws IOException {
        List<String> literals = new ArrayList<>();
        for (Path f : itSources()) {
            Matcher m = LITERAL.matcher(Files.readString(f));
            while (m.find()) literals.add(m.group(1).replace("\\\"", "\""));
        }
        Map<String, String> missing = new TreeMap<>();
        for (String command : COMMANDS) {
            Pattern sent = Pattern.compile("(nowait )?(neighbor \\S+( (local-ip|local-as|peer-as|router-id) \\S+)* )?"
                    + Pattern.quote(command) + "( .*)?");
            // "announce attributes" must not count for "announce attribute": the word must end there
            if (literals.stream().noneMatch(l -> sent.matcher(l).matches())) missing.put(command, "");
        }
        assertThat(missing.keySet()).as("commands without an end-to-end test")
                .containsExactlyInAnyOrderElementsOf(gaps(COMMANDS));
        for (String command : COMMANDS) {
            if (!command.equals("debug")) assertThat(CommandParser.NAMES_FOR_HELP).as(command).contains(command);
        }
    }

    @Test
    void everyEventOfJsonMdIsCheckedByAnEndToEndTest() throws Exception {
        Set<String> covered = new TreeSet<>();
        for (Path f : itSources()) {
            String name = f.getFileName().toString().replace(".java", "");
            Class<?> it = Class.forName("org.jexabgp.daemon.e2e." + name);
            for (Method m : it.getDeclaredMethods()) {
                Covers c = m.getAnnotation(Covers.class);
                if (c != null) covered.addAll(List.of(c.value()));
            }
        }
        assertThat(EVENTS).containsAll(covered);
        List<String> missing = EVENTS.stream().filter(e -> !covered.contains(e)).toList();
        assertThat(missing).as("events without an end-to-end test").containsExactlyInAnyOrderElementsOf(gaps(EVENTS));
    }

    private static List<String> gaps(List<String> of) {
        return of.stream().filter(GAPS::containsKey).toList();
    }

    private static List<Path> itSources() throws IOException {
        try (Stream<Path> files = Files.list(E2E)) {
            return files.filter(f -> f.getFileName().toString().endsWith("IT.java")).sorted().toList();
        }
    }
}
