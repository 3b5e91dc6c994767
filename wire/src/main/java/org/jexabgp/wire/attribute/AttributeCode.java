package org.jexabgp.wire.attribute;

/** Path attribute type code (IANA), an open enum: all 256 values are cached, so reading one allocates nothing. */
public record AttributeCode(int value) implements Comparable<AttributeCode> {
    // Written out: a record's generated equals and hashCode are linked at run time through method handles,
    // milliseconds of every start for each record (issue 9).
    @Override
    public boolean equals(Object o) {
        return o instanceof AttributeCode c && value == c.value;
    }

    @Override
    public int hashCode() {
        return value;
    }

    private static final AttributeCode[] ALL = new AttributeCode[256];

    static {
        for (int i = 0; i < 256; i++) ALL[i] = new AttributeCode(i);
    }

    public static final AttributeCode ORIGIN = of(1);
    public static final AttributeCode AS_PATH = of(2);
    public static final AttributeCode NEXT_HOP = of(3);
    public static final AttributeCode MED = of(4);
    public static final AttributeCode LOCAL_PREF = of(5);
    public static final AttributeCode ATOMIC_AGGREGATE = of(6);
    public static final AttributeCode AGGREGATOR = of(7);
    public static final AttributeCode COMMUNITY = of(8);
    public static final AttributeCode ORIGINATOR_ID = of(9);
    public static final AttributeCode CLUSTER_LIST = of(10);
    public static final AttributeCode MP_REACH_NLRI = of(14);
    public static final AttributeCode MP_UNREACH_NLRI = of(15);
    public static final AttributeCode EXTENDED_COMMUNITY = of(16);
    public static final AttributeCode AS4_PATH = of(17);
    public static final AttributeCode AS4_AGGREGATOR = of(18);
    public static final AttributeCode PMSI_TUNNEL = of(22);
    public static final AttributeCode TUNNEL_ENCAP = of(23);
    public static final AttributeCode IPV6_EXTENDED_COMMUNITY = of(25);
    public static final AttributeCode AIGP = of(26);
    public static final AttributeCode BGP_LS = of(29);
    public static final AttributeCode LARGE_COMMUNITY = of(32);
    public static final AttributeCode BGP_PREFIX_SID = of(40);

    public AttributeCode {
        if (value < 0 || value > 255) throw new IllegalArgumentException("attribute code " + value);
    }

    public static AttributeCode of(int value) {
        if (value < 0 || value > 255) throw new IllegalArgumentException("attribute code " + value);
        AttributeCode cached = ALL[value];
        return cached != null ? cached : new AttributeCode(value);
    }

    @Override
    public int compareTo(AttributeCode o) {
        return Integer.compare(value, o.value);
    }
}
