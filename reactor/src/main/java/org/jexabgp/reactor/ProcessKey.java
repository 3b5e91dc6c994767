package org.jexabgp.reactor;

/** Names one running instance of a configured API process (a respawn gets a new key). */
public record ProcessKey(String name, int generation) {
    @Override
    public String toString() {
        return name + "#" + generation;
    }
}
