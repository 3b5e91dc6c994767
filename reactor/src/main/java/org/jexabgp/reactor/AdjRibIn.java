package org.jexabgp.reactor;

import org.jexabgp.wire.message.Message;

/** What a peer sent us (runtime.md §9: adj-rib-in), kept for {@code show adj-rib in}; emptied when a session starts. */
final class AdjRibIn {
    private long updates;

    void record(Message message) {
        if (message.type().value() == 2) updates++;
    }

    void clear() {
        updates = 0;
    }

    long updates() {
        return updates;
    }
}
