package org.jexabgp.reactor.json;

/** Number spelling shared by the encoders. */
final class Numbers {
    private Numbers() {}

    /**
     * A double as Python's {@code repr} would print it for the values we meet (shortest round-trip digits, no exponent
     * for ordinary magnitudes): {@code 1795333342.193172}, {@code 0.5}, {@code 100.0}. Java's own {@code toString}
     * switches to an exponent from 10^7 on, which ExaBGP never shows for times: the point is moved by hand (BigDecimal
     * would do it, but its first use costs a fresh JVM 30 ms, and every event starts with a time).
     */
    static String python(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) return "0";
        String shortest = Double.toString(value);
        int e = shortest.indexOf('E');
        if (e < 0) return shortest;
        int start = shortest.charAt(0) == '-' ? 1 : 0;
        // "d.ddd" then the exponent: the digits without the point, and where the point goes among them
        String digits = shortest.charAt(start) + shortest.substring(start + 2, e);
        int point = 1 + Integer.parseInt(shortest, e + 1, shortest.length(), 10);
        StringBuilder b = new StringBuilder(digits.length() + 24);
        if (start == 1) b.append('-');
        if (point <= 0) {
            b.append("0.").repeat('0', -point).append(digits);
        } else if (point >= digits.length()) {
            b.append(digits).repeat('0', point - digits.length()).append(".0");
        } else {
            b.append(digits, 0, point).append('.').append(digits, point, digits.length());
        }
        return b.toString();
    }
}
