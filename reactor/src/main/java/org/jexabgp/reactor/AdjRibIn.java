package org.jexabgp.reactor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jexabgp.core.rib.KeyTable;
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
 */
final class AdjRibIn {
    private record Key(Family family, Bytes nlri) {}

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

    void record(Message message) {
        if (!(message instanceof RouteUpdate u)) return;
        Update update = u.decoded().effective();
        if (update.endOfRib() != null) return;
        for (Update.Withdrawal w : update.withdrawals()) {
            if (w.family().equals(Family.IPV4_UNICAST)) {
                // the primitive walk: no record per prefix (issue 9)
                InetPrefixes.forEach(w.nlris(), (pathId, length, address) -> {
                    if (pathId == 0) removeV4(key(length, address));
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
                    if (pathId == 0) putV4(key(length, address), group);
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

    void clear() {
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

    /** Attribute groups in use (for tests: churn must not grow them past the routes kept). */
    int groupsInUse() {
        return groups.size() - freeGroupCount;
    }

    int size() {
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

    private void putV4(long key, int group) {
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
        groupUsers[group]++;
        v4Order[slot] = order++;
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
