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
        // Event times are milliseconds over 1000: those print as their decimal digits, which is the shortest form
        // while a unit in the last place stays under a millisecond (below 2^42 s); cheaper than the general path,
        // which every event took before it was compiled (4% of the receive profile)
        if (value >= 1e7 && value < 0x1p42) {
            long millis = Math.round(value * 1000);
            if (millis / 1000.0 == value) return seconds(millis);
        }
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

    /** {@code millis / 1000} as Python prints it: at least one fraction digit, no trailing zero after the first. */
    private static String seconds(long millis) {
        int fraction = (int) (millis % 1000);
        StringBuilder b = new StringBuilder(24).append(millis / 1000).append('.');
        if (fraction == 0) return b.append('0').toString();
        if (fraction < 100) b.append('0');
        if (fraction < 10) b.append('0');
        while (fraction % 10 == 0) fraction /= 10;
        return b.append(fraction).toString();
    }
}
