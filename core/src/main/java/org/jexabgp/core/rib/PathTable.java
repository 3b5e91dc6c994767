package org.jexabgp.core.rib;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.jexabgp.core.model.AttributeSet;
import org.jexabgp.core.model.Route;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.nlri.Nlri;
import org.jspecify.annotations.Nullable;

/**
 * Interned paths (ARCHITECTURE §7): everything of a route but its NLRI, shared by every route that has it, with an
 * {@code int} id and a reference count so churn frees what no route uses any more. One table per RIB, one thread.
 */
final class PathTable {
    /** A route without its NLRI. Equal paths get the same id, so comparing ids compares routes of one key. */
    record Path(
            @Nullable IpAddress nextHop,
            boolean nextHopSelf,
            AttributeSet attributes,
            @Nullable String watchdog,
            boolean withdrawn,
            @Nullable String name) {
        // Written out: a record's generated equals and hashCode are linked at run time through method handles,
        // milliseconds of every start for each record (issue 9).
        @Override
        public boolean equals(Object o) {
            return o instanceof Path p
                    && nextHopSelf == p.nextHopSelf
                    && withdrawn == p.withdrawn
                    && Objects.equals(attributes, p.attributes)
                    && Objects.equals(nextHop, p.nextHop)
                    && Objects.equals(watchdog, p.watchdog)
                    && Objects.equals(name, p.name);
        }

        @Override
        public int hashCode() {
            int h = Objects.hashCode(attributes);
            h = 31 * h + Objects.hashCode(nextHop);
            h = 31 * h + Boolean.hashCode(nextHopSelf);
            h = 31 * h + Objects.hashCode(watchdog);
            h = 31 * h + Boolean.hashCode(withdrawn);
            return 31 * h + Objects.hashCode(name);
        }

        static Path of(Route r) {
            return new Path(r.nextHop(), r.nextHopSelf(), r.attributes(), r.watchdog(), r.withdrawn(), r.name());
        }

        Route route(Nlri nlri) {
            return new Route(nlri, nextHop, nextHopSelf, attributes, watchdog, withdrawn, name);
        }

        /** Whether {@code r} has this path: the memo test, identity first (routes often share their values). */
        boolean matches(Route r) {
            return (attributes == r.attributes() || attributes.equals(r.attributes()))
                    && (nextHop == r.nextHop() || Objects.equals(nextHop, r.nextHop()))
                    && nextHopSelf == r.nextHopSelf()
                    && withdrawn == r.withdrawn()
                    && Objects.equals(watchdog, r.watchdog())
                    && Objects.equals(name, r.name());
        }

        /** Routes share an UPDATE only with identical attributes and next hop (wire.md §9.1). */
        boolean sameBucket(Path o) {
            return attributes.equals(o.attributes) && Objects.equals(nextHop, o.nextHop);
        }
    }

    private final Map<Path, Integer> ids = new HashMap<>();
    private Path[] paths = new Path[16];
    private int[] references = new int[16];
    private int[] free = new int[16];
    private int freeCount;
    private int next;
    private @Nullable Path last;
    private int lastId;

    PathTable() {}

    private PathTable(PathTable original) {
        ids.putAll(original.ids);
        paths = original.paths.clone();
        references = original.references.clone();
        free = original.free.clone();
        freeCount = original.freeCount;
        next = original.next;
        last = original.last;
        lastId = original.lastId;
    }

    /** An independent copy (paths themselves are values, shared). */
    PathTable copy() {
        return new PathTable(this);
    }

    /** The id of {@code route}'s path, counting one more reference to it. */
    int acquire(Route route) {
        // routes come in runs with one path (a config section, an API batch): no lookup, no allocation then
        Path l = last;
        if (l != null && paths[lastId] == l && l.matches(route)) {
            references[lastId]++;
            return lastId;
        }
        Path p = Path.of(route);
        Integer known = ids.get(p);
        if (known != null) {
            references[known]++;
            last = paths[known];
            lastId = known;
            return known;
        }
        int id;
        if (freeCount > 0) {
            id = free[--freeCount];
        } else {
            id = next++;
            if (id == paths.length) {
                paths = Arrays.copyOf(paths, id * 2);
                references = Arrays.copyOf(references, id * 2);
            }
        }
        paths[id] = p;
        references[id] = 1;
        ids.put(p, id);
        last = p;
        lastId = id;
        return id;
    }

    /** One more reference to a known id. */
    void retain(int id) {
        references[id]++;
    }

    /** {@code n} references more (n ≥ 0). */
    void retain(int id, int n) {
        references[id] += n;
    }

    /** One reference less; the path is forgotten at zero. */
    void release(int id) {
        if (--references[id] > 0) return;
        ids.remove(paths[id]);
        paths[id] = null;
        if (freeCount == free.length) free = Arrays.copyOf(free, freeCount * 2);
        free[freeCount++] = id;
    }

    Path get(int id) {
        return Objects.requireNonNull(paths[id]);
    }

    int size() {
        return ids.size();
    }
}
