package org.jexabgp.core.fsm;

/** What the session must do after a transition, in order. */
public sealed interface Action {
    record Connect() implements Action {}

    record SendOpen() implements Action {}

    record SendKeepalive() implements Action {}

    /** Queue a NOTIFICATION ahead of everything else; the connection closes once it is written. */
    record SendNotification(int code, int subcode, String reason) implements Action {}

    /** Close the TCP connection (after anything already queued for it). */
    record Close() implements Action {}

    /** Arm the hold timer with the negotiated (or, before OPEN, the open-wait) time. */
    record ArmHold() implements Action {}

    record ArmKeepalive() implements Action {}

    record DisarmTimers() implements Action {}

    /** Schedule the next connection attempt after the back-off delay. */
    record ScheduleRetry() implements Action {}

    /** The session is ESTABLISHED: report up and send the Adj-RIB-Out. */
    record SessionUp() implements Action {}

    /** The session ended: report down with this reason, drop pending output. */
    record SessionDown(String reason) implements Action {}
}
