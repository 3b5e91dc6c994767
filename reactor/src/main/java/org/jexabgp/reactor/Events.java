package org.jexabgp.reactor;

import java.util.Map;
import java.util.Set;
import org.jexabgp.core.fsm.State;
import org.jexabgp.core.model.ApiBinding.ApiMessage;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.message.Message;
import org.jexabgp.wire.message.MessageType;
import org.jspecify.annotations.Nullable;

/**
 * Sends each event to the programs that subscribed to it (json.md §2), rendered once per encoder and shared by all the
 * programs using that encoder.
 */
final class Events {
    private final Processes processes;
    private final EventFormat json;
    private final EventFormat text;

    Events(Processes processes, EventFormat json, EventFormat text) {
        this.processes = processes;
        this.json = json;
        this.text = text;
    }

    private static EventFormat.Who who(Peer peer) {
        IpAddress local = peer.session.localAddress();
        Negotiated n = peer.session.negotiated();
        long localAs = n != null ? n.localAs() : orZero(peer.neighbor.localAs());
        long peerAs = n != null ? n.peerAs() : orZero(peer.neighbor.peerAs());
        return new EventFormat.Who(
                local == null ? "None" : local.toString(), peer.neighbor.peerAddress().toString(), localAs, peerAs);
    }

    private static long orZero(@Nullable Long v) {
        return v == null ? 0 : v;
    }

    void state(Peer peer, String state, @Nullable String reason) {
        fanOut(peer, f -> f.neighborChanges, (format, counter) -> format.state(who(peer), counter, state, reason));
    }

    void fsm(Peer peer, State state) {
        fanOut(peer, f -> f.fsm, (format, counter) -> format.fsm(who(peer), counter, state.name()));
    }

    void signal(Peer peer, String name, int number) {
        fanOut(peer, f -> f.signal, (format, counter) -> format.signal(who(peer), counter, name, number));
    }

    void negotiated(Peer peer, Negotiated negotiated) {
        fanOut(peer, f -> f.negotiated, (format, counter) -> format.negotiated(who(peer), counter, negotiated));
    }

    boolean wantsCopies(Peer peer, int messageType, boolean received) {
        ApiMessage kind = kind(messageType);
        return kind != null && peer.subscriptions.wantsCopies(kind, received);
    }

    void message(Peer peer, Message message, boolean received, byte[] raw, Negotiated negotiated) {
        ApiMessage kind = kind(message.type().value());
        if (kind == null || !peer.subscriptions.wantsCopies(kind, received)) return;
        Set<ApiMessage> formats = peer.subscriptions.formats(received);
        EventFormat.Form form = formats.contains(ApiMessage.CONSOLIDATE)
                ? EventFormat.Form.CONSOLIDATE
                : formats.contains(ApiMessage.PARSED) ? EventFormat.Form.PARSED : EventFormat.Form.PACKETS;
        // json.md §2: received copies carry "negotiated" only when asked; packets and sent updates always do.
        boolean attach = !received || peer.subscriptions.wantsNegotiated();
        boolean attachHere = attach && (message.type().value() == 2 || form == EventFormat.Form.PACKETS);
        fanOut(peer, f -> (received ? f.receive : f.send).contains(kind),
                (format, counter) ->
                        format.message(who(peer), counter, message, received, raw, form, negotiated, attachHere));
    }

    /**
     * Renders an event with each encoder and drops it, before any connection is made: the first rendering loads the
     * encoders (tens of ms on a fresh JVM, AOT cache or not), which would otherwise hold back the first sessions' OPEN
     * by as much, time in which a peer that also connects out opens a second, colliding connection.
     */
    void prepare() {
        EventFormat.Who who = new EventFormat.Who("127.0.0.1", "127.0.0.1", 0, 0);
        json.state(who, 0, "connected", null);
        text.state(who, 0, "connected", null);
    }

    /** The shutdown notice, to every running program. */
    void shutdown() {
        String j = json.shutdown();
        String t = text.shutdown();
        for (Processes.Entry e : processes.all()) processes.write(e, e.json() ? j : t);
    }

    private static @Nullable ApiMessage kind(int messageType) {
        return switch (messageType) {
            case 1 -> ApiMessage.OPEN;
            case 2 -> ApiMessage.UPDATE;
            case 3 -> ApiMessage.NOTIFICATION;
            case 4 -> ApiMessage.KEEPALIVE;
            case 5 -> ApiMessage.REFRESH;
            case 6 -> ApiMessage.OPERATIONAL;
            default -> null;
        };
    }

    private interface Wants {
        boolean test(Subscriptions.Flags flags);
    }

    private interface Render {
        @Nullable String render(EventFormat format, long counter);
    }

    /** One counter value per event; each encoder renders at most once. */
    private void fanOut(Peer peer, Wants wants, Render render) {
        boolean any = false;
        for (Subscriptions.Flags f : peer.subscriptions.all().values()) any |= wants.test(f);
        if (!any) return;
        long counter = ++peer.counter;
        String jsonLine = null, textLine = null;
        boolean jsonDone = false, textDone = false;
        for (Map.Entry<String, Subscriptions.Flags> e : peer.subscriptions.all().entrySet()) {
            if (!wants.test(e.getValue())) continue;
            Processes.Entry p = processes.get(e.getKey());
            if (p == null) continue;
            if (p.json()) {
                if (!jsonDone) {
                    jsonLine = render.render(json, counter);
                    jsonDone = true;
                }
                if (jsonLine != null) processes.write(p, jsonLine);
            } else {
                if (!textDone) {
                    textLine = render.render(text, counter);
                    textDone = true;
                }
                if (textLine != null) processes.write(p, textLine);
            }
        }
    }

    static boolean isUpdate(Message m) {
        return m.type().equals(MessageType.UPDATE);
    }
}
