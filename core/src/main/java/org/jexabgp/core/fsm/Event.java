package org.jexabgp.core.fsm;

/** What can happen to a session. The session layer turns bytes, timers and commands into these. */
public sealed interface Event {
    /** Start the peer: connect (unless passive) or wait for an incoming connection. */
    record Start() implements Event {}

    /** Stop the peer (shutdown, teardown, removed by reload) with the NOTIFICATION to send, if any. */
    record Stop(int code, int subcode, String reason, boolean sendNotification) implements Event {}

    /** A TCP connection is up (outgoing connect finished or incoming accepted). */
    record TcpUp() implements Event {}

    /** The TCP connection failed or closed. */
    record TcpDown(String reason) implements Event {}

    /** A valid OPEN was received (already validated against the configuration). */
    record OpenIn() implements Event {}

    record KeepaliveIn() implements Event {}

    /** An UPDATE, ROUTE-REFRESH or OPERATIONAL message was received. */
    record MessageIn() implements Event {}

    record NotificationIn(int code, int subcode) implements Event {}

    /** The peer broke the protocol: send this NOTIFICATION and close. */
    record Error(int code, int subcode, String reason) implements Event {}

    record HoldExpired() implements Event {}

    record KeepaliveDue() implements Event {}

    /** The connect retry delay is over: try again. */
    record RetryDue() implements Event {}
}
