package org.jexabgp.reactor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jexabgp.core.rib.IntPages;
import org.jexabgp.core.rib.KeyTable;
import org.jexabgp.core.rib.LongPages;
import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.attribute.Attribute;
import org.jexabgp.wire.message.Message;
import org.jexabgp.wire.message.RouteUpdate;
import org.jexabgp.wire.message.Update;
import org.jexabgp.wire.nlri.Nlri;
import org.jexabgp.wire.nlri.Prefix;
import org.jexabgp.wire.nlri.inet.InetNlri;
import org.jexabgp.wire.nlri.inet.InetPrefixes;
import org.jspecify.annotations.Nullable;

/**
 * The routes a peer announced to us (runtime.md §9: adj-rib-in), kept for {@code show adj-rib in} only: an
 * announcement replaces the route of the same key, a withdrawal removes it, and a new session starts empty. No
 * best-path selection. RFC 7606 treat-as-withdraw is applied (the effective update is stored).
 *
 * <p>IPv4 unicast routes without a path id, the bulk of a full table, are kept in primitive tables as the Adj-RIB-Out
 * keeps them (ARCHITECTURE §7, issue 9): a {@code long} key, the index of the announcement's next hop and attributes
 * (shared by the prefixes of one UPDATE) and an arrival number; nothing is made per prefix. Other routes are kept by
 * their codec key. Every route carries its arrival number, so {@link #routes()} lists them in the order they were last
 * announced, as before.
 *
 * <p>Those IPv4 changes are first only written down, in arrival order (the log: key, attribute group, arrival number),
 * and put in the tables when the routes are asked for, once the log holds {@link #LOG_MAX} changes (40 MB at most), or
 * once {@link #LOG_GROUPS} attribute groups were made meanwhile (each logged announcement holds its group).
 * A peer's table arriving costs no lookup then (issue 9: the tables' lookups and growth took 0.25 s of the 1.1 s a
 * million received routes took).
 */
final class AdjRibIn {
    private record Key(Family family, Bytes nlri) {
        // Written out: a record's generated equals and hashCode are linked at run time through method handles,
        // milliseconds of every start for each record (issue 9).
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && java.util.Objects.equals(family, k.family)
                    && java.util.Objects.equals(nlri, k.nlri);
        }

