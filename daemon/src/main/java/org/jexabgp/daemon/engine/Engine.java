package org.jexabgp.daemon.engine;

import org.jexabgp.reactor.Reactor;

/** Moves bytes and time between the operating system and the {@link Reactor}; nothing else. */
public interface Engine {
    /** Runs the reactor until it is done; returns the process exit code. */
    int run(Reactor reactor);

    /**
     * Before {@link #run}: serves Prometheus metrics over HTTP on {@code address} ({@code metrics.listen}, issue 7) for
     * as long as the daemon runs. Throws when the address cannot be bound.
     */
    void serveMetrics(java.net.InetSocketAddress address) throws java.io.IOException;

    /** At the daemon's start, before its configuration is read: the first program's fork is readied meanwhile. */
    static void prepareForPrograms() {
        ProcessRunner.prepare();
    }

    /** The engine ExaBGP's setting selects: virtual threads for {@code reactor.asyncio}, else the selector loop. */
    static Engine of(boolean asyncio) {
        return asyncio ? new VirtualThreadEngine() : new SelectorEngine();
    }
}
