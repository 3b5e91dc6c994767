package org.jexabgp.wire;

/** An address family: AFI and SAFI. Ordered by (AFI, SAFI), the order ExaBGP uses for capabilities and EORs. */
public record Family(Afi afi, Safi safi) implements Comparable<Family> {
    public static final Family IPV4_UNICAST = new Family(Afi.IPV4, Safi.UNICAST);
    public static final Family IPV6_UNICAST = new Family(Afi.IPV6, Safi.UNICAST);
    public static final Family IPV4_MULTICAST = new Family(Afi.IPV4, Safi.MULTICAST);
    public static final Family IPV6_MULTICAST = new Family(Afi.IPV6, Safi.MULTICAST);

    public Family {
        java.util.Objects.requireNonNull(afi, "afi");
        java.util.Objects.requireNonNull(safi, "safi");
    }

    public static Family of(int afi, int safi) {
        return new Family(Afi.of(afi), Safi.of(safi));
    }

    /** Parses ExaBGP's "afi safi" spelling, e.g. "ipv4 unicast". */
    public static Family parse(String afi, String safi) {
        return new Family(Afi.parse(afi), Safi.parse(safi));
    }

    /** "ipv4 unicast": ExaBGP's name, used in configuration, JSON and logs. */
    public String name() {
        return afi.name() + " " + safi.name();
    }

    /** "ipv4/unicast": the spelling of OPEN capability JSON. */
    public String slashName() {
        return afi.name() + "/" + safi.name();
    }

    @Override
    public int compareTo(Family o) {
        // written out: comparator lambdas are classes spun at a start, the AOT cache does not hold these (issue 9)
        int c = Integer.compare(afi.value(), o.afi.value());
        return c != 0 ? c : Integer.compare(safi.value(), o.safi.value());
    }

    @Override
    public String toString() {
        return name();
    }

    // Written out (issue 9): a record's generated equals and hashCode go through a bootstrap method handle, slow
    // until compiled, and these run for every route. The hash is the one a record has.
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Family f && afi.equals(f.afi) && safi.equals(f.safi);
    }

    @Override
    public int hashCode() {
        return 31 * afi.hashCode() + safi.hashCode();
    }
}
