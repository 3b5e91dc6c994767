package org.jexabgp.reactor.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One neighbour description of a command prefix (api.md §2.1): {@code neighbor <ip|*> [local-ip X] [local-as N]
 * [peer-as N] [router-id R] [family-allowed F]}. It matches a peer when every pair occurs in the peer's name.
 */
public record Selector(Map<String, String> pairs) {
    static final List<String> KEYS = List.of("neighbor", "local-ip", "local-as", "peer-as", "router-id", "family-allowed");

    public Selector {
        pairs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(pairs));
    }

    /** Whether a peer with this name (see {@code Neighbor.name()}) is described. */
    public boolean matches(String peerName) {
        String[] words = peerName.split(" ");
        for (Map.Entry<String, String> e : pairs.entrySet()) {
            if (e.getKey().equals("neighbor") && e.getValue().equals("*")) continue;
            if (!hasPair(words, e.getKey(), e.getValue())) return false;
        }
        return true;
    }

    private static boolean hasPair(String[] words, String key, String value) {
        for (int i = 0; i + 1 < words.length; i++) if (words[i].equals(key) && words[i + 1].equals(value)) return true;
        return false;
    }

    /** Whether any of these selects the peer; no selector at all selects every candidate. */
    public static boolean any(List<Selector> selectors, String peerName) {
        if (selectors.isEmpty()) return true;
        for (Selector s : selectors) if (s.matches(peerName)) return true;
        return false;
    }
}
