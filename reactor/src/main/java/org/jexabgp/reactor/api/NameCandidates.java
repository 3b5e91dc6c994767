package org.jexabgp.reactor.api;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The command names that can possibly match a normalised line, in their matching order (issue 9: trying all of them
 * with a substring search was half of the cost of a route command). A name matches only as whole words (api.md §2),
 * so its first two words must be consecutive words of the line: a necessary condition, checked with one pass over the
 * line's words. The names that pass are still tried by {@code CommandParser} exactly as before.
 */
final class NameCandidates {
    private final List<String> names;
    /** Per name, its first word and, when it has more, its first two words. */
    private final String[] keys;

    private final Set<String> firstWords = new HashSet<>();

    NameCandidates(List<String> names) {
        this.names = names;
        this.keys = new String[names.size()];
        for (int i = 0; i < names.size(); i++) {
            String[] words = names.get(i).split(" ");
            keys[i] = words.length == 1 ? words[0] : words[0] + " " + words[1];
            firstWords.add(words[0]);
        }
    }

    /** The names, in order, whose first words occur as consecutive words of line (single spaces, trimmed). */
    List<String> of(String line) {
        List<String> present = new ArrayList<>(4);
        int n = line.length();
        int start = 0;
        while (start < n) {
            int end = line.indexOf(' ', start);
            if (end < 0) end = n;
            String word = line.substring(start, end);
            if (firstWords.contains(word)) {
                present.add(word);
                if (end < n) {
                    int next = line.indexOf(' ', end + 1);
                    present.add(line.substring(start, next < 0 ? n : next));
                }
            }
            start = end + 1;
        }
        List<String> out = new ArrayList<>(4);
        if (present.isEmpty()) return out;
        for (int i = 0; i < keys.length; i++) if (present.contains(keys[i])) out.add(names.get(i));
        return out;
    }
}
