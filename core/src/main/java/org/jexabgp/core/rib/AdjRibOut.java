package org.jexabgp.core.rib;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jexabgp.core.model.AttributeSet;
import org.jexabgp.core.model.Route;
import org.jexabgp.core.rib.PathTable.Path;
import org.jexabgp.wire.Afi;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.Safi;
import org.jexabgp.wire.nlri.Prefix;
import org.jexabgp.wire.nlri.inet.InetNlri;
import org.jspecify.annotations.Nullable;

/**
 * What we send one neighbour (runtime.md §9): the cache of routes announced to it and the journal of changes not yet
 * sent. Lives across sessions and reloads; one thread (the reactor's) uses it.
 *
 * <p>Pending changes are kept as ExaBGP keeps them (wire.md §9.1): buckets by attribute set and next hop, then by
 * family, then by route, each in first-insertion order since the last drain. A change re-queued for a route that is
 * already pending keeps its place when its bucket is the same, else goes to the end of its new bucket.
 *
 * <p>Storage (ARCHITECTURE §7): every route key is a {@code int} slot. IPv4 unicast/multicast keys without path id
 * are a {@code long} held by their slot and found through a {@link SlotIndex}, and their routes are no object at all: a
 * slot holds the key and the id of an interned, reference-counted {@link Path}. Other families map their {@link
 * RouteKey} to a slot and keep their {@link Route}s (their NLRIs carry more than the key, labels for instance). Pending
 * changes are appended to per-bucket, per-family runs of (slot, path id, withdraw); a change that replaces one leaves a
 * hole, skipped at drain.
 */
public final class AdjRibOut {
    private static final int NONE = -1;
    /** The slot is pending in several buckets: its (bucket, position) pairs are in {@link #overflow}. */
    private static final int MULTI = -2;
    /** A fast key: family index above bit 40, mask length at bits 32–39, the IPv4 address below. */
    private static final int FAMILY_SHIFT = 40;

    private final boolean cache;
    private PathTable paths = new PathTable();
    private final UpdatePacker packer;
    /** Whether a drain has happened: from then on {@link #discardPending()} forgets unsent changes. */
    private boolean drained;
    /**
     * Whether the journal holds exactly what {@link #newSession()} would queue: every cached route once, in cache
     * order, of one family, and nothing else. True from creation until anything but a cached first announcement of a
     * key.
     */
    private boolean journalIsCache = true;

    private List<Family> families = new ArrayList<>();
    /** Family indices in the order they were first cached: {@link #routes()} lists them so. */
    private List<Integer> cachedFamilies = new ArrayList<>();

    private SlotIndex fastKeys = new SlotIndex();
    private Map<RouteKey, Integer> otherKeys = new HashMap<>();

    // per slot
    // per slot, in pages (Pages: growth copies no full page)
    private LongPages slotKey = new LongPages(64);
    private BytePages slotFamily = new BytePages(64);
    /** Null until a slot of another family is made (issue 9: a million IPv4 routes need none). */
    private @Nullable Other @Nullable [] slotOther;
    /** Path id of the cached route (fast slots), or NONE. */
    private IntPages sentPath = new IntPages(64, NONE);
    /** Insertion number in the cache, for its order (a replaced route keeps its place, a re-added one goes last). */
    private LongPages sentOrder = new LongPages(64);
    private IntPages pendingBucket = new IntPages(64, NONE);
    private IntPages pendingPosition = new IntPages(64, 0);
    private int[] freeSlots = new int[16];
    private int freeCount;
    private int nextSlot;
    private long insertions;

    // the journal
    private List<Bucket> buckets = new ArrayList<>();
    private Map<BucketKey, Bucket> bucketIndex = new HashMap<>();
    /** Per path id, its bucket this cycle: valid while the entry's path is the same object. */
    private @Nullable Bucket[] pathBucket = new Bucket[16];

    private @Nullable Path[] pathBucketKey = new Path[16];
    private Map<Integer, long[]> overflow = new HashMap<>();
    private int pendingSlots;
    private int cycle;
    private @Nullable Family lastFamily;
    private int lastFamilyIndex;

    /** What drains froze and did not pack yet, in sending order ({@link #packing()}). */
    private ArrayDeque<Frozen> frozen = new ArrayDeque<>();
    private final CountingSink counted = new CountingSink();

    /** A slot of a non-fast family: its key, and the cached route. */
    private static final class Other {
        final RouteKey key;
        @Nullable Route sent;

        Other(RouteKey key) {
            this.key = key;
        }
    }

    /** Part of a drain not yet packed. */
    private sealed interface Frozen permits FrozenKeys, FrozenChanges {}

    /** IPv4 routes of one bucket and family as primitive keys ({@link UpdatePacker#packInet}), packed from next on. */
    private static final class FrozenKeys implements Frozen {
        final Family family;
        final long[] keys;
        final int n;
        final AttributeSet attributes;
        final @Nullable IpAddress nextHop;
        final boolean grouped;
        final boolean includeWithdrawals;
        int next;

        FrozenKeys copy() {
            FrozenKeys c = new FrozenKeys(family, keys, n, attributes, nextHop, grouped, includeWithdrawals);
            c.next = next;
            return c;
        }

