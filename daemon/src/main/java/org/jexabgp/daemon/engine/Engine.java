package org.jexabgp.daemon.engine;

import org.jexabgp.reactor.Reactor;

/** Moves bytes and time between the operating system and the {@link Reactor}; nothing else. */
public interface Engine {
    /** Runs the reactor until it is done; returns the process exit code. */
    int run(Reactor reactor);

    /** The engine ExaBGP's setting selects: virtual threads for {@code reactor.asyncio}, else the selector loop. */
    static Engine of(boolean asyncio) {
        return asyncio ? new VirtualThreadEngine() : new SelectorEngine();
    }
}
