package org.jexabgp.core.fsm;

/** What can happen to a session. The session layer turns bytes, timers and commands into these. */
public sealed interface Event {
    /**
     * Which event this is, for the state machine's table: a switch on an enum is compiled to a plain table, while a
     * switch on the sealed type is linked at run time through a bootstrap that generates a class, milliseconds of
     * every start for each such switch (issue 9).
     */
    Kind kind();

    enum Kind {
        START, STOP, TCP_UP, TCP_DOWN, OPEN_IN, KEEPALIVE_IN, MESSAGE_IN, NOTIFICATION_IN, ERROR, HOLD_EXPIRED,
        KEEPALIVE_DUE, RETRY_DUE
    }

    /** Start the peer: connect (unless passive) or wait for an incoming connection. */
    record Start() implements Event {
        @Override
        public Kind kind() {
            return Kind.START;
        }
    }

    /** Stop the peer (shutdown, teardown, removed by reload) with the NOTIFICATION to send, if any. */
    record Stop(int code, int subcode, String reason, boolean sendNotification) implements Event {
        @Override
        public Kind kind() {
            return Kind.STOP;
        }
    }

    /** A TCP connection is up (outgoing connect finished or incoming accepted). */
    record TcpUp() implements Event {
        @Override
        public Kind kind() {
            return Kind.TCP_UP;
        }
    }

    /** The TCP connection failed or closed. */
    record TcpDown(String reason) implements Event {
        @Override
        public Kind kind() {
            return Kind.TCP_DOWN;
        }
    }

    /** A valid OPEN was received (already validated against the configuration). */
    record OpenIn() implements Event {
        @Override
        public Kind kind() {
            return Kind.OPEN_IN;
        }
    }

    record KeepaliveIn() implements Event {
        @Override
        public Kind kind() {
            return Kind.KEEPALIVE_IN;
        }
    }

    /** An UPDATE, ROUTE-REFRESH or OPERATIONAL message was received. */
    record MessageIn() implements Event {
        @Override
        public Kind kind() {
            return Kind.MESSAGE_IN;
        }
    }

    record NotificationIn(int code, int subcode) implements Event {
        @Override
        public Kind kind() {
            return Kind.NOTIFICATION_IN;
        }
    }

    /** The peer broke the protocol: send this NOTIFICATION and close. */
    record Error(int code, int subcode, String reason) implements Event {
        @Override
        public Kind kind() {
            return Kind.ERROR;
        }
    }

    record HoldExpired() implements Event {
        @Override
        public Kind kind() {
            return Kind.HOLD_EXPIRED;
        }
    }

    record KeepaliveDue() implements Event {
        @Override
        public Kind kind() {
            return Kind.KEEPALIVE_DUE;
        }
    }

    /** The connect retry delay is over: try again. */
    record RetryDue() implements Event {
        @Override
        public Kind kind() {
            return Kind.RETRY_DUE;
        }
    }
}
