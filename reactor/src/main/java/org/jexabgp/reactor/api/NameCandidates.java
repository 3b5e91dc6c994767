package org.jexabgp.reactor.api;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The command names that can possibly match a normalised line, in their matching order (issue 9: trying all of them
 * with a substring search was half of the cost of a route command). A name matches only as whole words (api.md §2),
 * so its first two words must be consecutive words of the line: a necessary condition, checked with one pass over the
 * line's words, without allocating. The names that pass are still tried by {@code CommandParser} exactly as before.
 */
final class NameCandidates {
    private final List<String> names;
    /** The distinct first words of the names. */
    private final String[] firstWords;
    /** Per first word, the indices of the names that begin with it. */
    private final int[][] byFirstWord;
    /** Per name, its second word, or null for a one-word name. */
    private final String[] secondWords;
    /**
     * Per ASCII character, the first words beginning with it (indices into {@link #firstWords}): a word is compared
     * with those only, most words (addresses) with none (issue 9: comparing each word with every first word was a
     * fifth of a route command's cost while interpreted).
     */
    private final int[][] byInitial = new int[128][];

    NameCandidates(List<String> names) {
        if (names.size() > Long.SIZE) throw new IllegalArgumentException("at most 64 names: a long holds the set");
        this.names = names;
        this.secondWords = new String[names.size()];
        List<String> firsts = new ArrayList<>();
        List<List<Integer>> indices = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String[] words = names.get(i).split(" ");
            secondWords[i] = words.length == 1 ? null : words[1];
            int f = firsts.indexOf(words[0]);
            if (f < 0) {
                f = firsts.size();
                firsts.add(words[0]);
                indices.add(new ArrayList<>());
            }
            indices.get(f).add(i);
        }
        this.firstWords = firsts.toArray(String[]::new);
        int[] count = new int[128];
        for (String w : firstWords) {
            char c = w.charAt(0);
            if (c >= 128) throw new IllegalArgumentException("command names are ASCII: " + w);
            count[c]++;
        }
        for (int f = 0; f < firstWords.length; f++) {
            char c = firstWords[f].charAt(0);
            if (byInitial[c] == null) byInitial[c] = new int[count[c]];
            byInitial[c][byInitial[c].length - count[c]--] = f;
        }
        this.byFirstWord = new int[firsts.size()][];
        // loops, not streams: this runs in the interpreter at a daemon's first command (issue 9)
        for (int f = 0; f < byFirstWord.length; f++) {
            List<Integer> of = indices.get(f);
            int[] each = new int[of.size()];
            for (int k = 0; k < each.length; k++) each[k] = of.get(k);
            byFirstWord[f] = each;
        }
    }

    /**
     * The names whose first words occur as consecutive words of line (single spaces, trimmed), as a set of indices
     * into the names: bit i for name i, so iterating the bits upwards keeps the names' order.
     */
    long set(String text) {
        // read as bytes (one copy of a Latin-1 string): while the code is interpreted, each charAt is four calls (issue
        // 9). A character beyond Latin-1 reads as '?', which no name has: the names that pass are checked again.
        byte[] line = text.getBytes(StandardCharsets.ISO_8859_1);
        long found = 0;
        int n = line.length;
        int start = 0;
        while (start < n) {
            int end = space(line, start);
            int length = end - start;
            int c = line[start] & 0xFF;
            int[] sameInitial = c < 128 ? byInitial[c] : null;
            if (sameInitial == null) {
                start = end + 1;
                continue;
            }
            for (int f : sameInitial) {
                String first = firstWords[f];
                if (first.length() != length || !same(line, start, first)) continue;
                // the next word, once: each two-word name compares its second word with it
                int from = Math.min(end + 1, n);
                int to = space(line, from);
                int nextLength = to - from;
                for (int i : byFirstWord[f]) {
                    String second = secondWords[i];
                    if (second == null
                            || second.length() == nextLength && same(line, from, second))
                        found |= 1L << i;
                }
                break;
            }
            start = end + 1;
        }
        return found;
    }

    /** The candidate names, in order ({@link #set(String)} as a list). */
    List<String> of(String line) {
        List<String> out = new ArrayList<>(4);
        for (long set = set(line); set != 0; set &= set - 1) out.add(names.get(Long.numberOfTrailingZeros(set)));
        return out;
    }

    String name(int index) {
        return names.get(index);
    }


    /**
     * Whether word occurs in line at {@code at} (the caller checked that it fits). A plain loop: these words are a few
     * characters long, where {@code regionMatches}' vectorised compare costs more than it saves.
     */
    private static boolean same(byte[] line, int at, String word) {
        for (int i = 0; i < word.length(); i++) if ((line[at + i] & 0xFF) != word.charAt(i)) return false;
        return true;
    }

    /** The index of the first space at or after {@code from}, or the length. */
    private static int space(byte[] line, int from) {
        int i = from;
        while (i < line.length && line[i] != ' ') i++;
        return i;
    }
}
