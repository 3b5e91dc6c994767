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
        return switch (event.kind()) {
            case START, RETRY_DUE -> settings.passive() ? Step.of(State.ACTIVE) : Step.of(State.CONNECT, new Connect());
            // An incoming connection while idle (passive peer waiting): take it (RFC 4271 §8.2.2, passive start).
            case TCP_UP -> Step.of(State.OPENSENT, new SendOpen(), new ArmHold());
            default -> Step.of(State.IDLE);
        };
    }

    private static Step connecting(State state, Event event, Settings settings) {
        return switch (event.kind()) {
            case TCP_UP -> Step.of(State.OPENSENT, new SendOpen(), new ArmHold());
            case TCP_DOWN -> Step.of(State.IDLE, new ScheduleRetry());
            case STOP -> Step.of(State.IDLE, new DisarmTimers(), new Close());
            // Nothing else can arrive without a connection; ignore rather than crash (RFC 4271 §8.2.2 is lenient here).
            default -> Step.of(state);
        };
    }

    private static Step openSent(Event event, Settings settings) {
        return switch (event.kind()) {
            case OPEN_IN -> Step.of(State.OPENCONFIRM, new SendKeepalive(), new ArmHold(), new ArmKeepalive());
            case NOTIFICATION_IN -> notified((Event.NotificationIn) event);
            case ERROR -> failed((Event.Error) event);
            // ExaBGP: the peer did not send its OPEN in time (bgp.openwait) → 5/1 "waited for open too long".
            case HOLD_EXPIRED -> fail(5, 1, "waited for open too long");
            case TCP_DOWN -> down(((Event.TcpDown) event).reason());
            case STOP -> stop((Event.Stop) event);
            // RFC 4271 §8.2.2 OpenSent: any other message is an FSM error (5/1).
            case KEEPALIVE_IN, MESSAGE_IN -> fail(5, 1, "Receive Unexpected Message in OpenSent State");
            case KEEPALIVE_DUE, START, RETRY_DUE, TCP_UP -> Step.of(State.OPENSENT);
        };
    }

    private static Step openConfirm(Event event, Settings settings) {
        return switch (event.kind()) {
            case KEEPALIVE_IN -> Step.of(State.ESTABLISHED, new ArmHold(), new SessionUp());
            case NOTIFICATION_IN -> notified((Event.NotificationIn) event);
            case ERROR -> failed((Event.Error) event);
            case HOLD_EXPIRED -> fail(4, 0, "Hold timer expired");
            case KEEPALIVE_DUE -> Step.of(State.OPENCONFIRM, new SendKeepalive(), new ArmKeepalive());
            case TCP_DOWN -> down(((Event.TcpDown) event).reason());
            case STOP -> stop((Event.Stop) event);
            // runtime.md §8: anything but a KEEPALIVE after our KEEPALIVE → 5/2.
            case OPEN_IN, MESSAGE_IN -> fail(5, 2, "Receive Unexpected Message in OpenConfirm State");
            case START, RETRY_DUE, TCP_UP -> Step.of(State.OPENCONFIRM);
        };
    }

    private static Step established(Event event, Settings settings) {
        return switch (event.kind()) {
            case KEEPALIVE_IN, MESSAGE_IN -> Step.of(State.ESTABLISHED, new ArmHold());
            case KEEPALIVE_DUE -> Step.of(State.ESTABLISHED, new SendKeepalive(), new ArmKeepalive());
            case NOTIFICATION_IN -> notified((Event.NotificationIn) event);
            case ERROR -> failed((Event.Error) event);
            case HOLD_EXPIRED -> fail(4, 0, "Hold timer expired");
            case TCP_DOWN -> down(((Event.TcpDown) event).reason());
            case STOP -> stop((Event.Stop) event);
            case OPEN_IN -> fail(5, 3, "Receive Unexpected Message in Established State");
            case START, RETRY_DUE, TCP_UP -> Step.of(State.ESTABLISHED);
        };
    }

    private static Step notified(Event.NotificationIn n) {
        return down("notification received (" + n.code() + "," + n.subcode() + ")");
    }

    private static Step failed(Event.Error e) {
        return fail(e.code(), e.subcode(), e.reason());
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
