package org.jexabgp.reactor.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import org.jexabgp.wire.JsonSink;

/**
 * {@link JsonSink} on Jackson's streaming generator, writing one compact line into a string. Non-ASCII is escaped:
 * events are ASCII only (json.md §1).
 */
public final class JacksonJsonSink implements JsonSink {
    private static final JsonFactory FACTORY =
            JsonFactory.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    private final StringWriter buffer = new StringWriter(256);
    private final JsonGenerator out;

    public JacksonJsonSink() {
        try {
            out = FACTORY.createGenerator(buffer);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
    }

    /** The generator, for callers that need what the sink does not offer (raw numbers). */
    public JsonGenerator generator() {
        return out;
    }

    /** Flushes and returns everything written so far. */
    public String text() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toString();
    }

    /** Writes a number given as its text (e.g. the event time, or an unsigned 64-bit value), unquoted. */
    public JacksonJsonSink rawNumber(String key, String number) {
        try {
            out.writeFieldName(key);
            out.writeNumber(number);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    @Override
    public JsonSink beginObject() {
        return run(out::writeStartObject);
    }

    @Override
    public JsonSink beginObject(String key) {
        return run(() -> {
            out.writeFieldName(key);
            out.writeStartObject();
        });
    }

    @Override
    public JsonSink endObject() {
        return run(out::writeEndObject);
    }

    @Override
    public JsonSink beginArray() {
        return run(out::writeStartArray);
    }

    @Override
    public JsonSink beginArray(String key) {
        return run(() -> {
            out.writeFieldName(key);
            out.writeStartArray();
        });
    }

    @Override
    public JsonSink endArray() {
        return run(out::writeEndArray);
    }

    @Override
    public JsonSink field(String key, String value) {
        return run(() -> out.writeStringField(key, value));
    }

    @Override
    public JsonSink field(String key, char[] text, int offset, int length) {
        try {
            out.writeFieldName(key);
            out.writeString(text, offset, length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    @Override
    public boolean rawElements(char[] text, int offset, int length) {
        try {
            out.writeRaw(text, offset, length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return true;
    }

    @Override
    public JsonSink field(String key, long value) {
        return run(() -> out.writeNumberField(key, value));
    }

    @Override
    public JsonSink field(String key, double value) {
        return run(() -> {
            out.writeFieldName(key);
            out.writeNumber(Numbers.python(value));
        });
    }

    @Override
    public JsonSink field(String key, boolean value) {
        return run(() -> out.writeBooleanField(key, value));
    }

    @Override
    public JsonSink fieldUnsigned(String key, long value) {
        return rawNumber(key, Long.toUnsignedString(value));
    }

    @Override
    public JsonSink value(String value) {
        return run(() -> out.writeString(value));
    }

    @Override
    public JsonSink value(long value) {
        return run(() -> out.writeNumber(value));
    }

    @Override
    public JsonSink value(double value) {
        return run(() -> out.writeNumber(Numbers.python(value)));
    }

    @Override
    public JsonSink value(boolean value) {
        return run(() -> out.writeBoolean(value));
    }

    @Override
    public JsonSink key(String key) {
        return run(() -> out.writeFieldName(key));
    }

    private interface Write {
        void run() throws IOException;
    }

    private JsonSink run(Write w) {
        try {
            w.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }
}
