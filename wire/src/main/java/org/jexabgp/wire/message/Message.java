package org.jexabgp.wire.message;

/**
 * A decoded BGP message. The set is closed: {@link MessageCodec#decode} returns one of these, and an exhaustive
 * {@code switch} handles them all. An UPDATE is a {@link RouteUpdate}, which carries the RFC 7606 verdict with it.
 */
public sealed interface Message permits Open, RouteUpdate, Notification, Keepalive, RouteRefresh, Operational,
        UnknownMessage {
    MessageType type();
}
