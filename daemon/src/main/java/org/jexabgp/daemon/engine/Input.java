package org.jexabgp.daemon.engine;

import java.util.List;
import org.jexabgp.reactor.ConnKey;
import org.jexabgp.reactor.Endpoint;
import org.jexabgp.reactor.ProcessKey;

/** Something that happened off the loop thread, waiting in the {@link Inbox} for the next turn. */
sealed interface Input {
    record Lines(ProcessKey process, List<String> lines) implements Input {}

    record ProcessExited(ProcessKey process, int code) implements Input {}

    record Signal(String name, int number) implements Input {}

    record Connected(ConnKey conn, Endpoint local, Endpoint remote) implements Input {}

    record Accepted(ConnKey conn, Endpoint local, Endpoint remote) implements Input {}

    record Received(ConnKey conn, byte[] data, int length) implements Input {}

    record Closed(ConnKey conn, String reason) implements Input {}

    /** Work for the loop thread from elsewhere (a metrics scrape): run with the reactor, between turns. */
    record Task(java.util.function.Consumer<org.jexabgp.reactor.Reactor> task) implements Input {}
}
