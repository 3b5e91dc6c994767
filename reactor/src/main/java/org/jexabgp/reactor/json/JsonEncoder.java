package org.jexabgp.reactor.json;

import java.util.ArrayList;
import java.util.List;
import org.jexabgp.reactor.EventContext;
import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.Verdict;
import org.jexabgp.wire.attribute.Attribute;
import org.jexabgp.wire.message.DecodedUpdate;
import org.jexabgp.wire.message.Message;
import org.jexabgp.wire.message.MessageCodec;
import org.jexabgp.wire.message.Keepalive;
import org.jexabgp.wire.message.Notification;
import org.jexabgp.wire.message.Open;
import org.jexabgp.wire.message.Operational;
import org.jexabgp.wire.message.RouteRefresh;
import org.jexabgp.wire.message.RouteUpdate;
import org.jexabgp.wire.message.UnknownMessage;
import org.jexabgp.wire.message.Update;
import org.jexabgp.wire.nlri.Nlri;
import org.jexabgp.wire.nlri.inet.InetPrefixes;
import org.jspecify.annotations.Nullable;

/**
 * ExaBGP's JSON events (json.md §3–§7, §10): one line each, returned without its newline. Output is valid JSON with
 * ExaBGP's keys, nesting and order; where the seed printed invalid JSON the valid variant of json.md §10 is used.
 */
public final class JsonEncoder {
    /** The JSON format version of the default dialect (json.md §1), not the program version. */
    public static final String FORMAT_VERSION = "5.0.0";

    private final EventContext context;
    private final JsonDialect dialect;

    public JsonEncoder(EventContext context) {
        this(context, JsonDialect.V5);
    }

    /** Events in the given dialect ({@code exabgp.api.json-version}, json.md §11). */
    public JsonEncoder(EventContext context, JsonDialect dialect) {
        this.context = context;
        this.dialect = dialect;
    }

    public JsonDialect dialect() {
        return dialect;
    }

    /** {@code state} (json.md §4.1): connected, up, or down with its reason. */
    public String state(EventNeighbor who, long counter, String state, @Nullable String reason) {
        JacksonJsonSink out = envelope(counter, "state");
        neighbor(out, who);
        out.field("state", state);
        if (reason != null) out.field("reason", reason(reason));
        return close(out);
    }

    /** {@code fsm} (json.md §4.2), the state in upper case. */
    public String fsm(EventNeighbor who, long counter, String state) {
        JacksonJsonSink out = envelope(counter, "fsm");
        neighbor(out, who);
        out.field("state", state);
        return close(out);
    }

    /** {@code signal} (json.md §4.3): the code is a string; API reload/restart/shutdown use 0 and "none". */
    public String signal(EventNeighbor who, long counter, String name, int number) {
        JacksonJsonSink out = envelope(counter, "signal");
        neighbor(out, who);
        out.field("code", Integer.toString(number)).field("name", name);
        return close(out);
    }

    /** {@code negotiated} (json.md §4.4, valid-JSON variant). */
    public String negotiated(EventNeighbor who, long counter, Negotiated negotiated) {
        JacksonJsonSink out = envelope(counter, "negotiated");
        neighbor(out, who);
        negotiated(out, negotiated);
        return close(out);
    }

