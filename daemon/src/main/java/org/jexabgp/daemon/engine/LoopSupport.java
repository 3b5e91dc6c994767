package org.jexabgp.daemon.engine;

import java.util.List;
import java.util.Map;
import org.jexabgp.reactor.ProcessKey;
import org.jexabgp.reactor.Reactor;
import sun.misc.Signal;

/** What both engines share: the inbox, programs, signals, and handing inputs to the reactor. */
final class LoopSupport {
    /** Signals ExaBGP acts on (runtime.md §4). USR2 only reaches us when the launcher moved the VM's own. */
    private static final List<String> SIGNALS = List.of("TERM", "INT", "HUP", "USR1", "USR2", "ALRM");

    final Inbox inbox = new Inbox();
    final LoopStats stats = new LoopStats();
    final ProcessRunner processes = new ProcessRunner(inbox, stats);

    /** At the end of a run: the listening ports are free again for whatever runs next in this JVM. */
    static void closeListeners(List<java.nio.channels.ServerSocketChannel> servers) {
        for (java.nio.channels.ServerSocketChannel s : servers) {
            try {
                s.close();
            } catch (java.io.IOException e) {
                org.slf4j.LoggerFactory.getLogger("exabgp.network").debug("close listener: {}", e.getMessage());
            }
        }
    }

    void installSignals() {
        for (String name : SIGNALS) {
            try {
                Signal.handle(new Signal(name), s -> inbox.add(new Input.Signal("SIG" + s.getName(), s.getNumber())));
            } catch (IllegalArgumentException e) {
                org.slf4j.LoggerFactory.getLogger("exabgp.reactor")
                        .debug("signal {} is used by the JVM: {}", name, e.getMessage());
            }
        }
    }

    void startProcess(ProcessKey key, List<String> command, Map<String, String> env) {
        processes.start(key, command, env);
    }

    /** Serves Prometheus metrics on {@code address} (issue 7) until the daemon exits. */
    void serveMetrics(java.net.InetSocketAddress address) throws java.io.IOException {
        MetricsEndpoint.start(address, this);
    }

    /**
     * Hands one input to the reactor; socket inputs are handled by the engine that made them. Tests of the type, not
     * a switch on it: such a switch is linked at run time by a bootstrap that generates a class, milliseconds of
     * every start (issue 9).
     */
    void deliver(Reactor reactor, Input input) {
        if (input instanceof Input.Received r) {
            reactor.received(r.conn(), r.data(), 0, r.length());
        } else if (input instanceof Input.Lines l) {
            stats.program(l.process().name()).commands += l.lines().size();
            reactor.commands(l.process(), l.lines());
        } else if (input instanceof Input.Connected c) {
            reactor.connected(c.conn(), c.local(), c.remote());
        } else if (input instanceof Input.Closed c) {
            reactor.closed(c.conn(), c.reason());
        } else if (input instanceof Input.Accepted a) {
            reactor.accepted(a.conn(), a.local(), a.remote());
        } else if (input instanceof Input.Task t) {
            t.task().accept(reactor);
        } else if (input instanceof Input.ProcessExited e) {
            reactor.processExited(e.process(), e.code());
        } else if (input instanceof Input.Signal s) {
            reactor.signal(s.name(), s.number());
        } else {
            throw new IllegalArgumentException("no handling for " + input);
        }
    }
}
