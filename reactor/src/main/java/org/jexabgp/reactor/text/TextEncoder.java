package org.jexabgp.reactor.text;

import java.util.List;
import org.jexabgp.reactor.json.Direction;
import org.jexabgp.reactor.json.EventNeighbor;
import org.jexabgp.reactor.json.MessageForm;
import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.attribute.Attribute;
import org.jexabgp.wire.message.Keepalive;
import org.jexabgp.wire.message.Message;
import org.jexabgp.wire.message.MessageCodec;
import org.jexabgp.wire.message.Notification;
import org.jexabgp.wire.message.Open;
import org.jexabgp.wire.message.Operational;
import org.jexabgp.wire.message.RouteRefresh;
import org.jexabgp.wire.message.RouteUpdate;
import org.jexabgp.wire.message.UnknownMessage;
import org.jexabgp.wire.message.Update;
import org.jexabgp.wire.nlri.Nlri;
import org.jspecify.annotations.Nullable;

/**
 * ExaBGP's text encoder (json.md §8). Each event string ends with {@code \n}, as ExaBGP's do; the writer adds the line
 * terminator after it, so programs see a blank line between events. Null means this encoder writes nothing.
 */
public final class TextEncoder {
    private final long pid;
    private final long ppid;

    public TextEncoder(long pid, long ppid) {
        this.pid = pid;
        this.ppid = ppid;
    }

    public String state(EventNeighbor who, String state, @Nullable String reason) {
        String line = "neighbor " + who.peerAddress() + " " + state;
        if ("down".equals(state)) line += " - " + (reason == null ? "" : reason);
        return line + "\n";
    }

    /** fsm, signal and negotiated events have no text form. */
    public @Nullable String silent() {
        return null;
    }

    public String message(EventNeighbor who, Message message, Direction direction, Bytes raw, MessageForm form) {
        String prefix = "neighbor " + who.peerAddress() + " " + direction.jsonName() + " ";
        String packets = "header 0x" + MessageCodec.headerOf(raw).hex() + " body 0x" + MessageCodec.bodyOf(raw).hex();
        if (form == MessageForm.PACKETS) return prefix + message.type().value() + " " + packets + "\n";
        String suffix = form == MessageForm.CONSOLIDATE ? " " + packets : "";
        return switch (message) {
            case Open o -> prefix + o.text() + suffix + "\n";
            case Keepalive k -> prefix + "keepalive" + suffix + "\n";
            case RouteUpdate u -> update(prefix, u.decoded().effective(), form == MessageForm.CONSOLIDATE ? packets : null);
            case Notification n ->
                prefix + "notification code " + n.code() + " subcode " + n.subcode() + " data 0x" + n.data().hex()
                        + suffix + "\n";
            case RouteRefresh r ->
                prefix + "route-refresh afi " + r.family().afi().name() + " safi " + r.family().safi().name() + " "
                        + r.subtypeName() + suffix + "\n";
            // json.md §8: operational lines lack the trailing newline
            case Operational op -> {
                var content = op.content();
                yield prefix + "operational " + (content != null ? content.text() : "raw 0x" + op.body().hex()) + suffix;
            }
            case UnknownMessage u -> prefix + u.code() + " " + packets + "\n";
        };
    }

    /** The shutdown notice: {@code shutdown <pid> <ppid>}. */
    public String shutdown() {
        return "shutdown " + pid + " " + ppid + "\n";
    }

    private static String update(String prefix, Update update, @Nullable String packets) {
        Family eor = update.endOfRib();
        if (eor != null) {
            return prefix + "update route eor " + eor.afi().value() + "/" + eor.safi().value() + " (" + eor.name()
                    + ")\n";
        }
        StringBuilder attributes = new StringBuilder();
        for (Attribute a : update.pathAttributes()) {
            String text = a.text();
            if (!text.isEmpty()) attributes.append(' ').append(text);
        }
        StringBuilder sb = new StringBuilder();
        sb.append(prefix).append("update start\n");
        for (Update.Announcement a : update.announcements()) {
            boolean hop = !a.nextHop().equals("no-nexthop") && !a.nextHop().equals("null");
            for (Nlri n : a.nlris()) {
                // json.md §8: the NLRI places the next hop (a VPN route puts it before its rd)
                sb.append(prefix).append("update announced ").append(hop ? n.text(a.nextHop()) : n.text());
                sb.append(attributes).append('\n');
            }
        }
        for (Update.Withdrawal w : update.withdrawals()) {
            List<Nlri> nlris = w.nlris();
            for (Nlri n : nlris) sb.append(prefix).append("update withdrawn ").append(n.text()).append('\n');
        }
        // json.md §8: consolidate puts the raw form on its own line before "update end"
        if (packets != null) sb.append(prefix).append(packets).append('\n');
        sb.append(prefix).append("update end\n");
        return sb.toString();
    }
}
