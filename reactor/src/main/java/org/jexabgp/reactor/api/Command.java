package org.jexabgp.reactor.api;

import java.util.List;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.message.OperationalContent;
import org.jexabgp.wire.message.OperationalType;
import org.jspecify.annotations.Nullable;

/** One command from an API program (api.md §4), parsed but not yet applied. */
public sealed interface Command {
    /** Route changes: {@code text} is what follows the action word ({@code route …}, {@code ipv4 unicast …}, …). */
    record Routes(List<Selector> selectors, boolean announce, String text) implements Command {}

    record EndOfRib(List<Selector> selectors, Family family) implements Command {}

    record RouteRefresh(List<Selector> selectors, Family family) implements Command {}

    record Teardown(List<Selector> selectors, int subcode) implements Command {}

    record FlushAdjRibOut(List<Selector> selectors) implements Command {}

    record ClearAdjRib(List<Selector> selectors, boolean in, boolean out) implements Command {}

    record Watchdog(boolean announce, String name) implements Command {}

    /**
     * {@code show neighbor [summary|extensive|configuration] [json] [<ip>]}; detail is empty when none was given.
     *
     * @param peer only the neighbour with this address (whole address, never a substring), or null for all
     */
    record ShowNeighbor(String detail, boolean json, @Nullable String peer) implements Command {}

    /** {@code show adj-rib in|out [extensive] [json] [inet|flow|l2vpn] [<ip>]}. */
    record ShowAdjRib(boolean in, boolean extensive, boolean json, RibKind kind, @Nullable String peer)
            implements Command {}

    /** The NLRI types {@code show adj-rib} can be restricted to (ExaBGP's NLRI classes). */
    enum RibKind {
        ALL,
        INET,
        FLOW,
        L2VPN;

        public boolean includes(Family f) {
            boolean l2vpn = f.afi().name().equals("l2vpn");
            boolean flow = f.safi().name().startsWith("flow");
            return switch (this) {
                case ALL -> true;
                case INET -> !l2vpn && !flow;
                case FLOW -> flow;
                case L2VPN -> l2vpn;
            };
        }
    }

    /**
     * {@code announce operational …} (api.md §4.8): what to send to the selected peers. The router-id defaults to each
     * peer's own (ours, as configured for that neighbour).
     */
    record SendOperational(
            List<Selector> selectors,
            OperationalType type,
            Family family,
            String advisory,
            @Nullable IpAddress routerId,
            long sequence,
            long counter)
            implements Command {
        public OperationalContent content(IpAddress defaultRouterId) {
            IpAddress id = routerId == null ? defaultRouterId : routerId;
            return switch (type.shape()) {
                case ADVISORY -> new OperationalContent.Advisory(type, family, advisory);
                case QUERY -> new OperationalContent.Query(type, family, id, sequence);
                case REPLY -> new OperationalContent.Reply(type, family, id, sequence, counter);
            };
        }
    }

    record Version() implements Command {}

    record Help() implements Command {}

    record Shutdown() implements Command {}

    record Reload() implements Command {}

    record Restart() implements Command {}

    /** Drops the connection of the program's CLI (nothing to answer). */
    record Reset() implements Command {}

    record Ack(Mode mode) implements Command {
        public enum Mode {
            ENABLE,
            DISABLE,
            SILENCE
        }
    }

    /** {@code # …}: a comment, answered {@code done}. */
    record Comment(String text) implements Command {}

    /** {@code crash}: ExaBGP's test hook, which fails inside its handler (api.md §4.15); answered {@code error}. */
    record Crash() implements Command {}

    /**
     * {@code create neighbor <ip> { … }}: a neighbour added by a program (docs/neighbors.md); {@code text} is a whole
     * {@code neighbor <ip> { … }} section in configuration syntax.
     */
    record CreateNeighbor(String text) implements Command {}

    /** {@code delete neighbor <ip> [filters]}: stops the selected neighbours with Cease 6/3 and forgets them. */
    record DeleteNeighbor(List<Selector> selectors) implements Command {}

    /** A line that is not a command: answered {@code error}, in its place among the others. */
    record Invalid(String line, String reason) implements Command {}
}
