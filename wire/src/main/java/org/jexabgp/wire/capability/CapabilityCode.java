package org.jexabgp.wire.capability;

/** BGP capability code (IANA, RFC 5492 §4), an open enum: all 256 values are cached. */
public record CapabilityCode(int value) implements Comparable<CapabilityCode> {
    private static final CapabilityCode[] ALL = new CapabilityCode[256];

    static {
        for (int i = 0; i < 256; i++) ALL[i] = new CapabilityCode(i);
    }

    public static final CapabilityCode MULTIPROTOCOL = of(1);
    public static final CapabilityCode ROUTE_REFRESH = of(2);
    public static final CapabilityCode ORF = of(3);
    public static final CapabilityCode EXTENDED_NEXT_HOP = of(5);
    public static final CapabilityCode EXTENDED_MESSAGE = of(6);
    public static final CapabilityCode BGP_ROLE = of(9);
    public static final CapabilityCode GRACEFUL_RESTART = of(64);
    public static final CapabilityCode ASN4 = of(65);
    public static final CapabilityCode DYNAMIC_CAPABILITY = of(67);
    public static final CapabilityCode MULTISESSION = of(68);
    public static final CapabilityCode ADD_PATH = of(69);
    public static final CapabilityCode ENHANCED_ROUTE_REFRESH = of(70);
    public static final CapabilityCode LONG_LIVED_GRACEFUL_RESTART = of(71);
    public static final CapabilityCode HOSTNAME = of(73);
    public static final CapabilityCode SOFTWARE_VERSION = of(75);
    /** draft-ietf-idr-linklocal-capability (IANA early allocation 77). */
    public static final CapabilityCode LINK_LOCAL_NEXT_HOP = of(77);
    public static final CapabilityCode ROUTE_REFRESH_CISCO = of(128);
    public static final CapabilityCode MULTISESSION_CISCO = of(131);
    public static final CapabilityCode OPERATIONAL = of(185);

    /** Every code {@link Capabilities#decode} understands, in numeric order (the golden coverage rows). */
    public static final java.util.List<CapabilityCode> KNOWN = java.util.List.of(
            MULTIPROTOCOL, ROUTE_REFRESH, ORF, EXTENDED_NEXT_HOP, EXTENDED_MESSAGE, BGP_ROLE, GRACEFUL_RESTART, ASN4,
            DYNAMIC_CAPABILITY, MULTISESSION, ADD_PATH, ENHANCED_ROUTE_REFRESH, LONG_LIVED_GRACEFUL_RESTART, HOSTNAME,
            SOFTWARE_VERSION, LINK_LOCAL_NEXT_HOP, ROUTE_REFRESH_CISCO, MULTISESSION_CISCO, OPERATIONAL);

    public CapabilityCode {
        if (value < 0 || value > 255) throw new IllegalArgumentException("capability code " + value);
    }

    public static CapabilityCode of(int value) {
        if (value < 0 || value > 255) throw new IllegalArgumentException("capability code " + value);
        CapabilityCode cached = ALL[value];
        return cached != null ? cached : new CapabilityCode(value);
    }

    /** ExaBGP's name, used as the JSON key of a capability in an OPEN we send. */
    public String name() {
        return switch (value) {
            case 1 -> "multiprotocol";
            case 2 -> "route-refresh";
            case 3 -> "outbound-route-filtering";
            case 5 -> "nexthop";
            case 6 -> "extended-message";
            case 9 -> "role";
            case 64 -> "graceful-restart";
            case 65 -> "asn4";
            case 67 -> "dynamic-capability";
            case 68 -> "multisession";
            case 69 -> "addpath";
            case 70 -> "enhanced-route-refresh";
            case 71 -> "long-lived-graceful-restart";
            case 73 -> "hostname";
            case 75 -> "software-version";
            case 77 -> "link-local-nexthop";
            case 128 -> "route-refresh-cisco";
            case 131 -> "multisession-cisco";
            case 185 -> "operational";
            default -> "unknown-" + value;
        };
    }

    @Override
    public int compareTo(CapabilityCode o) {
        return Integer.compare(value, o.value);
    }

    @Override
    public String toString() {
        return name();
    }
}