        FrozenKeys(Family family, long[] keys, int n, AttributeSet attributes, @Nullable IpAddress nextHop,
                boolean grouped, boolean includeWithdrawals) {
            this.family = family;
            this.keys = keys;
            this.n = n;
            this.attributes = attributes;
            this.nextHop = nextHop;
            this.grouped = grouped;
            this.includeWithdrawals = includeWithdrawals;
        }
    }

    /** The changes of one bucket and family in any other form: packed at once. */
    private record FrozenChanges(List<Change> changes, boolean grouped, boolean includeWithdrawals) implements Frozen {}

    /** Passes UPDATEs on, counting their bytes. */
    private static final class CountingSink implements UpdateSink {
        @Nullable UpdateSink to;
        long bytes;

        @Override
        public void update(byte[] message, int length) {
            bytes += length;
            Objects.requireNonNull(to).update(message, length);
        }

        @Override
        public void oversized(Family family, int attributeBytes) {
            Objects.requireNonNull(to).oversized(family, attributeBytes);
        }
    }

    private record BucketKey(org.jexabgp.core.model.AttributeSet attributes, @Nullable IpAddress nextHop) {
        // Written out: a record's generated equals and hashCode are linked at run time through method handles,
        // milliseconds of every start for each record (issue 9).
        @Override
        public boolean equals(Object o) {
            return o instanceof BucketKey k && Objects.equals(attributes, k.attributes)
                    && Objects.equals(nextHop, k.nextHop);
        }

        @Override
        public int hashCode() {
            return 31 * Objects.hashCode(attributes) + Objects.hashCode(nextHop);
        }
    }

    /** One bucket of the journal: changes sharing attributes and next hop, per family in first-insertion order. */
    private static final class Bucket {
        final int index;
        final int cycle;
        final Path path;
        final List<Run> runs = new ArrayList<>(1);

        Bucket(int index, int cycle, Path path) {
            this.index = index;
            this.cycle = cycle;
            this.path = path;
        }

        Bucket copy() {
            Bucket c = new Bucket(index, cycle, path);
            for (Run r : runs) c.runs.add(r.copy());
            return c;
        }

        Run run(int family) {
            for (Run r : runs) if (r.family == family) return r;
            Run r = new Run(family);
            runs.add(r);
            return r;
        }
    }

    /** The changes of one bucket and family, in first-insertion order; a removed change is a hole (value NONE). */
    private static final class Run {
        final int family;
        int[] slots = new int[8];
        /** path id << 1 | withdraw, or NONE. */
        int[] values = new int[8];

        @Nullable Route[] routes;
        int size;
        int live;
        int announcements;
        boolean allFast = true;

        Run(int family) {
            this.family = family;
        }

        Run copy() {
            Run c = new Run(family);
            c.slots = slots.clone();
            c.values = values.clone();
            c.routes = routes == null ? null : routes.clone();
            c.size = size;
            c.live = live;
            c.announcements = announcements;
            c.allFast = allFast;
            return c;
        }

        int append(int slot, int value, @Nullable Route route) {
            if (size == slots.length) {
                slots = Arrays.copyOf(slots, size * 2);
                values = Arrays.copyOf(values, size * 2);
                if (routes != null) routes = Arrays.copyOf(routes, size * 2);
            }
            slots[size] = slot;
            values[size] = value;
            if (route != null) {
                if (routes == null) routes = new Route[slots.length];
                routes[size] = route;
                allFast = false;
            }
            live++;
            if ((value & 1) == 0) announcements++;
            return size++;
        }
    }

    /**
     * @param cache {@code adj-rib-out} (default true); false keeps no cache: no dedup, nothing to resend
     * @param packer what this table's drains pack with: it holds nothing between calls but scratch buffers, so the
     *     tables drained on one thread can share one (issue 9: 17 KB less per neighbour, 3.3 MB for 200)
     */
    public AdjRibOut(boolean cache, UpdatePacker packer) {
        this.cache = cache;
        this.packer = packer;
    }

    /** @param cache {@code adj-rib-out} (default true); false keeps no cache: no dedup, nothing to resend */
    public AdjRibOut(boolean cache) {
        this(cache, new UpdatePacker());
    }

    public AdjRibOut() {
        this(true);
    }