        @Override
        public int hashCode() {
            return 31 * java.util.Objects.hashCode(family) + java.util.Objects.hashCode(nlri);
        }
    }

    private record Stored(long order, RibEntry entry) {}

    /** What the prefixes of one announcement share. */
    private record Group(@Nullable String nextHop, List<Attribute> attributes) {}

    private final Map<Key, Stored> routes = new HashMap<>();

    private KeyTable v4 = new KeyTable();
    private long[] v4Key = new long[64];
    private long[] v4Order = new long[64];
    private int[] v4Group = new int[64];
    private int v4Slots;
    private int[] free = new int[16];
    private int freeCount;
    /** Groups by index; a group no prefix uses any more is reused (churn must not grow the list). */
    private final List<@Nullable Group> groups = new ArrayList<>();
    private int[] groupUsers = new int[16];
    private int[] freeGroups = new int[16];
    private int freeGroupCount;
    private @Nullable List<Attribute> lastAttributes;
    private int lastGroup = -1;

    private long order;

    /** Changes the log holds at most (see the class comment). */
    static final int LOG_MAX = 1 << 21;
    /** Attribute groups made while the log holds changes, at most, before it is put in the tables. */
    static final int LOG_GROUPS = 4096;
    /** Log entries whose arrays are kept once the log is put in the tables; larger ones are let go. */
    private static final int LOG_KEPT = 1 << 16;

    private int groupsSinceSettle;

    private final int logMax;
    // in pages (a million received routes grew flat arrays by copies that touched twice their memory: issue 9)
    private LongPages logKey = new LongPages(64);
    /** The announcement's group, or -1 for a withdrawal. */
    private IntPages logGroup = new IntPages(64, 0);
    private LongPages logOrder = new LongPages(64);
    private int logLength;

    AdjRibIn() {
        this(LOG_MAX);
    }

    /** @param logMax changes the log holds at most (tests use a few) */
    AdjRibIn(int logMax) {
        this.logMax = logMax;
    }

    void record(Message message) {
        if (!(message instanceof RouteUpdate u)) return;
        Update update = u.decoded().effective();
        if (update.endOfRib() != null) return;
        for (Update.Withdrawal w : update.withdrawals()) {
            if (w.family().equals(Family.IPV4_UNICAST)) {
                // the primitive walk: no record per prefix (issue 9)
                InetPrefixes.forEach(w.nlris(), (pathId, length, address) -> {
                    if (pathId == 0) log(key(length, address), -1);
                    else routes.remove(new Key(w.family(), v4(pathId, length, address).key()));
                });
                continue;
            }
            for (Nlri n : w.nlris()) routes.remove(new Key(w.family(), n.key()));
        }
        List<Attribute> attributes = update.pathAttributes();
        for (Update.Announcement a : update.announcements()) {
            String hop = a.nextHop().equals("no-nexthop") || a.nextHop().equals("null") ? null : a.nextHop();
            if (a.family().equals(Family.IPV4_UNICAST)) {
                int group = group(hop, attributes);
                InetPrefixes.forEach(a.nlris(), (pathId, length, address) -> {
                    if (pathId == 0) log(key(length, address), group);
                    else put(a.family(), v4(pathId, length, address), hop, attributes);
                });
                continue;
            }
            for (Nlri n : a.nlris()) put(a.family(), n, hop, attributes);
        }
    }

    private void put(Family family, Nlri n, @Nullable String hop, List<Attribute> attributes) {
        // a replaced route moves to the end, as it was announced last
        routes.put(new Key(family, n.key()), new Stored(order++, new RibEntry(n, hop, attributes)));
    }

    private static InetNlri v4(long pathId, int length, int address) {
        return new InetNlri(Family.IPV4_UNICAST, new Prefix(IpAddress.v4(address & 0xFFFF_FFFFL), length), pathId);
    }

    /** Writes down an IPv4 change: an announcement holds its group until the log is put in the tables. */
    private void log(long key, int group) {
        int i = logLength;
        if (i >= logMax) {
            settle();
            i = 0;
        } else if (i == logKey.capacity()) {
            logKey.ensure(i + 1);
            logGroup.ensure(i + 1);
            logOrder.ensure(i + 1);
        }
        logKey.set(i, key);
        logGroup.set(i, group);
        if (group >= 0) {
            groupUsers[group]++;
            logOrder.set(i, order++);
        }
        logLength = i + 1;
    }

    /** Puts the logged changes in the tables, in order. */
    private void settle() {
        for (int i = 0; i < logLength; i++) {
            int group = logGroup.get(i);
            if (group >= 0) putV4(logKey.get(i), group, logOrder.get(i));
            else removeV4(logKey.get(i));
        }
        logLength = 0;
        groupsSinceSettle = 0;
        if (logKey.capacity() > LOG_KEPT) { // a burst's log is not kept for good
            logKey = new LongPages(64);
            logGroup = new IntPages(64, 0);
            logOrder = new LongPages(64);
        }
    }

    void clear() {
        logLength = 0;
        groupsSinceSettle = 0;
        routes.clear();
        v4 = new KeyTable();
        v4Slots = 0;
        freeCount = 0;
        groups.clear();
        freeGroupCount = 0;
        lastAttributes = null;
        lastGroup = -1;
    }

    List<RibEntry> routes() {
        settle();
        List<Stored> all = new ArrayList<>(routes.values());
        for (int s = 0; s < v4Slots; s++) {
            if (v4Order[s] < 0) continue;
            long k = v4Key[s];
            Prefix p = new Prefix(IpAddress.v4(k & 0xFFFF_FFFFL), (int) (k >>> 32));
            Group g = Objects.requireNonNull(groups.get(v4Group[s]));
            all.add(new Stored(
                    v4Order[s], new RibEntry(new InetNlri(Family.IPV4_UNICAST, p, 0), g.nextHop(), g.attributes())));
        }
        all.sort(Comparator.comparingLong(Stored::order));
        List<RibEntry> out = new ArrayList<>(all.size());
        for (Stored s : all) out.add(s.entry());
        return out;
    }

    /** Attribute groups allocated, the log's included (tests: what churn pins before anything is asked). */
    int groupsAllocated() {
        return groups.size() - freeGroupCount;
    }

    /** Attribute groups in use (for tests: churn must not grow them past the routes kept). */
    int groupsInUse() {
        settle();
        return groups.size() - freeGroupCount;
    }

    int size() {
        settle();
        return routes.size() + v4.size();
    }

    /** The Adj-RIB-Out's key: mask length, then address (ARCHITECTURE §7). */
    private static long key(int length, int address) {
        return (long) length << 32 | (address & 0xFFFF_FFFFL);
    }

    private int group(@Nullable String hop, List<Attribute> attributes) {
        // the announcements of one UPDATE share its attributes: one group for all their prefixes
        if (lastGroup >= 0 && lastAttributes == attributes && groups.get(lastGroup) instanceof Group g
                && Objects.equals(g.nextHop(), hop)) return lastGroup;
        int previous = lastGroup;
        lastGroup = -1;
        if (previous >= 0 && groupUsers[previous] == 0) free(previous);
        // the log holds the groups of the announcements it holds: a peer changing attributes at every UPDATE would pin
        // a group per UPDATE until the log is put in the tables, which releases those replaced since
        if (logLength > 0 && ++groupsSinceSettle > LOG_GROUPS) settle();
        Group group = new Group(hop, List.copyOf(attributes));
        int index;
        if (freeGroupCount > 0) {
            index = freeGroups[--freeGroupCount];
            groups.set(index, group);
        } else {
            index = groups.size();
            groups.add(group);
            if (index == groupUsers.length) groupUsers = Arrays.copyOf(groupUsers, index * 2);
        }
        groupUsers[index] = 0;
        lastAttributes = attributes;
        lastGroup = index;
        return index;
    }

    private void release(int group) {
        if (--groupUsers[group] == 0 && group != lastGroup) free(group);
    }

    private void free(int group) {
        groups.set(group, null);
        if (freeGroupCount == freeGroups.length) freeGroups = Arrays.copyOf(freeGroups, freeGroupCount * 2);
        freeGroups[freeGroupCount++] = group;
    }

    /** An announcement from the log: the slot takes over the log's hold on the group. */
    private void putV4(long key, int group, long order) {
        int slot = v4.get(key);
        if (slot < 0) {
            slot = freeCount > 0 ? free[--freeCount] : v4Slots++;
            if (slot == v4Key.length) {
                int n = slot * 2;
                v4Key = Arrays.copyOf(v4Key, n);
                v4Order = Arrays.copyOf(v4Order, n);
                v4Group = Arrays.copyOf(v4Group, n);
            }
            v4.put(key, slot);
            v4Key[slot] = key;
        } else {
            release(v4Group[slot]);
        }
        v4Order[slot] = order;
        v4Group[slot] = group;
    }

    private void removeV4(long key) {
        int slot = v4.get(key);
        if (slot < 0) return;
        v4.remove(key);
        release(v4Group[slot]);
        v4Order[slot] = -1;
        if (freeCount == free.length) free = Arrays.copyOf(free, freeCount * 2);
        free[freeCount++] = slot;
    }
}
