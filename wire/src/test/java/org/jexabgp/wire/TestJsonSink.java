package org.jexabgp.wire;

import java.util.ArrayDeque;
import java.util.Deque;

/** A test-only {@link JsonSink} building compact JSON text, e.g. {@code {"origin":"igp"}}. */
public final class TestJsonSink implements JsonSink {
    private final StringBuilder sb = new StringBuilder();
    private final Deque<Boolean> first = new ArrayDeque<>();
    private boolean afterKey;

    /** Renders what {@code body} writes inside one object: {@code {...}}. */
    public static String object(java.util.function.Consumer<JsonSink> body) {
        TestJsonSink s = new TestJsonSink();
        s.beginObject();
        body.accept(s);
        s.endObject();
        return s.toString();
    }

    private void separate() {
        if (afterKey) {
            afterKey = false;
            return;
        }
        if (!first.isEmpty()) {
            if (!first.pop()) sb.append(',');
            first.push(false);
        }
    }

    private static String quote(String s) {
        StringBuilder q = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                default -> {
                    if (c < 0x20) q.append(String.format("\\u%04x", (int) c));
                    else q.append(c);
                }
            }
        }
        return q.append('"').toString();
    }

    @Override
    public JsonSink beginObject() {
        separate();
        sb.append('{');
        first.push(true);
        return this;
    }

    @Override
    public JsonSink beginObject(String key) {
        return key(key).beginObject();
    }

    @Override
    public JsonSink endObject() {
        first.pop();
        sb.append('}');
        return this;
    }

    @Override
    public JsonSink beginArray() {
        separate();
        sb.append('[');
        first.push(true);
        return this;
    }

    @Override
    public JsonSink beginArray(String key) {
        return key(key).beginArray();
    }

    @Override
    public JsonSink endArray() {
        first.pop();
        sb.append(']');
        return this;
    }

    @Override
    public JsonSink field(String key, String value) {
        return key(key).value(value);
    }

    @Override
    public JsonSink field(String key, long value) {
        return key(key).value(value);
    }

    @Override
    public JsonSink field(String key, double value) {
        return key(key).value(value);
    }

    @Override
    public JsonSink field(String key, boolean value) {
        return key(key).value(value);
    }

    @Override
    public JsonSink fieldUnsigned(String key, long value) {
        key(key);
        separate();
        sb.append(Long.toUnsignedString(value));
        return this;
    }

    @Override
    public JsonSink value(@org.jspecify.annotations.Nullable String value) {
        separate();
        // fieldNull writes a null string: JSON null, as the streaming sinks do
        sb.append(value == null ? "null" : quote(value));
        return this;
    }

    @Override
    public JsonSink value(long value) {
        separate();
        sb.append(value);
        return this;
    }

    @Override
    public JsonSink value(double value) {
        separate();
        sb.append(value);
        return this;
    }

    @Override
    public JsonSink value(boolean value) {
        separate();
        sb.append(value);
        return this;
    }

    @Override
    public JsonSink key(String key) {
        separate();
        sb.append(quote(key)).append(':');
        afterKey = true;
        return this;
    }

    @Override
    public String toString() {
        return sb.toString();
    }
}