    /**
     * An independent copy, equal in everything it will do: what one neighbour of an update group does when it is about
     * to be sent changes the others are not ({@link NeighborRibOut}). It shares the packer, as its original does.
     */
    public AdjRibOut copy() {
        AdjRibOut c = new AdjRibOut(cache, packer);
        c.paths = paths.copy();
        c.drained = drained;
        c.journalIsCache = journalIsCache;
        c.families = new ArrayList<>(families);
        c.cachedFamilies = new ArrayList<>(cachedFamilies);
        c.fastKeys = fastKeys.copy();
        c.otherKeys = new HashMap<>(otherKeys);
        c.slotKey = slotKey.copy();
        c.slotFamily = slotFamily.copy();
        @Nullable Other @Nullable [] others = slotOther;
        if (others != null) {
            @Nullable Other[] o = new Other[others.length];
            for (int i = 0; i < o.length; i++) {
                Other from = others[i];
                if (from == null) continue;
                o[i] = new Other(from.key);
                o[i].sent = from.sent;
            }
            c.slotOther = o;
        }
        c.sentPath = sentPath.copy();
        c.sentOrder = sentOrder.copy();
        c.pendingBucket = pendingBucket.copy();
        c.pendingPosition = pendingPosition.copy();
        c.freeSlots = freeSlots.clone();
        c.freeCount = freeCount;
        c.nextSlot = nextSlot;
        c.insertions = insertions;
        // pathBucket is a cache of bucketIndex: the copy starts without it (its entries would name our buckets)
        c.buckets = new ArrayList<>(buckets.size());
        for (Bucket b : buckets) {
            Bucket copied = b.copy();
            c.buckets.add(copied);
            c.bucketIndex.put(new BucketKey(b.path.attributes(), b.path.nextHop()), copied);
        }
        c.overflow = new HashMap<>(overflow.size() * 2);
        for (Map.Entry<Integer, long[]> e : overflow.entrySet()) c.overflow.put(e.getKey(), e.getValue().clone());
        c.pendingSlots = pendingSlots;
        c.cycle = cycle;
        for (Frozen f : frozen) c.frozen.add(f instanceof FrozenKeys k ? k.copy() : f);
        return c;
    }

    /**
     * Makes room for {@code more} routes about to be announced (a neighbour's configured routes): the tables are sized
     * once, not doubled step by step (issue 9: with a million routes the steps' garbage, promoted to the old
     * generation, grew the heap by as much as the tables themselves).
     */
    public void reserve(int more) {
        int wanted = nextSlot - freeCount + more;
        if (wanted > slotKey.capacity()) resizeSlots(wanted);
        fastKeys.reserve(more, slotKey);
    }

    /**
     * Queues an announcement. With the cache on, an announcement identical to the cached one (same NLRI, next hop and
     * attributes) is dropped (wire.md §9.1: {@code qa/encoding/api-nexthop-self.msg} sends once).
     */
    public void announce(Route route) {
        int slot = slotOf(route);
        Other other = other(slot);
        if (other == null) {
            announceFast(slot, route);
            return;
        }
        if (cache) {
            Route known = other.sent;
            if (known != null && sameAnnouncement(known, route)) return;
            if (known == null) {
                sentOrder.set(slot, insertions++);
                noteCached(slotFamily.get(slot));
            } else {
                journalIsCache = false;
            }
            other.sent = route;
        } else {
            journalIsCache = false;
        }
        queue(slot, paths.acquire(route), route, false);
    }

    /**
     * {@link #announce} of the IPv4 routes that differ from {@code shape} only by their prefixes, those of
     * {@code prefixes[from, to)}, each {@code address << 8 | length} (host bits clear): no route object per prefix (issue 9, ARCHITECTURE §8). The
     * shape must be {@linkplain #fastShape fast}.
     */
    public void announceV4(Route shape, long[] prefixes, int from, int to) {
        int family = familyIndex(shape.nlri().family());
        if (!cache) {
            for (int i = from; i < to; i++) announceFast(fastSlot(family, prefixes[i]), shape);
            return;
        }
        // A key not seen before is the common case (a configuration's routes, a program's first announcements): it
        // takes a new slot, is cached and queued at the end of the shape's bucket, all in this loop, with the path,
        // bucket and run looked up once (issue 9: a million configured routes took 0.2 s here, cold). A known key
        // goes the general way.
        int path = NONE;
        int references = 0;
        Bucket bucket = null;
        Run run = null;
        for (int i = from; i < to; i++) {
            long prefix = prefixes[i];
            long key = (long) family << FAMILY_SHIFT | (prefix & 0xFF) << 32 | prefix >>> 8;
            int slot = NONE;
            if (freeCount == 0 && nextSlot < slotKey.capacity()) {
                slotKey.set(nextSlot, key); // the index reads the key from there
                slot = fastKeys.addIfAbsent(nextSlot, slotKey);
            }
            if (slot != nextSlot) { // known, or no new slot at hand
                if (path != NONE) {
                    paths.retain(path, references);
                    path = NONE;
                }
                announceFast(slot != NONE ? slot : fastSlot(family, prefix), shape);
                continue;
            }
            if (path == NONE) {
                path = paths.acquire(shape);
                references = -1; // acquire took one
                bucket = bucketOf(path);
                run = bucket.run(family);
                noteCached(family);
            }
            nextSlot++;
            slotFamily.set(slot, (byte) family);
            if (slotOther != null) slotOther[slot] = null;
            sentPath.set(slot, path);
            sentOrder.set(slot, insertions++);
            pendingSlots++;
            pendingBucket.set(slot, bucket.index);
            pendingPosition.set(slot, run.append(slot, path << 1, null));
            references += 2; // the cache's and the journal's
        }
        if (path != NONE) paths.retain(path, references);
    }

    /** {@link #withdraw} of routes as {@link #announceV4} names them. */
    public void withdrawV4(Route shape, long[] prefixes, int from, int to) {
        int family = familyIndex(shape.nlri().family());
        for (int i = from; i < to; i++) withdrawFast(fastSlot(family, prefixes[i]), shape);
    }

