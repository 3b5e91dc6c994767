package org.jexabgp.wire.capability;

import org.jexabgp.wire.WireWriter;

/**
 * One capability of an OPEN (RFC 5492). The value is written without its code and length; {@link Capabilities} frames
 * it. Capabilities with an empty value are kept in an {@code Open} (its JSON shows them) but ExaBGP never puts them on
 * the wire (wire.md §3.1 quirk).
 */
public sealed interface Capability
        permits Multiprotocol,
                RouteRefresh,
                ExtendedNextHop,
                ExtendedMessage,
                GracefulRestart,
                Asn4,
                MultiSession,
                AddPath,
                EnhancedRouteRefresh,
                Hostname,
                SoftwareVersion,
                CiscoRouteRefresh,
                Operational,
                OutboundRouteFiltering,
                BgpRole,
                DynamicCapability,
                LongLivedGracefulRestart,
                LinkLocalNextHop,
                UnknownCapability {

    /** The capability code (RFC 5492 §4); see {@link CapabilityCode} for names. */
    int code();

    /** Writes the capability value (no code, no length). */
    void encodeValue(WireWriter out);

    /**
     * Whether an empty value still goes on the wire. ExaBGP drops empty-valued capabilities (wire.md §3.1 quirk); the
     * ones it never had (link-local next hop) are sent as their RFC says.
     */
    default boolean sentWhenEmpty() {
        return false;
    }

    /** ExaBGP-like text, used by the text encoder's OPEN line. */
    String text();
}
