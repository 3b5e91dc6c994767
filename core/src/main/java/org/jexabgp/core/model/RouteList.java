package org.jexabgp.core.model;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.nlri.Prefix;
import org.jexabgp.wire.nlri.inet.InetNlri;
import org.jspecify.annotations.Nullable;

/**
 * An immutable list of configured routes that keeps the common ones small (issue 9: a million configured routes were a
 * million {@code Route}s, each with its NLRI, prefix, address and bytes, next to the Adj-RIB-Out's copy). An IPv4
 * {@link InetNlri} route is kept as one {@code long} (address and length) and the index of its shape, everything but
 * the prefix, shared by the routes written with the same attributes; any other route is kept as it is. {@link #get}
 * makes a {@code Route} equal to the one added, so the list behaves as any {@code List<Route>} (equality, hash code,
 * iteration order) and the reload's diff is unchanged.
 */
public final class RouteList extends AbstractList<Route> implements RandomAccess {
    private static final RouteList EMPTY = new Builder().build();

    /** A route of the shape, prefix aside: family, path id, next hop and the rest; the prefix is a stand-in. */
    private final Route[] shapes;
    /** Per route, its shape, or -1 when the route is kept whole in {@link #whole}. */
    private final int[] shapeOf;
    /** Per compact route, {@code address << 8 | length}. */
    private final long[] prefixes;
    private final Route @Nullable [] whole;
    private final int size;

    private RouteList(Route[] shapes, int[] shapeOf, long[] prefixes, Route @Nullable [] whole, int size) {
        this.shapes = shapes;
        this.shapeOf = shapeOf;
        this.prefixes = prefixes;
        this.whole = whole;
        this.size = size;
    }

    public static RouteList of(List<Route> routes) {
        if (routes instanceof RouteList r) return r;
        if (routes.isEmpty()) return EMPTY;
        Builder b = new Builder();
        for (Route r : routes) b.add(r);
        return b.build();
    }

    @Override
    public Route get(int index) {
        if (index < 0 || index >= size) throw new IndexOutOfBoundsException(index);
        return route(shapes, shapeOf, prefixes, whole, index);
    }

    @Override
    public int size() {
        return size;
    }

    /** What {@link #runs} hands out, in list order. */
    public interface RunVisitor {
        /** Routes {@code from} to {@code to - 1}: {@code shape} with the prefixes {@code address << 8 | length}. */
        void run(Route shape, long[] prefixes, int from, int to);

        /** A route kept whole. */
        void route(Route route);
    }

    /**
     * The routes in order, each run of compact routes of one shape as that shape and their prefixes: no route object
     * per prefix (issue 9: a neighbour's configured routes go to its Adj-RIB-Out this way).
     */
    public void runs(RunVisitor visitor) {
        int i = 0;
        while (i < size) {
            int s = shapeOf[i];
            if (s < 0) {
                assert whole != null;
                visitor.route(whole[i++]);
                continue;
            }
            int from = i;
            while (i < size && shapeOf[i] == s) i++;
            visitor.run(shapes[s], prefixes, from, i);
        }
    }

    private static Route route(Route[] shapes, int[] shapeOf, long[] prefixes, Route @Nullable [] whole, int i) {
        int s = shapeOf[i];
        if (s < 0) {
            assert whole != null;
            return whole[i];
        }
        return withPrefix(shapes[s], prefixes[i]);
    }

    /** {@code shape}, an IPv4 route, with the prefix {@code address << 8 | length} instead of its own. */
    public static Route withPrefix(Route shape, long prefix) {
        InetNlri nlri = (InetNlri) shape.nlri();
        Prefix p = new Prefix(IpAddress.v4(prefix >>> 8), (int) (prefix & 0xFF));
        return new Route(
                new InetNlri(nlri.family(), p, nlri.pathId()),
                shape.nextHop(),
                shape.nextHopSelf(),
                shape.attributes(),
                shape.watchdog(),
                shape.withdrawn(),
                shape.name());
    }

    /** What a shape is compared by: the route's fields but its prefix. */
    private record Shape(
            Family family,
            long pathId,
            @Nullable IpAddress nextHop,
            boolean self,
            AttributeSet attributes,
            @Nullable String watchdog,
            boolean withdrawn,
            @Nullable String name) {
        // Written out: a record's generated equals and hashCode are linked at run time through method handles,
        // milliseconds of every start for each record (issue 9).
        @Override
        public boolean equals(Object o) {
            return o instanceof Shape s
                    && pathId == s.pathId
                    && self == s.self
                    && withdrawn == s.withdrawn
                    && Objects.equals(family, s.family)
                    && Objects.equals(attributes, s.attributes)
                    && Objects.equals(nextHop, s.nextHop)
                    && Objects.equals(watchdog, s.watchdog)
                    && Objects.equals(name, s.name);
        }

        @Override
        public int hashCode() {
            int h = Objects.hashCode(family);
            h = 31 * h + Long.hashCode(pathId);
            h = 31 * h + Objects.hashCode(nextHop);
            h = 31 * h + Boolean.hashCode(self);
            h = 31 * h + Objects.hashCode(attributes);
            h = 31 * h + Objects.hashCode(watchdog);
            h = 31 * h + Boolean.hashCode(withdrawn);
            return 31 * h + Objects.hashCode(name);
        }
    }