    /** Whether routes of this shape, whatever their IPv4 prefix, are kept in the primitive tables. */
    public static boolean fastShape(Route shape) {
        return shape.nlri() instanceof InetNlri n && n.pathId() == 0 && fastFamily(n.family());
    }

    private int fastSlot(int family, long prefix) {
        long key = (long) family << FAMILY_SHIFT | (prefix & 0xFF) << 32 | prefix >>> 8;
        int slot = fastKeys.get(key, slotKey);
        if (slot != NONE) return slot;
        slot = newSlot(family, key, null);
        fastKeys.put(slot, slotKey);
        return slot;
    }

    /** An announcement into a slot of the primitive tables; {@code route}'s NLRI is not looked at. */
    private void announceFast(int slot, Route route) {
        if (!cache) {
            journalIsCache = false;
            queue(slot, paths.acquire(route), null, false);
            return;
        }
        int known = sentPath.get(slot);
        if (known != NONE && sameAnnouncement(paths.get(known), route)) return;
        int path = paths.acquire(route);
        if (known == NONE) {
            sentOrder.set(slot, insertions++);
            noteCached(slotFamily.get(slot));
        } else {
            journalIsCache = false;
            paths.release(known);
        }
        sentPath.set(slot, path);
        paths.retain(path);
        queue(slot, path, null, false);
    }

    /**
     * Queues a withdrawal, always, even for a route never announced (runtime.md §9). It replaces an unsent
     * announcement of the same route, and carries the attributes of the cached route it removes (wire.md §9.1).
     */
    public void withdraw(Route route) {
        journalIsCache = false;
        int slot = slotOf(route);
        Other other = other(slot);
        if (other == null) {
            withdrawFast(slot, route);
            return;
        }
        Route removed = cache ? other.sent : null;
        other.sent = null;
        // wire.md §9.6: a non-unicast MP withdrawal carries the attributes written in the withdraw command itself
        // (qa/encoding/api-flow.msg, api-vpls.msg); only unicast/multicast ones, which send no attributes, take the
        // removed route's bucket
        Family family = families.get(slotFamily.get(slot));
        Route carried = removed != null && PackingRules.unicastOrMulticast(family) ? removed : route;
        queue(slot, paths.acquire(carried), carried, true);
    }

    private void withdrawFast(int slot, Route route) {
        journalIsCache = false;
        int removed = cache ? sentPath.get(slot) : NONE;
        sentPath.set(slot, NONE);
        // the cache's reference to the removed path goes to the withdrawal
        queue(slot, removed != NONE ? removed : paths.acquire(route), null, true);
    }

    /**
     * True when a drain would produce messages (or, for a first pass, drop withdrawals): changes pending, or frozen by a
     * partial drain and not packed yet.
     */
    public boolean hasPending() {
        return pendingSlots > 0 || !frozen.isEmpty();
    }

    /** Re-queues every cached route: reconnect, {@code flush adj-rib out} (runtime.md §9). No dedup applies. */
    public void resendAll() {
        journalIsCache = false;
        for (int family : cachedFamilies) resendFamily(family);
    }

    /**
     * A session came up: the unsent changes are forgotten and the whole cache queued ({@link #discardPending()}, then
     * {@link #resendAll()}). A journal that already is that, the configured routes queued at load, is kept as it is
     * (issue 9: rebuilding it walked and queued a million routes again before the first UPDATE).
     */
    public void newSession() {
        if (journalIsCache) return;
        discardPending();
        resendAll();
    }

    /** Re-queues the cached routes of one family: a route refresh request for it. */
    public void resend(Family family) {
        journalIsCache = false;
        int index = families.indexOf(family);
        if (index >= 0) resendFamily(index);
    }

    private void resendFamily(int family) {
        for (int slot : cachedSlots(family)) {
            Other other = other(slot);
            if (other == null) {
                int path = sentPath.get(slot);
                paths.retain(path);
                queue(slot, path, null, false);
            } else {
                Route r = Objects.requireNonNull(other.sent);
                queue(slot, paths.acquire(r), r, false);
            }
        }
    }

    /** Forgets unsent changes; the cache stays. A reconnect does this, then {@link #resendAll()}. */
    public void discardPending() {
        journalIsCache = false;
        frozen.clear(); // a partial drain's rest was for the session that ended
        if (drained) {
            clearPending();
            return;
        }
        // config.md §11: before the first drain, an announcement that a later definition of the same key replaced
        // (other attributes) is still sent in the first batch, as ExaBGP does (qa/encoding/conf-flow-redirect.msg,
        // api-flow-merge.msg); the current routes come back through resendAll()
        List<long[]> superseded = new ArrayList<>();
        List<@Nullable Route> supersededRoutes = new ArrayList<>();
        for (Bucket b : buckets) {
            for (Run run : b.runs) {
                for (int i = 0; i < run.size; i++) {
                    int v = run.values[i];
                    if (v == NONE || (v & 1) != 0) continue;
                    int slot = run.slots[i];
                    int path = v >>> 1;
                    Route route = run.routes == null ? null : run.routes[i];
                    Other other = other(slot);
                    boolean replaced = other == null
                            ? sentPath.get(slot) != NONE && sentPath.get(slot) != path
                            : other.sent != null && !other.sent.equals(route);
                    if (!replaced) continue;
                    paths.retain(path); // survives clearPending: queue takes it over
                    superseded.add(new long[] {slot, path});
                    supersededRoutes.add(route);
                }
            }
        }
        clearPending();
        for (int i = 0; i < superseded.size(); i++) {
            long[] s = superseded.get(i);
            queue((int) s[0], (int) s[1], supersededRoutes.get(i), false);
        }
    }

