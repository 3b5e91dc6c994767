package org.jexabgp.daemon;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.jexabgp.reactor.api.CommandParser;
import org.jexabgp.wire.IpAddress;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion of the interactive CLI (runtime.md §3.2): the next word of any command the daemon knows
 * ({@link CommandParser#NAMES_FOR_HELP}), and neighbour addresses after {@code neighbor}, asked from the daemon.
 */
final class CliCompleter implements Completer {
    private static final List<String> SHOW_NEIGHBOR = List.of("summary", "extensive", "configuration", "json");

    private final Supplier<List<String>> neighbors;

    CliCompleter(Supplier<List<String>> neighbors) {
        this.neighbors = neighbors;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        for (String w : next(line.words().subList(0, line.wordIndex()))) candidates.add(new Candidate(w));
    }

    /** The words that may follow {@code typed} (complete words only). */
    List<String> next(List<String> typed) {
        Set<String> out = new LinkedHashSet<>();
        List<String> words = new ArrayList<>(typed);
        if (!words.isEmpty() && words.getLast().equals("neighbor")) {
            out.addAll(neighbors.get());
            if (words.size() == 2 && words.getFirst().equals("show")) out.addAll(SHOW_NEIGHBOR);
            return List.copyOf(out);
        }
        // a selector prefix ("neighbor A [, neighbor B]") leaves the command words after it
        while (words.size() >= 2 && words.getFirst().equals("neighbor")) {
            words.subList(0, 2).clear();
            if (!words.isEmpty() && words.getFirst().equals(",")) words.removeFirst();
        }
        if (words.isEmpty() && typed.isEmpty()) out.add("neighbor");
        for (String name : CommandParser.NAMES_FOR_HELP) {
            String[] parts = name.split(" ");
            if (parts.length <= words.size()) continue;
            boolean match = true;
            for (int i = 0; i < words.size() && match; i++) match = parts[i].equals(words.get(i));
            if (match) out.add(parts[words.size()]);
        }
        if (words.size() >= 2 && words.get(0).equals("show") && words.get(1).equals("neighbor")) {
            out.addAll(SHOW_NEIGHBOR);
            out.addAll(neighbors.get());
        }
        return List.copyOf(out);
    }

    /** The neighbours of a running daemon, from {@code show neighbor summary}; cached for a few seconds. */
    static final class Neighbors implements Supplier<List<String>> {
        private static final long FRESH_NANOS = 10_000_000_000L;
        private final CliTransport transport;
        private List<String> cached = List.of();
        private long asked = Long.MIN_VALUE;

        Neighbors(CliTransport transport) {
            this.transport = transport;
        }

        @Override
        public List<String> get() {
            long now = System.nanoTime();
            if (asked != Long.MIN_VALUE && now - asked < FRESH_NANOS) return cached;
            asked = now;
            List<String> found = new ArrayList<>();
            transport.exchange("show neighbor summary", line -> {
                String[] w = line.strip().split("\\s+");
                if (w.length > 0 && IpAddress.tryParse(w[0]) != null) found.add(w[0]);
            }, problem -> {});
            cached = List.copyOf(found);
            return cached;
        }
    }
}
