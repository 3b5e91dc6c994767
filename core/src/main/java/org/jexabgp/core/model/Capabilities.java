package org.jexabgp.core.model;

import org.jspecify.annotations.Nullable;

/**
 * What a neighbour's {@code capability { }} block asks for (config.md §7), defaults applied.
 *
 * @param asn4 send the 4-octet AS capability (default true)
 * @param routeRefresh route-refresh and enhanced route-refresh (default false)
 * @param gracefulRestartSeconds restart time to advertise, or null when graceful restart is off; {@code 0} or a bare
 *     keyword were already replaced by the hold time
 * @param addPath add-path direction for the neighbour's add-path families
 * @param multiSession send the multi-session capability
 * @param operational allow OPERATIONAL messages
 * @param extendedMessage extended message capability (default true)
 * @param nexthop extended next-hop capability (default: true when a {@code nexthop { }} block exists)
 * @param aigp send and accept AIGP on eBGP
 * @param softwareVersion software-version capability
 * @param linkLocalNexthop link-local next-hop capability (draft-ietf-idr-linklocal-capability, default false)
 */
public record Capabilities(
        boolean asn4,
        boolean routeRefresh,
        @Nullable Integer gracefulRestartSeconds,
        AddPath addPath,
        boolean multiSession,
        boolean operational,
        boolean extendedMessage,
        boolean nexthop,
        boolean aigp,
        boolean softwareVersion,
        boolean linkLocalNexthop) {

    /** Without the capabilities ExaBGP lacks (link-local next hop off). */
    public Capabilities(
            boolean asn4,
            boolean routeRefresh,
            @Nullable Integer gracefulRestartSeconds,
            AddPath addPath,
            boolean multiSession,
            boolean operational,
            boolean extendedMessage,
            boolean nexthop,
            boolean aigp,
            boolean softwareVersion) {
        this(asn4, routeRefresh, gracefulRestartSeconds, addPath, multiSession, operational, extendedMessage, nexthop,
                aigp, softwareVersion, false);
    }

    /** RFC 7911 send/receive direction, spelled as ExaBGP's {@code add-path} keyword. */
    public enum AddPath {
        DISABLE("disable"),
        RECEIVE("receive"),
        SEND("send"),
        SEND_RECEIVE("send/receive");

        private final String keyword;

        AddPath(String keyword) {
            this.keyword = keyword;
        }

        public String keyword() {
            return keyword;
        }

        public boolean sends() {
            return this == SEND || this == SEND_RECEIVE;
        }

        public boolean receives() {
            return this == RECEIVE || this == SEND_RECEIVE;
        }
    }

    public static final Capabilities DEFAULT =
            new Capabilities(true, false, null, AddPath.DISABLE, false, false, true, false, false, false);

    public Capabilities {
        if (gracefulRestartSeconds != null && (gracefulRestartSeconds < 0 || gracefulRestartSeconds > 0xFFFF))
            throw new IllegalArgumentException("graceful-restart " + gracefulRestartSeconds);
    }
}
