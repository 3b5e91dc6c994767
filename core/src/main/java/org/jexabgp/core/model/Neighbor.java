package org.jexabgp.core.model;

import java.util.List;
import java.util.StringJoiner;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.message.OperationalContent;
import org.jspecify.annotations.Nullable;

/**
 * A configured BGP neighbour (config.md §6), templates already merged and defaults applied.
 *
 * @param peerAddress the peer's address
 * @param peerPrefixLength 32 or 128 for one peer; shorter for a range of passive peers
 * @param localAddress our address, or null for {@code auto} (learned from the socket)
 * @param routerId BGP identifier we send
 * @param localAs our ASN, or null for {@code auto} (reuse the peer's)
 * @param peerAs the expected peer ASN, or null for {@code auto} (any)
 * @param holdTimeSeconds hold time sent in OPEN: 0 or 3..65535
 * @param listenPort per-neighbour listening port, 0 = none
 * @param connectPort destination port, 0 = environment {@code tcp.port} or 179
 * @param outgoingTtl IP TTL on our packets, or null
 * @param incomingTtl GTSM minimum TTL, or null
 * @param md5Password TCP-MD5 key as written (before base64 decoding), or null
 * @param md5Base64 {@code false}, {@code true} or {@code auto}, as written
 * @param md5Ip local address of the MD5 association, or null (= local address)
 * @param rateLimit peer-loop iterations per second, 0 = off
 * @param families configured families sorted by (AFI, SAFI)
 * @param addPathFamilies families with add-path in the capability's direction (none when disabled), sorted
 * @param nextHops extended next-hop entries kept (both families configured)
 * @param api the neighbour's api blocks, own first then inherited
 * @param routes the configured routes, own first then inherited, split already expanded
 * @param operational the {@code operational { }} messages (config.md §10.5), router-ids already defaulted
 */
public record Neighbor(
        IpAddress peerAddress,
        int peerPrefixLength,
        @Nullable IpAddress localAddress,
        IpAddress routerId,
        @Nullable Long localAs,
        @Nullable Long peerAs,
        int holdTimeSeconds,
        boolean passive,
        int listenPort,
        int connectPort,
        String description,
        @Nullable String sourceInterface,
        @Nullable Integer outgoingTtl,
        @Nullable Integer incomingTtl,
        @Nullable String md5Password,
        String md5Base64,
        @Nullable IpAddress md5Ip,
        int rateLimit,
        boolean groupUpdates,
        boolean autoFlush,
        boolean adjRibIn,
        boolean adjRibOut,
        boolean manualEor,
        @Nullable String hostName,
        @Nullable String domainName,
        Capabilities capabilities,
        List<Family> families,
        List<Family> addPathFamilies,
        List<NextHopFamily> nextHops,
        List<ApiBinding> api,
        List<Route> routes,
        List<OperationalContent> operational) {

    public Neighbor {
        int max = peerAddress.isV4() ? 32 : 128;
        if (peerPrefixLength < 0 || peerPrefixLength > max)
            throw new IllegalArgumentException("peer prefix length " + peerPrefixLength);
        if (holdTimeSeconds != 0 && (holdTimeSeconds < 3 || holdTimeSeconds > 0xFFFF))
            throw new IllegalArgumentException("hold-time " + holdTimeSeconds);
        families = distinctSorted(families);
        addPathFamilies = distinctSorted(addPathFamilies);
        nextHops = List.copyOf(nextHops);
        api = List.copyOf(api);
        // issue 9: kept compact (a long per IPv4 route), as the Adj-RIB-Out holds them too
        routes = RouteList.of(routes);
        operational = List.copyOf(operational);
    }

    /**
     * Families once each, in (AFI, SAFI) order. Not with a stream: a start builds every neighbour with this, and a
     * stream pipeline run a few hundred times in a JVM just started is interpreted (issue 9: 200 neighbours).
     */
    private static List<Family> distinctSorted(List<Family> families) {
        return families.size() <= 1 ? List.copyOf(families) : List.copyOf(new java.util.TreeSet<>(families));
    }

    /**
     * True when the other neighbour would run the very same session: every setting equal, routes aside. A reload
     * (issue 4) leaves such a session up and only announces or withdraws the routes that changed; any other
     * difference restarts the session with Cease / Other Configuration Change (RFC 4486 §3, subcode 6).
     */
    public boolean sameSession(Neighbor other) {
        return withRoutes(List.of()).equals(other.withRoutes(List.of()));
    }

    /** This neighbour with other configured routes. */
    public Neighbor withRoutes(List<Route> replacement) {
        return new Neighbor(peerAddress, peerPrefixLength, localAddress, routerId, localAs, peerAs, holdTimeSeconds,
                passive, listenPort, connectPort, description, sourceInterface, outgoingTtl, incomingTtl, md5Password,
                md5Base64, md5Ip, rateLimit, groupUpdates, autoFlush, adjRibIn, adjRibOut, manualEor, hostName,
                domainName, capabilities, families, addPathFamilies, nextHops, api, replacement, operational);
    }

    /** True when the neighbour stands for a range of peers ({@code neighbor 10.0.0.0/24}). */
    public boolean isRange() {
        return peerPrefixLength < (peerAddress.isV4() ? 32 : 128);
    }

    /**
     * The selector string of api.md §2.1: {@code neighbor <peer-ip> local-ip <ip|auto> local-as <asn|auto> peer-as
     * <asn|auto> router-id <rid> family-allowed <in-open|ipv4-unicast/...>}.
     */
    public String name() {
        return "neighbor " + peerAddress
                + " local-ip " + (localAddress == null ? "auto" : localAddress.toString())
                + " local-as " + (localAs == null ? "auto" : localAs.toString())
                + " peer-as " + (peerAs == null ? "auto" : peerAs.toString())
                + " router-id " + routerId
                + " family-allowed " + familyAllowed();
    }

    private String familyAllowed() {
        if (!capabilities.multiSession()) return "in-open";
        StringJoiner j = new StringJoiner("/");
        for (Family f : families) j.add(f.afi().name() + "-" + f.safi().name());
        return j.toString();
    }
}
