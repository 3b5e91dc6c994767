package org.jexabgp.reactor;

import java.util.HexFormat;
import java.util.Locale;
import org.jexabgp.core.model.Route;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.message.Keepalive;
import org.jexabgp.wire.message.Message;
import org.jexabgp.wire.message.RouteUpdate;
import org.jexabgp.wire.message.Update;
import org.jexabgp.wire.nlri.Nlri;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ExaBGP's log categories that are off by default (runtime.md §7), each a logger switched by its {@code log.<name>}
 * setting: what they say about a peer's messages, its RIBs and its counters. Every method asks its logger first, so
 * nothing is built while the category is off (the message path is hot).
 *
 * <ul>
 *   <li>{@code packets} (DEBUG): each message received ({@code <<}) or sent ({@code >>}), as hex;
 *   <li>{@code routes} (INFO): each route of an UPDATE received or sent;
 *   <li>{@code rib} (INFO): Adj-RIB-In and Adj-RIB-Out changes;
 *   <li>{@code timers} (DEBUG): keepalives sent and received, the hold time of a new session;
 *   <li>{@code parser} (DEBUG): API commands as parsed, problems found decoding an UPDATE;
 *   <li>{@code message} (INFO): route changes made by a reload;
 *   <li>{@code statistics} (INFO): a session's message counters when it ends;
 *   <li>{@code configuration} (INFO): the files loaded (logged by the daemon, which reads them).
 * </ul>
 */
final class LogCategories {
    static final Logger PACKETS = LoggerFactory.getLogger("exabgp.packets");
    static final Logger ROUTES = LoggerFactory.getLogger("exabgp.routes");
    static final Logger RIB = LoggerFactory.getLogger("exabgp.rib");
    static final Logger TIMERS = LoggerFactory.getLogger("exabgp.timers");
    static final Logger PARSER = LoggerFactory.getLogger("exabgp.parser");
    static final Logger MESSAGE = LoggerFactory.getLogger("exabgp.message");
    static final Logger STATISTICS = LoggerFactory.getLogger("exabgp.statistics");

    private LogCategories() {}

    /** Whether our own UPDATEs must be decoded again for the log (only then: it costs a decode each). */
    static boolean wantsSentUpdates() {
        return PACKETS.isDebugEnabled() || ROUTES.isInfoEnabled();
    }

    /** A message received from the peer or queued for it. */
    static void message(Peer p, Message message, boolean received, byte[] raw) {
        String arrow = received ? "<<" : ">>";
        if (PACKETS.isDebugEnabled())
            PACKETS.debug("peer {} {} {} {}", who(p), arrow, message.type().jsonName().toUpperCase(Locale.ROOT),
                    HexFormat.of().withUpperCase().formatHex(raw));
        if (message instanceof RouteUpdate u) {
            if (ROUTES.isInfoEnabled()) routes(ROUTES, "peer " + who(p) + " " + arrow, u.decoded().effective());
            if (received && PARSER.isDebugEnabled() && !u.decoded().problems().isEmpty())
                PARSER.debug("peer {} UPDATE decoded with {}: {}", who(p), u.decoded().verdict().name()
                        .toLowerCase(Locale.ROOT), String.join("; ", u.decoded().problems()));
        } else if (message instanceof Keepalive && TIMERS.isDebugEnabled()) {
            if (received) TIMERS.debug("peer {} keepalive received, hold timer restarted", who(p));
            else TIMERS.debug("peer {} keepalive sent", who(p));
        }
    }

    /** Received routes entering or leaving the Adj-RIB-In. */
    static void ribIn(Peer p, Message message) {
        if (RIB.isInfoEnabled() && message instanceof RouteUpdate u)
            routes(RIB, "peer " + who(p) + " adj-rib-in", u.decoded().effective());
    }

    /** A route entering ({@code announce}) or leaving the Adj-RIB-Out of a peer. */
    /** Whether {@link #ribOut} writes anything: callers skip making its routes otherwise. */
    static boolean ribOutEnabled() {
        return RIB.isInfoEnabled();
    }

    static void ribOut(Peer p, Route route, boolean announce) {
        if (RIB.isInfoEnabled())
            RIB.info("peer {} adj-rib-out {} {}", who(p), announce ? "announce" : "withdraw", text(route));
    }

    static void sessionUp(Peer p, Negotiated n) {
        if (TIMERS.isDebugEnabled()) {
            int hold = n.holdTimeSeconds();
            if (hold == 0) TIMERS.debug("peer {} hold time 0: no keepalive, no hold timer", who(p));
            else TIMERS.debug("peer {} hold time {}s, keepalive every {}s", who(p), hold, Math.max(1, hold / 3));
        }
    }

    /** The counters of the session that just ended (runtime.md §8, "Statistics"). */
    static void sessionDown(Peer p) {
        if (!STATISTICS.isInfoEnabled()) return;
        StringBuilder sb = new StringBuilder();
        for (String name : MessageStatistics.NAMES)
            sb.append(' ').append(name).append(' ').append(p.statistics.sent(name)).append('/')
                    .append(p.statistics.received(name));
        STATISTICS.info("peer {} messages sent/received:{}", who(p), sb);
    }

    /** The peer as the logs name it: its address (Neighbor.name() is the long form of {@code show neighbor}). */
    static String who(Peer p) {
        return p.neighbor.peerAddress().toString();
    }

    static String text(Route r) {
        org.jexabgp.wire.IpAddress hop = r.nextHop();
        return hop != null ? r.nlri().text() + " next-hop " + hop : r.nlri().text();
    }

    private static void routes(Logger log, String prefix, Update update) {
        org.jexabgp.wire.Family eor = update.endOfRib();
        if (eor != null) {
            log.info("{} end-of-rib {}", prefix, eor.name());
            return;
        }
        for (Update.Announcement a : update.announcements())
            for (Nlri n : a.nlris()) log.info("{} announce {} next-hop {}", prefix, n.text(), a.nextHop());
        for (Update.Withdrawal w : update.withdrawals())
            for (Nlri n : w.nlris()) log.info("{} withdraw {}", prefix, n.text());
    }
}
