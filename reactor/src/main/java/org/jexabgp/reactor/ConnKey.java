package org.jexabgp.reactor;

/** Names one TCP connection between the reactor and an engine. Outgoing ids are positive, incoming negative. */
public record ConnKey(long id) {
    // written out: the generated ones run through method handles, slow until compiled, and every read and write
    // looks a connection up by its key
    @Override
    public boolean equals(Object o) {
        return o instanceof ConnKey k && k.id == id;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }
}
