package org.jexabgp.wire.nlri.flow;

/**
 * One {@code op value} pair of a numeric or bitmask component (RFC 8955 §4.2.1.1, §4.2.1.2). The end-of-list bit and
 * the length code are not kept in {@code operator}: the component sets the first, {@code valueBytes} is the second.
 *
 * @param operator the {@code and} bit (0x40) and the comparison bits: lt 0x04, gt 0x02, eq 0x01 (numeric) or not 0x02,
 *     match 0x01 (bitmask)
 * @param value the unsigned value
 * @param valueBytes 1, 2, 4 or 8: kept from the wire so that a decoded NLRI re-encodes to the same bytes
 */
public record FlowTerm(int operator, long value, int valueBytes) {
    public static final int END = 0x80;
    public static final int AND = 0x40;
    public static final int LENGTH = 0x30;
    public static final int LT = 0x04;
    public static final int GT = 0x02;
    public static final int EQ = 0x01;
    public static final int NOT = 0x02;
    public static final int MATCH = 0x01;

    public FlowTerm {
        if ((operator & ~(AND | 0x07)) != 0) throw new IllegalArgumentException("flow operator " + operator);
        if (valueBytes != 1 && valueBytes != 2 && valueBytes != 4 && valueBytes != 8)
            throw new IllegalArgumentException("flow value size " + valueBytes);
        if (valueBytes < 8 && (value < 0 || value >= 1L << 8 * valueBytes))
            throw new IllegalArgumentException("flow value " + value + " does not fit " + valueBytes + " bytes");
    }

    public boolean and() {
        return (operator & AND) != 0;
    }

    /** RFC 8955 §4.2.1.1: the len field is log2 of the value size. */
    int lengthCode() {
        return Integer.numberOfTrailingZeros(valueBytes) << 4;
    }

    /** ExaBGP's text of this term alone, without the leading {@code &}: {@code >=1024}, {@code !=push}, {@code syn}. */
    String text(FlowComponentType type) {
        String op;
        if (type.kind() == FlowComponentType.Kind.BITMASK) {
            op = ((operator & NOT) != 0 ? "!" : "") + ((operator & MATCH) != 0 ? "=" : "");
        } else {
            op = switch (operator & 0x07) {
                case EQ -> "=";
                case GT -> ">";
                case GT | EQ -> ">=";
                case LT -> "<";
                case LT | EQ -> "<=";
                case LT | GT -> "!=";
                // RFC 8955 §4.2.1.1: 000 is always false, 111 always true (the value is then meaningless)
                case LT | GT | EQ -> "true";
                default -> "false";
            };
        }
        return op + type.valueText(value);
    }
}