    /**
     * A copy of a message (json.md §5–§7).
     *
     * @param raw the whole message as on the wire, header included
     * @param session what was negotiated (add-path decides whether NLRIs show a path id)
     * @param showNegotiated append {@code "negotiated"}: the caller applies json.md §2's rules (update and packets form
     *     only; sent always, received when subscribed)
     */
    public String message(
            EventNeighbor who,
            long counter,
            Message message,
            Direction direction,
            Bytes raw,
            MessageForm form,
            Negotiated session,
            boolean showNegotiated) {
        if (form == MessageForm.PACKETS) {
            Bytes header = MessageCodec.headerOf(raw);
            Bytes body = MessageCodec.bodyOf(raw);
            JacksonJsonSink out = envelope(counter, message.type().jsonName());
            neighbor(out, who);
            out.field("direction", direction.jsonName());
            out.beginObject("message")
                    .field("category", message.type().value())
                    .field("header", "0x" + header.hex())
                    .field("body", "0x" + body.hex())
                    .endObject();
            if (showNegotiated) negotiated(out, session);
            return close(out);
        }
        JacksonJsonSink out = envelope(counter, parsedType(message));
        if (form == MessageForm.CONSOLIDATE) {
            // only this form shows the raw message: the parsed one does not copy it
            Bytes header = MessageCodec.headerOf(raw);
            Bytes body = MessageCodec.bodyOf(raw);
            out.field("header", "0x" + header.hex());
            if (!body.isEmpty()) out.field("body", "0x" + body.hex()); // json.md §7: empty bodies omit it
        }
        neighbor(out, who);
        out.field("direction", direction.jsonName());
        // tests of the type, not a switch on it: such a switch is linked at run time by a bootstrap that generates a
        // class, milliseconds of a start (issue 9); a KEEPALIVE has nothing more
        if (message instanceof RouteUpdate u) {
            update(out, u.decoded(), direction, session);
        } else if (message instanceof Open o) {
            o.json(out, direction.received());
        } else if (message instanceof Notification n) {
            dialect.notification(out, n, direction.received());
        } else if (message instanceof RouteRefresh r) {
            r.json(out);
        } else if (message instanceof Operational op) {
            // json.md §5.9; a body we cannot read is shown raw
            var content = op.content();
            if (content != null) content.json(out);
            else out.beginObject("operational").field("raw", "0x" + op.body().hex()).endObject();
        } else if (message instanceof UnknownMessage u) {
            out.beginObject("message").field("raw", "0x" + u.body().hex()).endObject();
        } else if (!(message instanceof Keepalive)) {
            throw new IllegalArgumentException("no JSON for " + message);
        }
        if (showNegotiated && message instanceof RouteUpdate) negotiated(out, session);
        return close(out);
    }

    /** The shutdown notice (json.md §5.10): no counter, no neighbour. */
    public String shutdown() {
        JacksonJsonSink out = head();
        out.field("type", "notification").field("notification", "shutdown");
        out.endObject();
        return out.text();
    }

    /** json.md §5 uses "refresh" for the parsed form, the message name elsewhere. */
    private static String parsedType(Message message) {
        return message instanceof RouteRefresh ? "refresh" : message.type().jsonName();
    }

    private void update(JacksonJsonSink out, DecodedUpdate decoded, Direction direction, Negotiated session) {
        Update update = decoded.effective();
        out.beginObject("message");
        Family eor = update.endOfRib();
        if (eor != null) {
            // json.md §5.4: "message" holds "eor" directly
            out.beginObject("eor").field("afi", eor.afi().name()).field("safi", eor.safi().name()).endObject();
            out.endObject();
            return;
        }
        out.beginObject("update");
        List<Attribute> attributes = update.pathAttributes();
        boolean error = decoded.verdict() != Verdict.ACCEPT && !decoded.problems().isEmpty();
        if (!attributes.isEmpty() || error) {
            out.beginObject("attribute");
            for (Attribute a : attributes) dialect.attribute(out, a);
            // json.md §5.3: treat-as-withdraw / discard add their reason
            if (error) out.field("error", String.join("; ", decoded.problems()));
            out.endObject();
        }
        List<Update.Announcement> announcements = update.announcements();
        if (!announcements.isEmpty()) {
            out.beginObject("announce");
            Family current = null;
            for (Update.Announcement a : announcements) {
                if (!a.family().equals(current)) {
                    if (current != null) out.endObject();
                    out.beginObject(a.family().name());
                    current = a.family();
                }
                out.beginArray(a.nextHop());
                // BGP-LS node/prefix objects repeat the next hop (json.md §5.6)
                boolean withPathId = pathIds(session, a.family(), direction);
                // received classic prefixes are rendered from their bytes, without an object per prefix
                if (a.nlris() instanceof InetPrefixes p) p.json(out, withPathId);
                else for (Nlri n : a.nlris()) n.json(out, withPathId, a.nextHop());
                out.endArray();
            }
            out.endObject();
            out.endObject();
        }
        List<Update.Withdrawal> withdrawals = update.withdrawals();
        if (!withdrawals.isEmpty()) {
            out.beginObject("withdraw");
            for (Update.Withdrawal w : withdrawals) {
                out.beginArray(w.family().name());
                nlris(out, w.nlris(), pathIds(session, w.family(), direction));
                out.endArray();
            }
            out.endObject();
        }
        out.endObject();
        out.endObject();
    }