    /** Queues a withdrawal of every cached route and empties the cache: {@code clear adj-rib out}. */
    public void withdrawAll() {
        List<Route> all = routes();
        for (Route r : all) withdraw(r);
    }

    /** The cached routes, family by family in first-use order, for {@code show adj-rib out}. Empty without cache. */
    public List<Route> routes() {
        List<Route> out = new ArrayList<>();
        for (int family : cachedFamilies) {
            for (int slot : cachedSlots(family)) out.add(cachedRoute(slot));
        }
        return out;
    }

    /** The cached routes of one family. */
    public List<Route> routes(Family family) {
        int index = families.indexOf(family);
        if (index < 0) return List.of();
        List<Route> out = new ArrayList<>();
        for (int slot : cachedSlots(index)) out.add(cachedRoute(slot));
        return List.copyOf(out);
    }

    /**
     * Freezes every pending change into UPDATE messages for this session, in ExaBGP's order (wire.md §9.1–§9.3), and
     * empties the journal. What an earlier {@linkplain #drain(Negotiated, PackingOptions, boolean, UpdateSink, long)
     * partial drain} froze goes first.
     *
     * @param includeWithdrawals false for the first pass after the session came up (wire.md §9.6): withdrawals are
     *     dropped
     */
    public void drain(Negotiated session, PackingOptions options, boolean includeWithdrawals, UpdateSink sink) {
        emit(session, sink, Long.MAX_VALUE);
        freeze(options, includeWithdrawals);
        emit(session, sink, Long.MAX_VALUE);
    }

    /**
     * As {@link #drain(Negotiated, PackingOptions, boolean, UpdateSink)}, but stops once at least {@code bytes} bytes of
     * UPDATEs were given to the sink, keeping the rest frozen for the next call; the journal is frozen again only when
     * nothing frozen is left, so changes made meanwhile go after, as they would have. The messages are the same as one
     * whole drain's: a large Adj-RIB-Out's first UPDATEs can be on their way while the rest is packed (issue 9).
     * Frozen withdrawals follow the {@code includeWithdrawals} of the call that froze them.
     */
    public void drain(
            Negotiated session, PackingOptions options, boolean includeWithdrawals, UpdateSink sink, long bytes) {
        if (frozen.isEmpty()) freeze(options, includeWithdrawals);
        emit(session, sink, bytes);
    }

    /** {@link #drain(Negotiated, PackingOptions, boolean, UpdateSink)}, collecting copies of the messages. */
    public List<byte[]> drain(Negotiated session, PackingOptions options, boolean includeWithdrawals) {
        List<byte[]> out = new ArrayList<>();
        drain(session, options, includeWithdrawals, (message, length) -> out.add(Arrays.copyOf(message, length)));
        return out;
    }

    /** Packs, whole, what partial drains froze: the UPDATEs that a whole drain would already have given. */
    public void packFrozen(Negotiated session, UpdateSink sink) {
        emit(session, sink, Long.MAX_VALUE);
    }

    /** Whether a partial drain left changes frozen but not yet packed: UPDATEs still to send. */
    public boolean packing() {
        return !frozen.isEmpty();
    }

    /** Moves the journal's changes, in sending order, to {@link #frozen}, and empties the journal. */
    private void freeze(PackingOptions options, boolean includeWithdrawals) {
        // each run's entries are ended in the pass that freezes them (issue 9: one pass over a million pending routes,
        // not a second one after; each such loop ran interpreted at first, then was compiled on its own). A slot in
        // two runs may be freed by the first and read by the second: freeing keeps its key and family, and no slot
        // is taken during a freeze.
        for (Bucket b : buckets) {
            for (Run run : b.runs) {
                if (run.live == 0) {
                    for (int i = 0; i < run.size; i++) endEntry(run, i);
                    continue;
                }
                Family family = families.get(run.family);
                // wire.md §9.2: one UPDATE group per bucket and family when grouping, else one per route
                boolean grouped = options.groupUpdates() && PackingRules.groupable(family);
                IpAddress nh = b.path.nextHop();
                // IPv4 routes whose next hop is IPv4 (or which only withdraw) use the classic fields: packed from keys
                if (run.allFast && (run.announcements == 0 || nh != null && nh.isV4())) {
                    frozen.add(frozenKeys(b, run, family, grouped, includeWithdrawals));
                    continue;
                }
                List<Change> changes = new ArrayList<>(run.live);
                for (int i = 0; i < run.size; i++) {
                    // an entry holds its own reference to its path: ending it cannot free a path a later one reads
                    if (run.values[i] != NONE) changes.add(change(run, i));
                    endEntry(run, i);
                }
                frozen.add(new FrozenChanges(changes, grouped, includeWithdrawals));
            }
        }
        drained = true;
        journalIsCache = false;
        endJournal();
    }

