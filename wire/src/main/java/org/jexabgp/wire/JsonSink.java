package org.jexabgp.wire;

/**
 * Where wire elements write their ExaBGP JSON. The reactor backs it with a streaming generator; wire code only sees
 * this interface. Keys are written in call order, which is ExaBGP's order.
 */
public interface JsonSink {
    JsonSink beginObject();

    JsonSink beginObject(String key);

    JsonSink endObject();

    JsonSink beginArray();

    JsonSink beginArray(String key);

    JsonSink endArray();

    JsonSink field(String key, String value);

    JsonSink field(String key, long value);

    JsonSink field(String key, double value);

    JsonSink field(String key, boolean value);

    JsonSink value(String value);

    JsonSink value(long value);

    JsonSink value(double value);

    JsonSink value(boolean value);

    /**
     * {@code "key": "text"} with the text in {@code text[offset, offset + length)}: lets a renderer build a value in a
     * reused buffer (one string less per prefix of a received UPDATE). Sinks may override it to skip the string.
     */
    default JsonSink field(String key, char[] text, int offset, int length) {
        return field(key, new String(text, offset, length));
    }

    /**
     * The elements of the array just begun, given as compact JSON separated by commas in {@code text[offset, offset +
     * length)}: a renderer of many small values writes them at once (issue 9: a received UPDATE's thousand prefixes
     * were a thousand objects through the generator). They must be the array's only elements. A sink that cannot take
     * them returns false, and the caller writes the values one by one.
     */
    default boolean rawElements(char[] text, int offset, int length) {
        return false;
    }

    /** Writes the key of the next value (then call a value or begin method). */
    JsonSink key(String key);

    /** {@code "key": null} (RTC wildcard's {@code "route-target"}). Streaming sinks write null for a null string. */
    @SuppressWarnings("NullAway")
    default JsonSink fieldNull(String key) {
        return field(key, (String) null);
    }

    /**
     * An unsigned 64-bit number, e.g. an extended community's {@code "value"} (ExaBGP prints all digits). Sinks should
     * override this to write {@link Long#toUnsignedString(long)} as a number; the default is exact only below 2^63.
     */
    default JsonSink fieldUnsigned(String key, long value) {
        return value >= 0 ? field(key, value) : field(key, Double.parseDouble(Long.toUnsignedString(value)));
    }
}
