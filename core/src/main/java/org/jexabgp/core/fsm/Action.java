package org.jexabgp.core.fsm;

/** What the session must do after a transition, in order. */
public sealed interface Action {
    /** Which action this is: the session switches on it, a plain table (see {@link Event#kind()}). */
    Kind kind();

    enum Kind {
        CONNECT, SEND_OPEN, SEND_KEEPALIVE, SEND_NOTIFICATION, CLOSE, ARM_HOLD, ARM_KEEPALIVE, DISARM_TIMERS,
        SCHEDULE_RETRY, SESSION_UP, SESSION_DOWN
    }

    record Connect() implements Action {
        @Override
        public Kind kind() {
            return Kind.CONNECT;
        }
    }

    record SendOpen() implements Action {
        @Override
        public Kind kind() {
            return Kind.SEND_OPEN;
        }
    }

    record SendKeepalive() implements Action {
        @Override
        public Kind kind() {
            return Kind.SEND_KEEPALIVE;
        }
    }

    /** Queue a NOTIFICATION ahead of everything else; the connection closes once it is written. */
    record SendNotification(int code, int subcode, String reason) implements Action {
        @Override
        public Kind kind() {
            return Kind.SEND_NOTIFICATION;
        }
    }

    /** Close the TCP connection (after anything already queued for it). */
    record Close() implements Action {
        @Override
        public Kind kind() {
            return Kind.CLOSE;
        }
    }

    /** Arm the hold timer with the negotiated (or, before OPEN, the open-wait) time. */
    record ArmHold() implements Action {
        @Override
        public Kind kind() {
            return Kind.ARM_HOLD;
        }
    }

    record ArmKeepalive() implements Action {
        @Override
        public Kind kind() {
            return Kind.ARM_KEEPALIVE;
        }
    }

    record DisarmTimers() implements Action {
        @Override
        public Kind kind() {
            return Kind.DISARM_TIMERS;
        }
    }

    /** Schedule the next connection attempt after the back-off delay. */
    record ScheduleRetry() implements Action {
        @Override
        public Kind kind() {
            return Kind.SCHEDULE_RETRY;
        }
    }

    /** The session is ESTABLISHED: report up and send the Adj-RIB-Out. */
    record SessionUp() implements Action {
        @Override
        public Kind kind() {
            return Kind.SESSION_UP;
        }
    }

    /** The session ended: report down with this reason, drop pending output. */
    record SessionDown(String reason) implements Action {
        @Override
        public Kind kind() {
            return Kind.SESSION_DOWN;
        }
    }
}