    /** The run's routes as keys to pack, its entries ended meanwhile. */
    private FrozenKeys frozenKeys(Bucket b, Run run, Family family, boolean grouped, boolean includeWithdrawals) {
        long[] keys = new long[run.live];
        int n = 0;
        for (int i = 0; i < run.size; i++) {
            int v = run.values[i];
            if (v != NONE) keys[n++] = (slotKey.get(run.slots[i]) & ((1L << FAMILY_SHIFT) - 1)) << 1 | (v & 1);
            endEntry(run, i);
        }
        // a group goes in ExaBGP's order, mask length then prefix (UpdatePacker.packInet); single routes in the run's
        if (grouped && n > 1) Arrays.sort(keys, 0, n);
        return new FrozenKeys(family, keys, n, b.path.attributes(), b.path.nextHop(), grouped, includeWithdrawals);
    }

    /** Packs what is frozen, in order, until at least {@code bytes} bytes went to the sink or nothing is left. */
    private void emit(Negotiated session, UpdateSink sink, long bytes) {
        counted.to = sink;
        counted.bytes = 0;
        while (!frozen.isEmpty() && counted.bytes < bytes) {
            // a test of the type, not a switch on it: such a switch is linked at run time, milliseconds of a start
            if (frozen.peekFirst() instanceof FrozenKeys k) {
                if (k.grouped) {
                    k.next = packer.packInet(k.family, k.keys, k.next, k.n, k.attributes, k.nextHop, session,
                            k.includeWithdrawals, counted, bytes - counted.bytes);
                } else {
                    while (k.next < k.n && counted.bytes < bytes) {
                        packer.packInet(k.family, k.keys, k.next, k.next + 1, k.attributes, k.nextHop, session,
                                k.includeWithdrawals, counted, Long.MAX_VALUE);
                        k.next++;
                    }
                }
                if (k.next == k.n) frozen.removeFirst();
            } else {
                FrozenChanges c = (FrozenChanges) frozen.removeFirst();
                int first = sink instanceof DrainRecording r ? r.size() : 0;
                if (c.grouped) {
                    packer.pack(c.changes, session, c.includeWithdrawals, counted);
                } else {
                    for (Change change : c.changes)
                        packer.pack(List.of(change), session, c.includeWithdrawals, counted);
                }
                // packed at once, given at once: a recording keeps that (NeighborRibOut replays it in parts)
                if (sink instanceof DrainRecording r) r.together(first);
            }
        }
        counted.to = null;
    }

    private Change change(Run run, int i) {
        Route r = run.routes == null ? null : run.routes[i];
        int v = run.values[i];
        if (r == null) r = paths.get(v >>> 1).route(fastNlri(run.slots[i]));
        return new Change(r, (v & 1) != 0);
    }

    private void queue(int slot, int path, @Nullable Route route, boolean withdraw) {
        Bucket bucket = bucketOf(path);
        int family = slotFamily.get(slot);
        // config.md §11: an announcement with other attributes leaves the pending one in its bucket, so both are sent
        // (ExaBGP's add_to_rib only adds; qa/encoding/conf-l2vpn.msg sends two routes of one key). A withdrawal
        // cancels every pending announcement of the key (ExaBGP's del_from_rib). Unlike ExaBGP, an older announcement
        // is also dropped when its bucket would go out after the new one: the peer must end with the latest route.
        // (A bucket created by this change goes out last, so "new bucket" needs no test of its own.)
        int position = NONE;
        int where = pendingBucket.get(slot);
        if (where == MULTI) {
            long[] list = Objects.requireNonNull(overflow.get(slot));
            int kept = 0;
            for (long entry : list) {
                int b = (int) (entry >>> 32);
                int p = (int) entry;
                if (b == bucket.index) {
                    position = p;
                } else if (withdraw || b > bucket.index) {
                    removeEntry(buckets.get(b), family, p);
                    continue;
                }
                list[kept++] = entry;
            }
            if (position == NONE) {
                position = bucket.run(family).append(slot, path << 1 | (withdraw ? 1 : 0), route);
                list = Arrays.copyOf(list, kept + 1);
                list[kept++] = (long) bucket.index << 32 | position;
            } else {
                replaceEntry(bucket.run(family), position, path, route, withdraw);
            }
            if (kept == 1) {
                overflow.remove(slot);
                pendingBucket.set(slot, (int) (list[0] >>> 32));
                pendingPosition.set(slot, (int) list[0]);
            } else {
                overflow.put(slot, Arrays.copyOf(list, kept));
            }
            return;
        }
        if (where == bucket.index) {
            // Within the same bucket the change takes the pending one's place, as a Python dict assignment does:
            // api-fast's "announce A, announce B, withdraw A" sends the withdrawal of A before B.
            replaceEntry(bucket.run(family), pendingPosition.get(slot), path, route, withdraw);
            return;
        }
        boolean keep = false;
        if (where != NONE) {
            keep = !withdraw && where < bucket.index;
            if (!keep) {
                // Keep the emptied bucket/family in place: a later change for it goes back to its first slot.
                removeEntry(buckets.get(where), family, pendingPosition.get(slot));
            }
        } else {
            pendingSlots++;
        }
        position = bucket.run(family).append(slot, path << 1 | (withdraw ? 1 : 0), route);
        if (keep) {
            long older = (long) where << 32 | pendingPosition.get(slot);
            overflow.put(slot, new long[] {older, (long) bucket.index << 32 | position});
            pendingBucket.set(slot, MULTI);
        } else {
            pendingBucket.set(slot, bucket.index);
            pendingPosition.set(slot, position);
        }
    }

