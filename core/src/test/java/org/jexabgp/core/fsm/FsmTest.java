package org.jexabgp.core.fsm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every (state, event) pair, for active and passive neighbours. The expected rows are derived from RFC 4271 §8.2.2
 * (with the RFC 6608 FSM-error subcodes) and from ExaBGP's choices written down in runtime.md §8 and json.md §4.1, not
 * from the implementation. Event kinds that the session layer cannot produce in a state (a message without a
 * connection) are expected to be ignored: the RFC's answer there is to drop a connection that does not exist.
 */
class FsmTest {
    private static final Fsm.Settings ACTIVE_PEER = new Fsm.Settings(false);
    private static final Fsm.Settings PASSIVE_PEER = new Fsm.Settings(true);

    /** One sample of each of the 12 event kinds. */
    private static final List<Event> EVENTS = List.of(
            new Event.Start(),
            new Event.Stop(6, 2, "shutting down", true),
            new Event.TcpUp(),
            new Event.TcpDown("closing connection"),
            new Event.OpenIn(),
            new Event.KeepaliveIn(),
            new Event.MessageIn(),
            new Event.NotificationIn(6, 4),
            new Event.Error(3, 1, "malformed attribute list"),
            new Event.HoldExpired(),
            new Event.KeepaliveDue(),
            new Event.RetryDue());

    private record Row(State state, Event event, boolean passive, Step expected) {
        @Override
        public String toString() {
            return state + " + " + event.getClass().getSimpleName() + (passive ? " (passive)" : " (active)");
        }
    }

    static Stream<Arguments> table() {
        List<Arguments> rows = new ArrayList<>();
        for (boolean passive : List.of(false, true)) {
            for (State s : State.values()) {
                for (Event e : EVENTS) {
                    rows.add(Arguments.of(new Row(s, e, passive, expected(s, e, passive))));
                }
            }
        }
        return rows.stream();
    }


    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void everyStateAndEvent(Row row) {
        Step step = Fsm.step(row.state(), row.event(), row.passive() ? PASSIVE_PEER : ACTIVE_PEER);
        assertThat(step.next()).as("next state of %s", row).isEqualTo(row.expected().next());
        assertThat(step.actions()).as("actions of %s", row).containsExactlyElementsOf(row.expected().actions());
    }

    @Test
    void tableCoversSixStatesTimesTwelveEventKindsTimesTwoModes() {
        assertThat(table().count()).isEqualTo(6 * 12 * 2);
        // every permitted Event subtype has a sample: a new event kind must get rows here
        Set<Class<?>> kinds = EVENTS.stream().map(Object::getClass).collect(Collectors.toSet());
        assertThat(kinds).containsExactlyInAnyOrder(Event.class.getPermittedSubclasses());
    }

    /** RFC 4271 §8.2.2 ManualStop without a session to notify: close silently, no retry, no NOTIFICATION. */
    @Test
    void stopWithoutNotificationClosesSilently() {
        Event stop = new Event.Stop(6, 2, "graceful restart", false);
        for (State s : List.of(State.OPENSENT, State.OPENCONFIRM, State.ESTABLISHED)) {
            Step step = Fsm.step(s, stop, ACTIVE_PEER);
            assertThat(step.next()).as("%s", s).isEqualTo(State.IDLE);
            assertThat(step.actions()).as("%s", s)
                    .containsExactly(
                            new DisarmTimers(), new Close(), new SessionDown("stop, message [graceful restart]"));
        }
    }

    /** The reasons of a down event carry the code pair, as ExaBGP's peer.py prints them (json.md §4.1). */
    @Test
    void downReasonsNameTheNotification() {
        Step sent = Fsm.step(State.ESTABLISHED, new Event.Error(2, 2, "bad peer AS"), ACTIVE_PEER);
        assertThat(sent.actions()).contains(new SessionDown("notification sent (2,2)"));
        Step received = Fsm.step(State.OPENCONFIRM, new Event.NotificationIn(1, 3), ACTIVE_PEER);
        assertThat(received.actions()).contains(new SessionDown("notification received (1,3)"));
    }

    // ---- the expected table ----

    private static Step expected(State state, Event event, boolean passive) {
        return switch (state) {
            case IDLE -> idle(event, passive);
            case CONNECT, ACTIVE -> connecting(state, event);
            case OPENSENT -> openSent(event);
            case OPENCONFIRM -> openConfirm(event);
            case ESTABLISHED -> established(event);
        };
    }

    /**
     * RFC 4271 §8.2.2 Idle: a (manual or automatic) start connects out (Connect) or, passive, waits (Active); every
     * other event is ignored. ExaBGP also takes an incoming connection matched to an idle peer (runtime.md §8), which
     * sends our OPEN and arms the open-wait timer.
     */
    private static Step idle(Event event, boolean passive) {
        return switch (event) {
            case Event.Start s -> passive ? step(State.ACTIVE) : step(State.CONNECT, new Connect());
            // the back-off delay is over: ExaBGP's reconnect, an automatic start
            case Event.RetryDue r -> passive ? step(State.ACTIVE) : step(State.CONNECT, new Connect());
            case Event.TcpUp t -> step(State.OPENSENT, new SendOpen(), new ArmHold());
            default -> step(State.IDLE);
        };
    }

