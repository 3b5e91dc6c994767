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
                UnknownCapability {

    /** The capability code (RFC 5492 §4); see {@link CapabilityCode} for names. */
    int code();

    /** Writes the capability value (no code, no length). */
    void encodeValue(WireWriter out);

    /** ExaBGP-like text, used by the text encoder's OPEN line. */
    String text();
}
