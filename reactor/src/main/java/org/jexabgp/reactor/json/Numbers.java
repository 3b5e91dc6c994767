package org.jexabgp.reactor.json;

import java.math.BigDecimal;

/** Number spelling shared by the encoders. */
final class Numbers {
    private Numbers() {}

    /**
     * A double as Python's {@code repr} would print it for the values we meet (shortest round-trip digits, no exponent
     * for ordinary magnitudes): {@code 1795333342.193172}, {@code 0.5}, {@code 100.0}. Java's own {@code toString}
     * switches to an exponent from 10^7 on, which ExaBGP never shows for times.
     */
    static String python(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) return "0";
        String shortest = Double.toString(value);
        if (shortest.indexOf('E') < 0) return shortest;
        String plain = new BigDecimal(shortest).toPlainString();
        return plain.indexOf('.') < 0 ? plain + ".0" : plain;
    }
}
