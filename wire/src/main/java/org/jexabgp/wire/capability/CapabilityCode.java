package org.jexabgp.wire.capability;

/** BGP capability code (IANA, RFC 5492 §4), an open enum: all 256 values are cached. */
public record CapabilityCode(int value) implements Comparable<CapabilityCode> {
    private static final CapabilityCode[] ALL = new CapabilityCode[256];

    static {
        for (int i = 0; i < 256; i++) ALL[i] = new CapabilityCode(i);
    }

    public static final CapabilityCode MULTIPROTOCOL = of(1);
    public static final CapabilityCode ROUTE_REFRESH = of(2);
    public static final CapabilityCode EXTENDED_NEXT_HOP = of(5);
    public static final CapabilityCode EXTENDED_MESSAGE = of(6);
    public static final CapabilityCode GRACEFUL_RESTART = of(64);
    public static final CapabilityCode ASN4 = of(65);
    public static final CapabilityCode MULTISESSION = of(68);
    public static final CapabilityCode ADD_PATH = of(69);
    public static final CapabilityCode ENHANCED_ROUTE_REFRESH = of(70);
    public static final CapabilityCode HOSTNAME = of(73);
    public static final CapabilityCode SOFTWARE_VERSION = of(75);
    public static final CapabilityCode ROUTE_REFRESH_CISCO = of(128);
    public static final CapabilityCode MULTISESSION_CISCO = of(131);
    public static final CapabilityCode OPERATIONAL = of(185);

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
            case 4 -> "multiple-routes";
            case 5 -> "nexthop";
            case 6 -> "extended-message";
            case 64 -> "graceful-restart";
            case 65 -> "asn4";
            case 67 -> "dynamic-capability";
            case 68 -> "multisession";
            case 69 -> "addpath";
            case 70 -> "enhanced-route-refresh";
            case 71 -> "long-lived-graceful-restart";
            case 73 -> "hostname";
            case 75 -> "software-version";
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