    private void replaceEntry(Run run, int position, int path, @Nullable Route route, boolean withdraw) {
        int old = run.values[position];
        paths.release(old >>> 1);
        if ((old & 1) == 0) run.announcements--;
        if (!withdraw) run.announcements++;
        run.values[position] = path << 1 | (withdraw ? 1 : 0);
        if (route != null || run.routes != null) {
            if (run.routes == null) run.routes = new Route[run.slots.length];
            run.routes[position] = route;
            if (route != null) run.allFast = false;
        }
    }

    private void removeEntry(Bucket bucket, int family, int position) {
        Run run = bucket.run(family);
        int old = run.values[position];
        paths.release(old >>> 1);
        if ((old & 1) == 0) run.announcements--;
        run.values[position] = NONE;
        if (run.routes != null) run.routes[position] = null;
        run.live--;
    }

    private Bucket bucketOf(int path) {
        Path p = paths.get(path);
        if (path < pathBucket.length && pathBucketKey[path] == p) {
            Bucket b = pathBucket[path];
            if (b != null && b.cycle == cycle) return b;
        }
        BucketKey key = new BucketKey(p.attributes(), p.nextHop());
        Bucket b = bucketIndex.get(key);
        if (b == null) {
            b = new Bucket(buckets.size(), cycle, p);
            buckets.add(b);
            bucketIndex.put(key, b);
        }
        if (path >= pathBucket.length) {
            int size = Math.max(path + 1, pathBucket.length * 2);
            pathBucket = Arrays.copyOf(pathBucket, size);
            pathBucketKey = Arrays.copyOf(pathBucketKey, size);
        }
        pathBucket[path] = b;
        pathBucketKey[path] = p;
        return b;
    }

    private void clearPending() {
        for (Bucket b : buckets)
            for (Run run : b.runs)
                for (int i = 0; i < run.size; i++) endEntry(run, i);
        endJournal();
    }

    /**
     * Ends one journal entry: its path reference goes, and, at the slot's first entry in the journal, its slot too
     * unless the cache holds the route.
     */
    private void endEntry(Run run, int i) {
        int slot = run.slots[i];
        int v = run.values[i];
        if (v != NONE) paths.release(v >>> 1);
        if (pendingBucket.get(slot) == NONE) return; // seen already
        pendingBucket.set(slot, NONE);
        if (!cached(slot)) freeSlot(slot);
    }

    /** Once every entry is ended: the journal starts empty. */
    private void endJournal() {
        // pathBucket still names the old buckets (cheaper than clearing it): let go of their runs at least, a drain
        // of a million routes leaves 8 MB in them
        for (Bucket b : buckets) b.runs.clear();
        buckets.clear();
        bucketIndex.clear();
        overflow.clear();
        cycle++; // every bucket remembered in pathBucket is stale now
        pendingSlots = 0;
    }

    // slots

    private int slotOf(Route route) {
        if (route.nlri() instanceof InetNlri n && n.pathId() == 0 && fast(n)) {
            Prefix p = n.prefix();
            return fastSlot(familyIndex(n.family()), p.address().v4Value() << 8 | p.length());
        }
        RouteKey key = RouteKey.of(route.nlri());
        Integer known = otherKeys.get(key);
        if (known != null) return known;
        int slot = newSlot(familyIndex(key.family()), 0, new Other(key));
        otherKeys.put(key, slot);
        return slot;
    }

    /** IPv4 unicast/multicast without host bits (which the syntax rejects): the key is the whole NLRI. */
    private static boolean fast(InetNlri n) {
        if (!fastFamily(n.family())) return false;
        Prefix p = n.prefix();
        long host = p.length() == 32 ? 0 : 0xFFFFFFFFL >>> p.length();
        return (p.address().v4Value() & host) == 0;
    }

    private static boolean fastFamily(Family f) {
        return f.afi().equals(Afi.IPV4) && (f.safi().equals(Safi.UNICAST) || f.safi().equals(Safi.MULTICAST));
    }

    private InetNlri fastNlri(int slot) {
        long key = slotKey.get(slot);
        int length = (int) (key >>> 32) & 0xFF;
        return new InetNlri(families.get(slotFamily.get(slot)), new Prefix(IpAddress.v4(key & 0xFFFFFFFFL), length), 0);
    }

