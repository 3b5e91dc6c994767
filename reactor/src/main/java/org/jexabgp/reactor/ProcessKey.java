package org.jexabgp.reactor;

/** Names one running instance of a configured API process (a respawn gets a new key). */
public record ProcessKey(String name, int generation) {
    // Written out: a record's generated equals and hashCode are linked at run time through method handles,
    // milliseconds of every start for each record (issue 9).
    @Override
    public boolean equals(Object o) {
        return o instanceof ProcessKey k && generation == k.generation && java.util.Objects.equals(name, k.name);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Objects.hashCode(name) + generation;
    }

    @Override
    public String toString() {
        return name + "#" + generation;
    }
}
