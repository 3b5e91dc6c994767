package org.jexabgp.core.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jexabgp.core.model.ApiBinding;
import org.jexabgp.core.model.NextHopFamily;
import org.jexabgp.core.model.Route;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.IpAddress;
import org.jspecify.annotations.Nullable;

/**
 * A neighbour or template body while it is parsed: what was written, nothing defaulted, so templates can be merged
 * with ExaBGP's rules (config.md §5) before {@link NeighborBuild} applies defaults and validation.
 */
final class NeighborDraft {
    /** {@code auto} written for local-address, local-as or peer-as. */
    static final Object AUTO = new Object() {
        @Override
        public String toString() {
            return "auto";
        }
    };

    /** A scalar value and where it was written. */
    record Value(Object value, Token at) {}

    /** A list item and where it was written. */
    record Item<T>(T value, Token at) {}

    final Token opening;
    /** The peer address or template name, for messages. */
    final String label;
    final @Nullable IpAddress peer;
    final int peerLength;

    /** Neighbour and capability scalars by keyword ({@code hold-time}, {@code capability.asn4}, ...). */
    final Map<String, Value> scalars = new LinkedHashMap<>();

    @Nullable List<Item<Family>> families;
    @Nullable List<Item<Family>> addPath;
    @Nullable List<Item<NextHopFamily>> nextHops;
    final List<Item<ApiBinding>> api = new ArrayList<>();
    /** Compact (issue 9): a configuration may hold a million routes. */
    final RouteItems routes = new RouteItems();
    final List<Item<String>> inherit = new ArrayList<>();
    final List<Item<OperationalSyntax.Entry>> operational = new ArrayList<>();

    NeighborDraft(Token opening, String label, @Nullable IpAddress peer, int peerLength) {
        this.opening = opening;
        this.label = label;
        this.peer = peer;
        this.peerLength = peerLength;
    }

    void put(String key, Object value, Token at) {
        scalars.put(key, new Value(value, at));
    }

    @Nullable Object get(String key) {
        Value v = scalars.get(key);
        return v == null ? null : v.value();
    }

    /**
     * Merges a template into this neighbour with ExaBGP's quirk D8 (config.md §5): the template's scalars override
     * the neighbour's own, lists get the template's items after the neighbour's, and a key set to {@code auto} on both
     * sides cannot be merged.
     */
    void inherit(NeighborDraft template, Token at) throws ConfigError {
        for (Map.Entry<String, Value> e : template.scalars.entrySet()) {
            Value mine = scalars.get(e.getKey());
            if (mine != null && (mine.value() == AUTO || e.getValue().value() == AUTO))
                throw ConfigError.at(
                        at,
                        "a template without " + e.getKey(),
                        "can not merge '" + e.getKey() + "' from template, both sides set it");
            scalars.put(e.getKey(), e.getValue());
        }
        families = appended(families, template.families);
        addPath = appended(addPath, template.addPath);
        nextHops = appended(nextHops, template.nextHops);
        api.addAll(template.api);
        routes.addAll(template.routes);
        operational.addAll(template.operational);
    }

    private static <T> @Nullable List<Item<T>> appended(@Nullable List<Item<T>> mine, @Nullable List<Item<T>> theirs) {
        if (theirs == null) return mine;
        List<Item<T>> out = mine == null ? new ArrayList<>() : new ArrayList<>(mine);
        out.addAll(theirs);
        return out;
    }
}
