package org.jexabgp.core.rib;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jexabgp.core.model.AttributeSet;
import org.jexabgp.core.model.Route;
import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.Negotiated;
import org.jspecify.annotations.Nullable;

/** The Adj-RIB-Out as it was before its primitive storage (maps of records): the oracle of AdjRibOutDifferentialTest.
 *
 * What we send one neighbour (runtime.md §9): the cache of routes announced to it and the journal of changes not yet
 * sent. Lives across sessions and reloads; one thread (the reactor's) uses it.
 *
 * <p>Pending changes are kept as ExaBGP keeps them (wire.md §9.1): buckets by attribute set and next hop, then by
 * family, then by route, each in first-insertion order since the last drain. A change re-queued for a route that is
 * already pending keeps its place when its bucket is the same, else goes to the end of its new bucket.
 *
 * <p>The storage is private on purpose: inet routes can move to primitive tables without changing this API.
 */
final class ReferenceAdjRibOut {
    private final boolean cache;
    private final Map<Family, LinkedHashMap<Bytes, Route>> sent = new LinkedHashMap<>();
    private final LinkedHashMap<Bucket, LinkedHashMap<Family, LinkedHashMap<Bytes, Change>>> pending =
            new LinkedHashMap<>();
    /** Where each key has pending changes: usually one bucket; several while superseded announcements wait. */
    private final Map<RouteKey, List<Bucket>> pendingBucket = new LinkedHashMap<>();
    private final UpdatePacker packer = new UpdatePacker();
    /** Whether a drain has happened: from then on {@link #discardPending()} forgets unsent changes. */
    private boolean drained;

    /** @param cache {@code adj-rib-out} (default true); false keeps no cache: no dedup, nothing to resend */
    ReferenceAdjRibOut(boolean cache) {
        this.cache = cache;
    }

    ReferenceAdjRibOut() {
        this(true);
    }

    /** Routes share an UPDATE only with identical attributes and next hop (wire.md §9.1). */
    private record Bucket(AttributeSet attributes, @Nullable IpAddress nextHop) {}

    /**
     * Queues an announcement. With the cache on, an announcement identical to the cached one (same NLRI, next hop and
     * attributes) is dropped (wire.md §9.1: {@code qa/encoding/api-nexthop-self.msg} sends once).
     */
    public void announce(Route route) {
        RouteKey key = RouteKey.of(route.nlri());
        if (cache) {
            Map<Bytes, Route> family = sent.computeIfAbsent(key.family(), f -> new LinkedHashMap<>());
            Route known = family.get(key.nlriKey());
            if (known != null && sameAnnouncement(known, route)) return;
            family.put(key.nlriKey(), route);
        }
        queue(key, Change.announce(route));
    }

    /**
     * Queues a withdrawal, always, even for a route never announced (runtime.md §9). It replaces an unsent
     * announcement of the same route, and carries the attributes of the cached route it removes (wire.md §9.1).
     */
    public void withdraw(Route route) {
        RouteKey key = RouteKey.of(route.nlri());
        Route removed = null;
        if (cache) {
            Map<Bytes, Route> family = sent.get(key.family());
            if (family != null) removed = family.remove(key.nlriKey());
        }
        // wire.md §9.6: a non-unicast MP withdrawal carries the attributes written in the withdraw command itself
        // (qa/encoding/api-flow.msg, api-vpls.msg); only unicast/multicast ones, which send no attributes, take the
        // removed route's bucket
        boolean reuse = removed != null && PackingRules.unicastOrMulticast(key.family());
        queue(key, Change.withdraw(reuse ? removed : route));
    }

    /** True when a drain would produce messages (or, for a first pass, drop withdrawals). */
    public boolean hasPending() {
        return !pendingBucket.isEmpty();
    }

    /** Re-queues every cached route: reconnect, {@code flush adj-rib out} (runtime.md §9). No dedup applies. */
    public void resendAll() {
        for (Map<Bytes, Route> family : sent.values()) {
            for (Route r : family.values()) queue(RouteKey.of(r.nlri()), Change.announce(r));
        }
    }

    /** Re-queues the cached routes of one family: a route refresh request for it. */
    public void resend(Family family) {
        Map<Bytes, Route> routes = sent.get(family);
        if (routes == null) return;
        for (Route r : routes.values()) queue(RouteKey.of(r.nlri()), Change.announce(r));
    }

    /** Forgets unsent changes; the cache stays. A reconnect does this, then {@link #resendAll()}. */
    public void discardPending() {
        if (drained) {
            clearPending();
            return;
        }
        // config.md §11: before the first drain, an announcement that a later definition of the same key replaced
        // (other attributes) is still sent in the first batch, as ExaBGP does (qa/encoding/conf-flow-redirect.msg,
        // api-flow-merge.msg); the current routes come back through resendAll()
        List<Change> superseded = new ArrayList<>();
        for (LinkedHashMap<Family, LinkedHashMap<Bytes, Change>> families : pending.values()) {
            for (Map.Entry<Family, LinkedHashMap<Bytes, Change>> e : families.entrySet()) {
                Map<Bytes, Route> cached = sent.get(e.getKey());
                for (Map.Entry<Bytes, Change> c : e.getValue().entrySet()) {
                    Route current = cached == null ? null : cached.get(c.getKey());
                    if (!c.getValue().withdraw() && current != null && !current.equals(c.getValue().route()))
                        superseded.add(c.getValue());
                }
            }
        }
        clearPending();
        for (Change c : superseded) queue(c.key(), c);
    }

