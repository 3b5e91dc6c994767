package org.jexabgp.wire;

import java.util.Locale;

/** Subsequent Address Family Identifier, an open enum. */
public record Safi(int value) {
    public static final Safi UNICAST = new Safi(1);
    public static final Safi MULTICAST = new Safi(2);
    public static final Safi NLRI_MPLS = new Safi(4);
    public static final Safi MCAST_VPN = new Safi(5);
    public static final Safi VPLS = new Safi(65);
    public static final Safi EVPN = new Safi(70);
    public static final Safi BGP_LS = new Safi(71);
    public static final Safi BGP_LS_VPN = new Safi(72);
    public static final Safi SR_POLICY = new Safi(73);
    public static final Safi MUP = new Safi(85);
    public static final Safi MPLS_VPN = new Safi(128);
    public static final Safi RTC = new Safi(132);
    public static final Safi FLOW = new Safi(133);
    public static final Safi FLOW_VPN = new Safi(134);

    private static final Safi[] KNOWN = {
        UNICAST, MULTICAST, NLRI_MPLS, MCAST_VPN, VPLS, EVPN, BGP_LS, BGP_LS_VPN, SR_POLICY, MUP, MPLS_VPN, RTC, FLOW,
        FLOW_VPN
    };

    public Safi {
        if (value < 0 || value > 0xFF) throw new IllegalArgumentException("safi " + value);
    }

    public static Safi of(int value) {
        for (Safi s : KNOWN) if (s.value == value) return s;
        return new Safi(value);
    }

    /** ExaBGP's name (unicast, nlri-mpls, mpls-vpn, flow, ...). */
    public String name() {
        return switch (value) {
            case 1 -> "unicast";
            case 2 -> "multicast";
            case 4 -> "nlri-mpls";
            case 5 -> "mcast-vpn";
            case 65 -> "vpls";
            case 70 -> "evpn";
            case 71 -> "bgp-ls";
            case 72 -> "bgp-ls-vpn";
            case 73 -> "sr-policy";
            case 85 -> "mup";
            case 128 -> "mpls-vpn";
            case 132 -> "rtc";
            case 133 -> "flow";
            case 134 -> "flow-vpn";
            default -> "unknown safi " + value;
        };
    }

    public static Safi parse(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (Safi s : KNOWN) if (s.name().equals(n)) return s;
        throw new IllegalArgumentException("unknown safi " + name);
    }

    @Override
    public String toString() {
        return name();
    }

    // Written out (issue 9): a record's generated equals and hashCode go through a bootstrap method handle, slow
    // until compiled, and these run for every route. The hash is the one a record has.
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Safi s && s.value == value;
    }

    @Override
    public int hashCode() {
        return value;
    }
}
