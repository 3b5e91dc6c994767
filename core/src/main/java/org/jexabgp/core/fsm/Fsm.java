package org.jexabgp.core.fsm;

import org.jexabgp.core.fsm.Action.ArmHold;
import org.jexabgp.core.fsm.Action.ArmKeepalive;
import org.jexabgp.core.fsm.Action.Close;
import org.jexabgp.core.fsm.Action.Connect;
import org.jexabgp.core.fsm.Action.DisarmTimers;
import org.jexabgp.core.fsm.Action.ScheduleRetry;
import org.jexabgp.core.fsm.Action.SendKeepalive;
import org.jexabgp.core.fsm.Action.SendNotification;
import org.jexabgp.core.fsm.Action.SendOpen;
import org.jexabgp.core.fsm.Action.SessionDown;
import org.jexabgp.core.fsm.Action.SessionUp;

/**
 * The BGP finite state machine (RFC 4271 §8) with ExaBGP's choices (runtime.md §8): a pure function of state and
 * event. OPEN validation happens before the event is made ({@link Event.OpenIn} is only given for a valid OPEN), so
 * the table stays small.
 */
public final class Fsm {
    private Fsm() {}

    /** Whether this side connects out (false for passive neighbours). */
    public record Settings(boolean passive) {}

    public static Step step(State state, Event event, Settings settings) {
        return switch (state) {
            case IDLE -> idle(event, settings);
            case CONNECT, ACTIVE -> connecting(state, event, settings);
            case OPENSENT -> openSent(event, settings);
            case OPENCONFIRM -> openConfirm(event, settings);
            case ESTABLISHED -> established(event, settings);
        };
    }

    private static Step idle(Event event, Settings settings) {
        return switch (event) {
            case Event.Start s -> settings.passive() ? Step.of(State.ACTIVE) : Step.of(State.CONNECT, new Connect());
            case Event.RetryDue r -> settings.passive() ? Step.of(State.ACTIVE) : Step.of(State.CONNECT, new Connect());
            // An incoming connection while idle (passive peer waiting): take it (RFC 4271 §8.2.2, passive start).
            case Event.TcpUp t -> Step.of(State.OPENSENT, new SendOpen(), new ArmHold());
            case Event.TcpDown d -> Step.of(State.IDLE);
            default -> Step.of(State.IDLE);
        };
    }

    private static Step connecting(State state, Event event, Settings settings) {
        return switch (event) {
            case Event.TcpUp t -> Step.of(State.OPENSENT, new SendOpen(), new ArmHold());
            case Event.TcpDown d -> Step.of(State.IDLE, new ScheduleRetry());
            case Event.Stop s -> Step.of(State.IDLE, new DisarmTimers(), new Close());
            case Event.Start s -> Step.of(state);
            case Event.RetryDue r -> Step.of(state);
            // Nothing else can arrive without a connection; ignore rather than crash (RFC 4271 §8.2.2 is lenient here).
            default -> Step.of(state);
        };
    }

    private static Step openSent(Event event, Settings settings) {
        return switch (event) {
            case Event.OpenIn o -> Step.of(State.OPENCONFIRM, new SendKeepalive(), new ArmHold(), new ArmKeepalive());
            case Event.NotificationIn n -> down("notification received (" + n.code() + "," + n.subcode() + ")");
            case Event.Error e -> fail(e.code(), e.subcode(), e.reason());
            // ExaBGP: the peer did not send its OPEN in time (bgp.openwait) → 5/1 "waited for open too long".
            case Event.HoldExpired h -> fail(5, 1, "waited for open too long");
            case Event.TcpDown d -> down(d.reason());
            case Event.Stop s -> stop(s);
            // RFC 4271 §8.2.2 OpenSent: any other message is an FSM error (5/1).
            case Event.KeepaliveIn k -> fail(5, 1, "Receive Unexpected Message in OpenSent State");
            case Event.MessageIn m -> fail(5, 1, "Receive Unexpected Message in OpenSent State");
            case Event.KeepaliveDue k -> Step.of(State.OPENSENT);
            case Event.Start s -> Step.of(State.OPENSENT);
            case Event.RetryDue r -> Step.of(State.OPENSENT);
            case Event.TcpUp t -> Step.of(State.OPENSENT);
        };
    }

    private static Step openConfirm(Event event, Settings settings) {
        return switch (event) {
            case Event.KeepaliveIn k -> Step.of(State.ESTABLISHED, new ArmHold(), new SessionUp());
            case Event.NotificationIn n -> down("notification received (" + n.code() + "," + n.subcode() + ")");
            case Event.Error e -> fail(e.code(), e.subcode(), e.reason());
            case Event.HoldExpired h -> fail(4, 0, "Hold timer expired");
            case Event.KeepaliveDue k -> Step.of(State.OPENCONFIRM, new SendKeepalive(), new ArmKeepalive());
            case Event.TcpDown d -> down(d.reason());
            case Event.Stop s -> stop(s);
            // runtime.md §8: anything but a KEEPALIVE after our KEEPALIVE → 5/2.
            case Event.OpenIn o -> fail(5, 2, "Receive Unexpected Message in OpenConfirm State");
            case Event.MessageIn m -> fail(5, 2, "Receive Unexpected Message in OpenConfirm State");
            case Event.Start s -> Step.of(State.OPENCONFIRM);
            case Event.RetryDue r -> Step.of(State.OPENCONFIRM);
            case Event.TcpUp t -> Step.of(State.OPENCONFIRM);
        };
    }

    private static Step established(Event event, Settings settings) {
        return switch (event) {
            case Event.KeepaliveIn k -> Step.of(State.ESTABLISHED, new ArmHold());
            case Event.MessageIn m -> Step.of(State.ESTABLISHED, new ArmHold());
            case Event.KeepaliveDue k -> Step.of(State.ESTABLISHED, new SendKeepalive(), new ArmKeepalive());
            case Event.NotificationIn n -> down("notification received (" + n.code() + "," + n.subcode() + ")");
            case Event.Error e -> fail(e.code(), e.subcode(), e.reason());
            case Event.HoldExpired h -> fail(4, 0, "Hold timer expired");
            case Event.TcpDown d -> down(d.reason());
            case Event.Stop s -> stop(s);
            case Event.OpenIn o -> fail(5, 3, "Receive Unexpected Message in Established State");
            case Event.Start s -> Step.of(State.ESTABLISHED);
            case Event.RetryDue r -> Step.of(State.ESTABLISHED);
            case Event.TcpUp t -> Step.of(State.ESTABLISHED);
        };
    }

    private static Step down(String reason) {
        return Step.of(State.IDLE, new DisarmTimers(), new Close(), new SessionDown(reason), new ScheduleRetry());
    }

    private static Step fail(int code, int subcode, String reason) {
        return Step.of(
                State.IDLE,
                new DisarmTimers(),
                new SendNotification(code, subcode, reason),
                new Close(),
                new SessionDown("notification sent (" + code + "," + subcode + ")"),
                new ScheduleRetry());
    }

    /** A stop is for good: no retry. ExaBGP reports it as {@code stop, message [<reason>]} (json.md §4.1). */
    private static Step stop(Event.Stop s) {
        String down = "stop, message [" + s.reason() + "]";
        if (!s.sendNotification()) return Step.of(State.IDLE, new DisarmTimers(), new Close(), new SessionDown(down));
        return Step.of(
                State.IDLE,
                new DisarmTimers(),
                new SendNotification(s.code(), s.subcode(), s.reason()),
                new Close(),
                new SessionDown(down));
    }
}
