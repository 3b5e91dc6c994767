package org.jexabgp.core.config;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.jexabgp.core.model.ApiBinding;
import org.jexabgp.core.model.Capabilities;
import org.jexabgp.core.model.Capabilities.AddPath;
import org.jexabgp.core.model.Neighbor;
import org.jexabgp.core.model.NextHopFamily;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.message.OperationalContent;
import org.jspecify.annotations.Nullable;

/** Closes a neighbour (config.md §6.2): defaults, then the checks ExaBGP makes when the block ends. */
final class NeighborBuild {
    private NeighborBuild() {}

    static Neighbor build(NeighborDraft d, boolean envPassive) throws ConfigError {
        IpAddress peer = d.peer;
        if (peer == null) throw new IllegalStateException("a template is not a neighbor");
        Token at = d.opening;

        IpAddress local = d.get("local-address") instanceof IpAddress a ? a : null;
        if (local != null && local.isV4() != peer.isV4())
            throw ConfigError.at(
                    at, "local-address of the peer's family", "local-address and peer-address must be the same family");
        IpAddress routerId = d.get("router-id") instanceof IpAddress r ? r : null;
        if (routerId == null) {
            // config.md §6.1: the router-id defaults to an explicit IPv4 local-address, else it is mandatory
            if (local != null && local.isV4() && peer.isV4()) routerId = local;
            else throw ConfigError.at(at, "router-id", "none", "incomplete neighbor, missing router-id");
        }
        boolean passive = bool(d, "passive", false);
        if (d.peerLength < (peer.isV4() ? 32 : 128) && !passive && !envPassive)
            throw ConfigError.at(at, "passive", "none", "can only use ip ranges for the peer address with passive");
        int listen = integer(d, "listen", 0);
        if (listen != 0 && local == null)
            throw ConfigError.at(
                    at, "local-address", "auto", "local-address must be set (not auto) to use listen");
        int hold = integer(d, "hold-time", 180);

        List<Family> families = new ArrayList<>();
        if (d.families == null) families.addAll(NeighborSyntax.ALL_FAMILIES);
        else for (NeighborDraft.Item<Family> f : d.families) if (!families.contains(f.value())) families.add(f.value());

        AddPath addPathMode = d.get("capability.add-path") instanceof AddPath m ? m : AddPath.DISABLE;
        List<Family> addPath = new ArrayList<>();
        if (addPathMode != AddPath.DISABLE) {
            if (d.addPath == null) addPath.addAll(families);
            else for (NeighborDraft.Item<Family> f : d.addPath) if (families.contains(f.value())) addPath.add(f.value());
        }

        List<NextHopFamily> nextHops = new ArrayList<>();
        if (d.nextHops != null) {
            for (NeighborDraft.Item<NextHopFamily> n : d.nextHops) {
                Family f = n.value().family();
                if (families.contains(f) && families.contains(new Family(n.value().nextHopAfi(), f.safi())))
                    nextHops.add(n.value());
            }
        }

        Object gr = d.get("capability.graceful-restart");
        Integer restart = gr instanceof Integer g && g >= 0 ? (g == 0 ? Integer.valueOf(hold) : g) : null;
        Capabilities caps = new Capabilities(
                bool(d, "capability.asn4", true),
                bool(d, "capability.route-refresh", false),
                restart,
                addPathMode,
                bool(d, "capability.multi-session", false),
                bool(d, "capability.operational", false),
                bool(d, "capability.extended-message", true),
                bool(d, "capability.nexthop", d.nextHops != null),
                bool(d, "capability.aigp", false),
                bool(d, "capability.software-version", false),
                bool(d, "capability.link-local-nexthop", false));

        String md5 = d.get("md5-password") instanceof String s ? s : null;
        String md5Base64 = d.get("md5-base64") instanceof String s ? s : "false";
        if (md5 != null && md5Bytes(md5, md5Base64) > 80)
            throw ConfigError.at(
                    d.scalars.get("md5-password").at(), "an md5 password of at most 80 bytes", "md5 password too long");

        List<ApiBinding> api = new ArrayList<>();
        for (NeighborDraft.Item<ApiBinding> b : d.api) api.add(b.value());

        // issue 9: the draft's compact list is the neighbour's, never a million Route objects nor a second copy; its
        // families are checked from its shapes, and the routes walked only to name the first one refused
        boolean refused = false;
        for (Family f : d.routes.families()) refused |= !families.contains(f) && !f.equals(Family.IPV4_UNICAST);
        for (int i = 0; refused && i < d.routes.size(); i++) {
            Family f = d.routes.family(i);
            if (!families.contains(f) && !f.equals(Family.IPV4_UNICAST))
                throw ConfigError.at(
                        d.routes.get(i).at(),
                        "a route of a configured family",
                        f.name(),
                        "Trying to announce a route of type " + f.name()
                                + " when we are not announcing the family to our peer");
        }

        List<OperationalContent> operational = new ArrayList<>();
        for (NeighborDraft.Item<OperationalSyntax.Entry> o : d.operational) {
            try {
                operational.add(o.value().content(routerId));
            } catch (IllegalArgumentException e) {
                throw ConfigError.at(o.at(), "a valid operational message", e.getMessage());
            }
        }

        return new Neighbor(
                peer,
                d.peerLength,
                local,
                routerId,
                asn(d, "local-as"),
                asn(d, "peer-as"),
                hold,
                passive,
                listen,
                integer(d, "connect", 0),
                d.get("description") instanceof String s ? s : "",
                d.get("source-interface") instanceof String s ? s : null,
                ttl(d, "outgoing-ttl"),
                ttl(d, "incoming-ttl"),
                md5,
                md5Base64,
                d.get("md5-ip") instanceof IpAddress a ? a : null,
                integer(d, "rate-limit", 0),
                bool(d, "group-updates", true),
                bool(d, "auto-flush", true),
                bool(d, "adj-rib-in", true),
                bool(d, "adj-rib-out", true),
                bool(d, "manual-eor", false),
                d.get("host-name") instanceof String s ? s : null,
                d.get("domain-name") instanceof String s ? s : null,
                caps,
                families,
                addPath,
                nextHops,
                api,
                d.routes.routes(),
                operational);
    }

