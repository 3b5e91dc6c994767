package org.jexabgp.reactor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.attribute.Attribute;
import org.jexabgp.wire.message.Message;
import org.jexabgp.wire.message.RouteUpdate;
import org.jexabgp.wire.message.Update;
import org.jexabgp.wire.nlri.Nlri;

/**
 * The routes a peer announced to us (runtime.md §9: adj-rib-in), kept for {@code show adj-rib in} only: an
 * announcement replaces the route of the same key, a withdrawal removes it, and a new session starts empty. No
 * best-path selection. RFC 7606 treat-as-withdraw is applied (the effective update is stored).
 */
final class AdjRibIn {
    private record Key(Family family, Bytes nlri) {}

    private final Map<Key, RibEntry> routes = new LinkedHashMap<>();

    void record(Message message) {
        if (!(message instanceof RouteUpdate u)) return;
        Update update = u.decoded().effective();
        if (update.endOfRib() != null) return;
        for (Update.Withdrawal w : update.withdrawals())
            for (Nlri n : w.nlris()) routes.remove(new Key(w.family(), n.key()));
        List<Attribute> attributes = update.pathAttributes();
        for (Update.Announcement a : update.announcements()) {
            String hop = a.nextHop().equals("no-nexthop") || a.nextHop().equals("null") ? null : a.nextHop();
            for (Nlri n : a.nlris()) {
                Key k = new Key(a.family(), n.key());
                routes.remove(k); // a replaced route moves to the end, as it was announced last
                routes.put(k, new RibEntry(n, hop, attributes));
            }
        }
    }

    void clear() {
        routes.clear();
    }

    List<RibEntry> routes() {
        return new ArrayList<>(routes.values());
    }

    int size() {
        return routes.size();
    }
}
