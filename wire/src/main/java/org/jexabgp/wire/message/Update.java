package org.jexabgp.wire.message;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.attribute.Attribute;
import org.jexabgp.wire.attribute.AttributeCode;
import org.jexabgp.wire.attribute.MpReach;
import org.jexabgp.wire.attribute.MpUnreach;
import org.jexabgp.wire.attribute.NextHop;
import org.jexabgp.wire.nlri.Nlri;
import org.jexabgp.wire.nlri.inet.InetPrefixes;

/**
 * An UPDATE message, RFC 4271 §4.3. {@code withdrawn} and {@code announced} are the classic IPv4 fields; MP_REACH and
 * MP_UNREACH are among the {@code attributes}, which keep the received (or given) order.
 */
public record Update(List<Nlri> withdrawn, List<Attribute> attributes, List<Nlri> announced) {
    /** The IPv4 unicast End-of-RIB: an empty UPDATE (RFC 4724 §2). */
    public static final Update IPV4_END_OF_RIB = new Update(List.of(), List.of(), List.of());

    public Update {
        withdrawn = immutable(withdrawn);
        attributes = List.copyOf(attributes);
        announced = immutable(announced);
    }

    /** Decoded prefix blocks are already immutable: copying them would make the objects they avoid. */
    private static List<Nlri> immutable(List<Nlri> nlris) {
        return nlris instanceof InetPrefixes ? nlris : List.copyOf(nlris);
    }

    /** An End-of-RIB marker for a family (wire.md §9.5). */
    public static Update endOfRib(Family family) {
        return family.equals(Family.IPV4_UNICAST)
                ? IPV4_END_OF_RIB
                : new Update(List.of(), List.of(MpUnreach.endOfRib(family)), List.of());
    }

    /** NLRIs grouped under one family and next hop, one entry of ExaBGP's {@code announce} map. */
    public record Announcement(Family family, String nextHop, List<Nlri> nlris) {}

    /** NLRIs of one family, one entry of ExaBGP's {@code withdraw} map. */
    public record Withdrawal(Family family, List<Nlri> nlris) {}

    /** The first attribute of a type, or null. */
    public <A extends Attribute> @org.jspecify.annotations.Nullable A find(Class<A> type) {
        for (Attribute a : attributes) if (type.isInstance(a)) return type.cast(a);
        return null;
    }

    /** The NEXT_HOP attribute of the classic part, or null. */
    public @org.jspecify.annotations.Nullable IpAddress nextHop() {
        NextHop nh = find(NextHop.class);
        return nh == null ? null : nh.address();
    }

    /**
     * The {@code announce} map (json.md §5.3): the classic NLRIs under NEXT_HOP ({@code "null"} when it is missing),
     * then every MP_REACH under each of its next hops ({@code "no-nexthop"} when it has none; a global + link-local
     * pair lists the NLRIs under both, as ExaBGP does, wire.md §12). Entries of one family are adjacent.
     */
    public List<Announcement> announcements() {
        Map<Family, Map<String, List<Nlri>>> groups = new LinkedHashMap<>();
        if (!announced.isEmpty()) {
            IpAddress nh = nextHop();
            add(groups, Family.IPV4_UNICAST, nh == null ? "null" : nh.toString(), announced);
        }
        for (Attribute a : attributes) {
            if (!(a instanceof MpReach r) || r.nlris().isEmpty()) continue;
            if (r.nextHops().isEmpty()) add(groups, r.family(), "no-nexthop", r.nlris());
            for (IpAddress nh : r.nextHops()) add(groups, r.family(), nh.toString(), r.nlris());
        }
        List<Announcement> out = new ArrayList<>();
        groups.forEach((family, byHop) -> byHop.forEach((hop, nlris) -> out.add(new Announcement(family, hop, nlris))));
        return out;
    }

    private static void add(Map<Family, Map<String, List<Nlri>>> groups, Family f, String hop, List<Nlri> nlris) {
        // a group with one source keeps its (immutable) list as it is: no copy of a decoded prefix block
        groups.computeIfAbsent(f, k -> new LinkedHashMap<>()).merge(hop, nlris, Update::concat);
    }

    private static List<Nlri> concat(List<Nlri> a, List<Nlri> b) {
        List<Nlri> out = new ArrayList<>(a.size() + b.size());
        out.addAll(a);
        out.addAll(b);
        return out;
    }

    /** The {@code withdraw} map: the classic withdrawn routes, then every non-empty MP_UNREACH, merged per family. */
    public List<Withdrawal> withdrawals() {
        Map<Family, List<Nlri>> groups = new LinkedHashMap<>();
        if (!withdrawn.isEmpty()) groups.merge(Family.IPV4_UNICAST, withdrawn, Update::concat);
        for (Attribute a : attributes) {
            if (a instanceof MpUnreach u && !u.nlris().isEmpty()) groups.merge(u.family(), u.nlris(), Update::concat);
        }
        List<Withdrawal> out = new ArrayList<>();
        groups.forEach((family, nlris) -> out.add(new Withdrawal(family, immutable(nlris))));
        return out;
    }

    /**
     * The attributes ExaBGP shows in {@code "attribute"}: all but NEXT_HOP, MP_REACH and MP_UNREACH, in ascending type
     * code (json.md §5.5).
     */
    public List<Attribute> pathAttributes() {
        return attributes.stream()
                .filter(a -> !a.code().equals(AttributeCode.NEXT_HOP)
                        && !a.code().equals(AttributeCode.MP_REACH_NLRI)
                        && !a.code().equals(AttributeCode.MP_UNREACH_NLRI))
                .sorted(Comparator.comparing(Attribute::code))
                .toList();
    }

    /**
     * The family this UPDATE ends the RIB of, or null: no attribute and no NLRI is IPv4 unicast; a lone empty
     * MP_UNREACH is its family (RFC 4724 §2, wire.md §9.5).
     */
    public @org.jspecify.annotations.Nullable Family endOfRib() {
        if (!withdrawn.isEmpty() || !announced.isEmpty()) return null;
        if (attributes.isEmpty()) return Family.IPV4_UNICAST;
        if (attributes.size() == 1 && attributes.getFirst() instanceof MpUnreach u && u.nlris().isEmpty())
            return u.family();
        return null;
    }
}
