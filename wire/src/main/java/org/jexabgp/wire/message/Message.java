package org.jexabgp.wire.message;

/**
 * A decoded BGP message. The set is closed: {@link MessageCodec#decode} returns one of these. The daemon's paths
 * test the type rather than switch on it (a switch on a sealed type is linked at run time, milliseconds of a start:
 * issue 9) and end with an error for a type they do not know, so a new one is not passed over silently. An UPDATE is
 * a {@link RouteUpdate}, which carries the RFC 7606 verdict with it.
 */
public sealed interface Message permits Open, RouteUpdate, Notification, Keepalive, RouteRefresh, Operational,
        UnknownMessage {
    MessageType type();
}