    private static boolean pathIds(Negotiated session, Family family, Direction direction) {
        return direction.received() ? session.receivesPathId(family) : session.sendsPathId(family);
    }

    private static void nlris(JacksonJsonSink out, List<Nlri> nlris, boolean withPathId) {
        if (nlris instanceof InetPrefixes p) p.json(out, withPathId);
        else for (Nlri n : nlris) n.json(out, withPathId);
    }

    /** The {@code "negotiated"} object (json.md §4.4), add-path lists in family order for a stable output. */
    static void negotiated(JacksonJsonSink out, Negotiated n) {
        out.beginObject("negotiated")
                .field("message_size", n.messageSize())
                .field("hold_time", n.holdTimeSeconds())
                .field("asn4", n.asn4())
                .field("multisession", n.multisession())
                .field("operational", n.operational())
                .field("refresh", n.refresh().jsonName());
        out.beginArray("families");
        for (Family f : n.families()) out.value(f.name());
        out.endArray();
        out.beginArray("nexthop");
        List<Negotiated.NextHopFamily> nexthops = new ArrayList<>(n.extendedNextHop());
        nexthops.sort((a, b) -> a.family().compareTo(b.family()) != 0
                ? a.family().compareTo(b.family())
                : Integer.compare(a.nextHopAfi().value(), b.nextHopAfi().value()));
        for (Negotiated.NextHopFamily x : nexthops) out.value(x.family().name() + " " + x.nextHopAfi().name());
        out.endArray();
        out.beginObject("add_path");
        out.beginArray("send");
        for (Family f : n.addPathSend().stream().sorted().toList()) out.value(f.name());
        out.endArray();
        out.beginArray("receive");
        for (Family f : n.addPathReceive().stream().sorted().toList()) out.value(f.name());
        out.endArray();
        out.endObject();
        out.endObject();
    }

    /** json.md §4.1 / J8: brackets and braces of a reason are shown as parentheses (JSON escaping does the rest). */
    static String reason(String reason) {
        return reason.replace('[', '(').replace(']', ')').replace('{', '(').replace('}', ')');
    }

    private JacksonJsonSink head() {
        JacksonJsonSink out = new JacksonJsonSink();
        out.beginObject();
        out.field("exabgp", dialect.formatVersion());
        out.rawNumber("time", Numbers.python(context.epochSeconds().getAsDouble()));
        out.field("host", context.host()).field("pid", context.pid()).field("ppid", context.ppid());
        return out;
    }

    private JacksonJsonSink envelope(long counter, String type) {
        JacksonJsonSink out = head();
        out.field("counter", counter).field("type", type);
        return out;
    }

    private static void neighbor(JacksonJsonSink out, EventNeighbor who) {
        out.beginObject("neighbor");
        out.beginObject("address").field("local", who.localAddress()).field("peer", who.peerAddress()).endObject();
        out.beginObject("asn").field("local", who.localAs()).field("peer", who.peerAs()).endObject();
    }

    /** Closes the neighbour object and the envelope. */
    private static String close(JacksonJsonSink out) {
        out.endObject().endObject();
        return out.text();
    }
}