    /**
     * RFC 4271 §8.2.2 Connect/Active: TcpConnectionConfirmed sends OPEN and sets the (large) hold timer → OpenSent;
     * a failed connection → Idle and retry later (ExaBGP's back-off, runtime.md §8); ManualStop drops the connection
     * attempt → Idle. No session existed, so no down event.
     */
    private static Step connecting(State state, Event event) {
        return switch (event) {
            case Event.TcpUp t -> step(State.OPENSENT, new SendOpen(), new ArmHold());
            case Event.TcpDown d -> step(State.IDLE, new ScheduleRetry());
            case Event.Stop s -> step(State.IDLE, new DisarmTimers(), new Close());
            default -> step(state);
        };
    }

    /** RFC 4271 §8.2.2 OpenSent. */
    private static Step openSent(Event event) {
        return switch (event) {
            // sends KEEPALIVE, sets the keepalive timer and the negotiated hold timer → OpenConfirm
            case Event.OpenIn o -> step(State.OPENCONFIRM, new SendKeepalive(), new ArmHold(), new ArmKeepalive());
            case Event.NotificationIn n -> received(n);
            case Event.Error e -> sent(e.code(), e.subcode(), e.reason());
            // runtime.md §8 (ExaBGP, bgp.openwait): "expiry → NOTIFICATION 5/1 'waited for open too long'"
            case Event.HoldExpired h -> sent(5, 1, "waited for open too long");
            case Event.TcpDown d -> closed(d.reason());
            case Event.Stop s -> stopped(s);
            // RFC 6608 §4: any other message in OpenSent → FSM error 5/1 (wire.md §3.3 "first message not OPEN")
            case Event.KeepaliveIn k -> sent(5, 1, "Receive Unexpected Message in OpenSent State");
            case Event.MessageIn m -> sent(5, 1, "Receive Unexpected Message in OpenSent State");
            default -> step(State.OPENSENT);
        };
    }

    /** RFC 4271 §8.2.2 OpenConfirm. */
    private static Step openConfirm(Event event) {
        return switch (event) {
            // KeepAliveMsg: restart the hold timer → Established; ExaBGP then reports up and sends its Adj-RIB-Out
            case Event.KeepaliveIn k -> step(State.ESTABLISHED, new ArmHold(), new SessionUp());
            case Event.NotificationIn n -> received(n);
            case Event.Error e -> sent(e.code(), e.subcode(), e.reason());
            case Event.HoldExpired h -> sent(4, 0, "Hold timer expired");
            case Event.KeepaliveDue k -> step(State.OPENCONFIRM, new SendKeepalive(), new ArmKeepalive());
            case Event.TcpDown d -> closed(d.reason());
            case Event.Stop s -> stopped(s);
            // runtime.md §8: anything but KEEPALIVE → 5/2 (RFC 6608 subcode 2)
            case Event.OpenIn o -> sent(5, 2, "Receive Unexpected Message in OpenConfirm State");
            case Event.MessageIn m -> sent(5, 2, "Receive Unexpected Message in OpenConfirm State");
            default -> step(State.OPENCONFIRM);
        };
    }

    /** RFC 4271 §8.2.2 Established. */
    private static Step established(Event event) {
        return switch (event) {
            case Event.KeepaliveIn k -> step(State.ESTABLISHED, new ArmHold());
            case Event.MessageIn m -> step(State.ESTABLISHED, new ArmHold());
            case Event.KeepaliveDue k -> step(State.ESTABLISHED, new SendKeepalive(), new ArmKeepalive());
            case Event.NotificationIn n -> received(n);
            case Event.Error e -> sent(e.code(), e.subcode(), e.reason());
            case Event.HoldExpired h -> sent(4, 0, "Hold timer expired");
            case Event.TcpDown d -> closed(d.reason());
            case Event.Stop s -> stopped(s);
            // RFC 6608: an OPEN in Established → 5/3
            case Event.OpenIn o -> sent(5, 3, "Receive Unexpected Message in Established State");
            default -> step(State.ESTABLISHED);
        };
    }

    private static Step step(State next, Action... actions) {
        return new Step(next, List.of(actions));
    }

    /** We send a NOTIFICATION: it jumps the queue, the connection closes after it, retry later. */
    private static Step sent(int code, int subcode, String reason) {
        return step(State.IDLE, new DisarmTimers(), new SendNotification(code, subcode, reason), new Close(),
                new SessionDown("notification sent (" + code + "," + subcode + ")"), new ScheduleRetry());
    }

    private static Step received(Event.NotificationIn n) {
        return step(State.IDLE, new DisarmTimers(), new Close(),
                new SessionDown("notification received (" + n.code() + "," + n.subcode() + ")"), new ScheduleRetry());
    }

    private static Step closed(String reason) {
        return step(State.IDLE, new DisarmTimers(), new Close(), new SessionDown(reason), new ScheduleRetry());
    }

    /** A stop is for good: Cease, close, down, and no retry. */
    private static Step stopped(Event.Stop s) {
        return step(State.IDLE, new DisarmTimers(), new SendNotification(s.code(), s.subcode(), s.reason()),
                new Close(), new SessionDown("stop, message [" + s.reason() + "]"));
    }
}