    private int newSlot(int family, long key, @Nullable Other other) {
        int slot;
        if (freeCount > 0) {
            slot = freeSlots[--freeCount];
        } else {
            slot = nextSlot++;
            if (slot == slotKey.capacity()) resizeSlots(slot + 1);
        }
        slotKey.set(slot, key);
        slotFamily.set(slot, (byte) family);
        if (other != null && slotOther == null) slotOther = new Other[slotKey.capacity()];
        if (slotOther != null) slotOther[slot] = other;
        sentPath.set(slot, NONE);
        pendingBucket.set(slot, NONE);
        return slot;
    }

    private @Nullable Other other(int slot) {
        @Nullable Other @Nullable [] o = slotOther;
        return o == null ? null : o[slot];
    }

    private void freeSlot(int slot) {
        Other other = other(slot);
        if (other == null) fastKeys.remove(slotKey.get(slot), slotKey);
        else otherKeys.remove(other.key);
        if (slotOther != null) slotOther[slot] = null;
        if (freeCount == freeSlots.length) freeSlots = Arrays.copyOf(freeSlots, freeCount * 2);
        freeSlots[freeCount++] = slot;
    }

    /** Makes room for slots below {@code wanted} in every column (they grow alike, so one capacity is theirs). */
    private void resizeSlots(int wanted) {
        slotKey.ensure(wanted);
        int size = slotKey.capacity();
        slotFamily.ensure(size);
        sentPath.ensure(size);
        sentOrder.ensure(size);
        pendingBucket.ensure(size);
        pendingPosition.ensure(size);
        if (slotOther != null) slotOther = Arrays.copyOf(slotOther, size);
    }

    private int familyIndex(Family family) {
        // one family at a time is the common case: skip the record comparisons
        if (family == lastFamily) return lastFamilyIndex;
        int i = familyIndexOf(family);
        lastFamily = family;
        lastFamilyIndex = i;
        return i;
    }

    private int familyIndexOf(Family family) {
        int i = families.indexOf(family);
        if (i >= 0) return i;
        if (families.size() == Byte.MAX_VALUE) throw new IllegalStateException("too many families");
        families.add(family);
        return families.size() - 1;
    }

    private void noteCached(int family) {
        if (cachedFamilies.contains(family)) return;
        cachedFamilies.add(family);
        // resendAll queues family by family: with several, its buckets' runs may come in another order
        if (cachedFamilies.size() > 1) journalIsCache = false;
    }

    /** {@code adj-rib-out}: whether it keeps a cache. */
    boolean cached() {
        return cache;
    }

    UpdatePacker packer() {
        return packer;
    }

    /** Whether nothing was ever done to it: equal to a new table with the same cache setting. */
    boolean untouched() {
        return journalIsCache && families.isEmpty() && !drained && frozen.isEmpty();
    }

    /** Whether {@link #newSession()} has nothing to do. */
    boolean journalIsCache() {
        return journalIsCache;
    }

    /** Slots ever used: what a {@link #copy()} copies. */
    int slotCount() {
        return nextSlot;
    }

    /** How many distinct paths the cache and the journal hold: for tests. */
    int pathsHeld() {
        return paths.size();
    }

    private boolean cached(int slot) {
        Other other = other(slot);
        return other == null ? sentPath.get(slot) != NONE : other.sent != null;
    }

    /** The cached slots of a family, in cache insertion order. */
    private int[] cachedSlots(int family) {
        int n = 0;
        int[] found = new int[16];
        boolean sorted = true;
        for (int slot = 0; slot < nextSlot; slot++) {
            // a free slot is never cached: slots are freed only once out of the cache and the journal
            if (slotFamily.get(slot) != family || !cached(slot)) continue;
            if (n == found.length) found = Arrays.copyOf(found, n * 2);
            if (n > 0 && sentOrder.get(found[n - 1]) > sentOrder.get(slot)) sorted = false;
            found[n++] = slot;
        }
        found = Arrays.copyOf(found, n);
        // issue 9: routes loaded at once are in slot order already; else sort without boxing while orders fit 31 bits
        if (sorted) return found;
        if (insertions <= Integer.MAX_VALUE) {
            long[] keyed = new long[n];
            for (int i = 0; i < n; i++) keyed[i] = sentOrder.get(found[i]) << 32 | found[i];
            Arrays.sort(keyed);
            for (int i = 0; i < n; i++) found[i] = (int) keyed[i];
            return found;
        }
        Integer[] boxed = new Integer[n];
        for (int i = 0; i < n; i++) boxed[i] = found[i];
        Arrays.sort(boxed, (a, b) -> Long.compare(sentOrder.get(a), sentOrder.get(b)));
        for (int i = 0; i < n; i++) found[i] = boxed[i];
        return found;
    }

    private Route cachedRoute(int slot) {
        Other other = other(slot);
        return other == null ? paths.get(sentPath.get(slot)).route(fastNlri(slot)) : Objects.requireNonNull(other.sent);
    }

    private static boolean sameAnnouncement(Path known, Route route) {
        return known.attributes().equals(route.attributes()) && Objects.equals(known.nextHop(), route.nextHop());
    }

    private static boolean sameAnnouncement(Route a, Route b) {
        return a.nlri().equals(b.nlri()) && a.attributes().equals(b.attributes())
                && Objects.equals(a.nextHop(), b.nextHop());
    }
}