    private void clearPending() {
        pending.clear();
        pendingBucket.clear();
    }

    /** Queues a withdrawal of every cached route and empties the cache: {@code clear adj-rib out}. */
    public void withdrawAll() {
        List<Route> all = routes();
        for (Route r : all) withdraw(r);
    }

    /** The cached routes, family by family in first-use order, for {@code show adj-rib out}. Empty without cache. */
    public List<Route> routes() {
        List<Route> out = new ArrayList<>();
        for (Map<Bytes, Route> family : sent.values()) out.addAll(family.values());
        return out;
    }

    /** The cached routes of one family. */
    public List<Route> routes(Family family) {
        Map<Bytes, Route> routes = sent.get(family);
        return routes == null ? List.of() : List.copyOf(routes.values());
    }

    /**
     * Freezes every pending change into UPDATE messages for this session, in ExaBGP's order (wire.md §9.1–§9.3), and
     * empties the journal.
     *
     * @param includeWithdrawals false for the first pass after the session came up (wire.md §9.6): withdrawals are
     *     dropped
     */
    public void drain(Negotiated session, PackingOptions options, boolean includeWithdrawals, UpdateSink sink) {
        List<Change> group = new ArrayList<>();
        for (LinkedHashMap<Family, LinkedHashMap<Bytes, Change>> families : pending.values()) {
            for (Map.Entry<Family, LinkedHashMap<Bytes, Change>> e : families.entrySet()) {
                if (e.getValue().isEmpty()) continue;
                // wire.md §9.2: one UPDATE group per bucket and family when grouping, else one per route
                if (options.groupUpdates() && PackingRules.groupable(e.getKey())) {
                    group.clear();
                    group.addAll(e.getValue().values());
                    packer.pack(group, session, includeWithdrawals, sink);
                } else {
                    for (Change c : e.getValue().values()) {
                        packer.pack(List.of(c), session, includeWithdrawals, sink);
                    }
                }
            }
        }
        drained = true;
        clearPending();
    }

    /** {@link #drain(Negotiated, PackingOptions, boolean, UpdateSink)}, collecting copies of the messages. */
    public List<byte[]> drain(Negotiated session, PackingOptions options, boolean includeWithdrawals) {
        List<byte[]> out = new ArrayList<>();
        drain(session, options, includeWithdrawals, (message, length) -> out.add(Arrays.copyOf(message, length)));
        return out;
    }

    private void queue(RouteKey key, Change change) {
        Route r = change.route();
        Bucket bucket = new Bucket(r.attributes(), r.nextHop());
        List<Bucket> where = pendingBucket.computeIfAbsent(key, k -> new ArrayList<>(1));
        // config.md §11: an announcement with other attributes leaves the pending one in its bucket, so both are sent
        // (ExaBGP's add_to_rib only adds; qa/encoding/conf-l2vpn.msg sends two routes of one key). A withdrawal
        // cancels every pending announcement of the key (ExaBGP's del_from_rib). Unlike ExaBGP, an older announcement
        // is also dropped when its bucket would go out after the new one: the peer must end with the latest route.
        for (java.util.Iterator<Bucket> it = where.iterator(); it.hasNext(); ) {
            Bucket old = it.next();
            if (old.equals(bucket)) continue;
            boolean keep = !change.withdraw() && (!pending.containsKey(bucket) || sentBefore(old, bucket));
            if (keep) continue;
            // Keep the emptied bucket/family in place: a later change for it goes back to its first-insertion slot.
            pending.get(old).get(key.family()).remove(key.nlriKey());
            it.remove();
        }
        // Within the same bucket the change takes the pending one's place, as a Python dict assignment does:
        // api-fast's "announce A, announce B, withdraw A" sends the withdrawal of A before B.
        pending.computeIfAbsent(bucket, b -> new LinkedHashMap<>())
                .computeIfAbsent(key.family(), f -> new LinkedHashMap<>())
                .put(key.nlriKey(), change);
        if (!where.contains(bucket)) where.add(bucket);
    }

    /** Whether bucket a is drained before bucket b (buckets go out in first-insertion order). */
    private boolean sentBefore(Bucket a, Bucket b) {
        for (Bucket k : pending.keySet()) {
            if (k.equals(a)) return true;
            if (k.equals(b)) return false;
        }
        return false;
    }

    private static boolean sameAnnouncement(Route a, Route b) {
        return a.nlri().equals(b.nlri()) && a.attributes().equals(b.attributes())
                && Objects.equals(a.nextHop(), b.nextHop());
    }
}
