package org.jexabgp.wire;

/** Address Family Identifier (IANA), an open enum: unknown values are ordinary values. */
public record Afi(int value) {
    public static final Afi IPV4 = new Afi(1);
    public static final Afi IPV6 = new Afi(2);
    public static final Afi L2VPN = new Afi(25);
    public static final Afi BGP_LS = new Afi(16388);

    public Afi {
        if (value < 0 || value > 0xFFFF) throw new IllegalArgumentException("afi " + value);
    }

    public static Afi of(int value) {
        return switch (value) {
            case 1 -> IPV4;
            case 2 -> IPV6;
            case 25 -> L2VPN;
            case 16388 -> BGP_LS;
            default -> new Afi(value);
        };
    }

    /** ExaBGP's name: ipv4, ipv6, l2vpn, bgp-ls, or the number for unknown values. */
    public String name() {
        return switch (value) {
            case 1 -> "ipv4";
            case 2 -> "ipv6";
            case 25 -> "l2vpn";
            case 16388 -> "bgp-ls";
            default -> "unknown afi " + value;
        };
    }

    public static Afi parse(String name) {
        return switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "ipv4" -> IPV4;
            case "ipv6" -> IPV6;
            case "l2vpn" -> L2VPN;
            case "bgp-ls" -> BGP_LS;
            default -> throw new IllegalArgumentException("unknown afi " + name);
        };
    }

    @Override
    public String toString() {
        return name();
    }

    // Written out (issue 9): a record's generated equals and hashCode go through a bootstrap method handle, slow
    // until compiled, and these run for every route. The hash is the one a record has.
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Afi a && a.value == value;
    }

    @Override
    public int hashCode() {
        return value;
    }
}