    /** Collects routes in order; {@link #get} reads what was added so far. */
    public static final class Builder {
        private Route[] shapes = new Route[4];
        private int shapeCount;
        private final Map<Shape, Integer> shapeIndex = new HashMap<>();
        private int[] shapeOf = new int[16];
        private long[] prefixes = new long[16];
        private Route @Nullable [] whole;
        private int size;
        /** The last shape used: routes written with the same attribute text share their objects, no lookup. */
        private @Nullable Route last;

        private int lastIndex = -1;

        public Builder add(Route route) {
            if (size == shapeOf.length) grow();
            int shape = route.nlri() instanceof InetNlri nlri && nlri.prefix().address().isV4() ? shape(route, nlri) : -1;
            shapeOf[size] = shape;
            if (shape >= 0) {
                Prefix p = nlri(route).prefix();
                prefixes[size] = p.address().v4Value() << 8 | p.length();
            } else {
                Route[] w = whole;
                if (w == null) whole = w = new Route[shapeOf.length];
                w[size] = route;
            }
            size++;
            return this;
        }

        /**
         * An IPv4 route of {@code shape}'s family, path id, next hop and attributes (its own prefix aside) with the
         * prefix {@code address << 8 | length}: as {@link #add} of that route, without making it.
         */
        public Builder addV4(Route shape, long prefix) {
            if (!(shape.nlri() instanceof InetNlri nlri) || !nlri.prefix().address().isV4())
                throw new IllegalArgumentException("not an IPv4 route shape: " + shape);
            if (size == shapeOf.length) grow();
            shapeOf[size] = shape(shape, nlri);
            prefixes[size] = prefix;
            size++;
            return this;
        }

        public Builder addAll(List<Route> routes) {
            for (Route r : routes) add(r);
            return this;
        }

        public Route get(int index) {
            if (index < 0 || index >= size) throw new IndexOutOfBoundsException(index);
            return route(shapes, shapeOf, prefixes, whole, index);
        }

        public int size() {
            return size;
        }

        /** The families of the routes added (each once): from their shapes, and the routes kept whole. */
        public java.util.Set<Family> families() {
            java.util.Set<Family> out = new java.util.HashSet<>();
            for (int s = 0; s < shapeCount; s++) out.add(shapes[s].family());
            Route[] w = whole;
            if (w != null) for (int i = 0; i < size; i++) if (shapeOf[i] < 0) out.add(w[i].family());
            return out;
        }

        /** The family of a route added, without making the route. */
        public Family family(int index) {
            if (index < 0 || index >= size) throw new IndexOutOfBoundsException(index);
            int s = shapeOf[index];
            if (s >= 0) return shapes[s].family();
            Route[] w = whole;
            assert w != null;
            return w[index].family();
        }

        /**
         * The list of the routes added so far. Large arrays little used are shared rather than copied (issue 9: a
         * million routes are 12 MB, copied at the end of parsing); the builder only ever writes past them.
         */
        public RouteList build() {
            Route[] w = whole;
            boolean share = size >= 4096 && shapeOf.length - size <= shapeOf.length / 8;
            return new RouteList(
                    Arrays.copyOf(shapes, shapeCount),
                    share ? shapeOf : Arrays.copyOf(shapeOf, size),
                    share ? prefixes : Arrays.copyOf(prefixes, size),
                    w == null ? null : share ? w : Arrays.copyOf(w, size),
                    size);
        }

        private static InetNlri nlri(Route route) {
            return (InetNlri) route.nlri();
        }

        private int shape(Route route, InetNlri nlri) {
            Route l = last;
            if (l != null
                    && l.nextHop() == route.nextHop()
                    && l.attributes() == route.attributes()
                    && l.watchdog() == route.watchdog()
                    && l.name() == route.name()
                    && l.nextHopSelf() == route.nextHopSelf()
                    && l.withdrawn() == route.withdrawn()
                    && nlri(l).pathId() == nlri.pathId()
                    && nlri(l).family().equals(nlri.family())) return lastIndex;
            Shape key = new Shape(nlri.family(), nlri.pathId(), route.nextHop(), route.nextHopSelf(),
                    route.attributes(), route.watchdog(), route.withdrawn(), route.name());
            Integer known = shapeIndex.get(key);
            int index;
            if (known != null) {
                index = known;
            } else {
                index = shapeCount++;
                if (index == shapes.length) shapes = Arrays.copyOf(shapes, index * 2);
                shapes[index] = route;
                shapeIndex.put(key, index);
            }
            last = shapes[index];
            lastIndex = index;
            return index;
        }

        private void grow() {
            int n = shapeOf.length * 2;
            shapeOf = Arrays.copyOf(shapeOf, n);
            prefixes = Arrays.copyOf(prefixes, n);
            if (whole != null) whole = Arrays.copyOf(whole, n);
        }
    }
}