    /**
     * What makes two neighbour blocks the same neighbour (config.md §6.2): peer and listen port when listening, else
     * peer, local address, ASNs and router-id (and the families with multi-session).
     */
    static String identity(Neighbor n) {
        if (n.listenPort() != 0) return n.peerAddress() + " listen " + n.listenPort();
        // appended, not concatenated with +: once per neighbour while the JVM interprets, where + runs through
        // method handles (issue 9)
        StringBuilder id = new StringBuilder(64).append(n.peerAddress()).append(' ').append(n.localAddress())
                .append(' ').append(n.localAs()).append(' ').append(n.peerAs()).append(' ').append(n.routerId());
        if (n.capabilities().multiSession()) id.append(' ').append(n.families());
        return id.toString();
    }

    private static int md5Bytes(String key, String base64) {
        boolean decode = base64.equals("true")
                || base64.equals("auto") && !key.isEmpty() && key.chars().allMatch(ch -> Set.of(
                                        '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e', 'f')
                                .contains((char) ch));
        if (decode) {
            try {
                return Base64.getDecoder().decode(key).length;
            } catch (IllegalArgumentException e) {
                return key.length();
            }
        }
        return key.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }

    private static boolean bool(NeighborDraft d, String key, boolean absent) {
        return d.get(key) instanceof Boolean b ? b : absent;
    }

    private static int integer(NeighborDraft d, String key, int absent) {
        return d.get(key) instanceof Integer i ? i : absent;
    }

    private static @Nullable Integer ttl(NeighborDraft d, String key) {
        return d.get(key) instanceof Integer i && i >= 0 ? i : null;
    }

    private static @Nullable Long asn(NeighborDraft d, String key) {
        return d.get(key) instanceof Long l ? l : null;
    }
}
