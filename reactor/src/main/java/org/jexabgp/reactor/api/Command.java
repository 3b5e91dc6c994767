package org.jexabgp.reactor.api;

import java.util.List;
import org.jexabgp.wire.Family;

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

    record ShowNeighbor(String detail, boolean json, String filter) implements Command {}

    record ShowAdjRib(boolean in, boolean extensive, boolean json, String filter) implements Command {}

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

    /** A line that is not a command: answered {@code error}, in its place among the others. */
    record Invalid(String line, String reason) implements Command {}
}
