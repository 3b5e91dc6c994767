package org.jexabgp.core.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The {@code template { neighbor <name> { … } }} sections of a parsed configuration (config.md §5), kept after the
 * parse so that a neighbour created at run time ({@code create neighbor}, docs/neighbors.md) can {@code inherit} them
 * as the file's own neighbours do. Nothing changes a template once its parse is over: merging one only reads it.
 */
public final class Templates {
    private static final Templates NONE = new Templates(Map.of());

    private final Map<String, NeighborDraft> byName;

    private Templates(Map<String, NeighborDraft> byName) {
        this.byName = byName;
    }

    /** No template at all. */
    public static Templates none() {
        return NONE;
    }

    static Templates of(Map<String, NeighborDraft> byName) {
        return byName.isEmpty() ? NONE : new Templates(Collections.unmodifiableMap(new LinkedHashMap<>(byName)));
    }

    /** The template names, in file order. */
    public Set<String> names() {
        return byName.keySet();
    }

    @Nullable NeighborDraft get(String name) {
        return byName.get(name);
    }

    @Override
    public String toString() {
        return "Templates" + names();
    }
}
