package org.jexabgp.reactor.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.SplittableRandom;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.JsonSink;
import org.jexabgp.wire.WireReader;
import org.jexabgp.wire.nlri.Nlri;
import org.jexabgp.wire.nlri.inet.InetPrefixes;
import org.junit.jupiter.api.Test;

/**
 * A received UPDATE's prefixes written as one raw text give exactly the JSON the generator writes for them one object
 * at a time, and what each prefix's own record writes: with and without path ids, every prefix length.
 */
class PrefixJsonTest {
    @Test
    void rawElementsAreWhatTheGeneratorWrites() throws Exception {
        SplittableRandom random = new SplittableRandom(9);
        for (int round = 0; round < 300; round++) {
            boolean pathIds = random.nextBoolean();
            ByteArrayOutputStream wire = new ByteArrayOutputStream();
            int count = random.nextInt(round < 5 ? 2 : 400);
            for (int i = 0; i < count; i++) {
                if (pathIds) for (int b = 0; b < 4; b++) wire.write(random.nextInt(256));
                int length = random.nextInt(33);
                wire.write(length);
                for (int b = 0; b < (length + 7) / 8; b++) // host bits clear
                    wire.write(b == length / 8 ? random.nextInt(256) & (0xFF00 >> (length % 8)) : random.nextInt(256));
            }
            byte[] bytes = wire.toByteArray();
            InetPrefixes prefixes =
                    InetPrefixes.decode(new WireReader(bytes, 0, bytes.length), Family.IPV4_UNICAST, pathIds);

            JacksonJsonSink raw = new JacksonJsonSink();
            raw.beginArray();
            prefixes.json(raw, pathIds);
            raw.endArray();

            JacksonJsonSink each = new JacksonJsonSink();
            each.beginArray();
            prefixes.json(new NoRaw(each), pathIds);
            each.endArray();

            JacksonJsonSink records = new JacksonJsonSink();
            records.beginArray();
            for (Nlri n : prefixes) n.json(records, pathIds);
            records.endArray();

            assertThat(raw.text()).as("round %d", round).isEqualTo(each.text()).isEqualTo(records.text());
        }
    }

    /** The sink as one that takes no raw text. */
    private record NoRaw(JsonSink sink) implements JsonSink {
        public JsonSink beginObject() { return sink.beginObject(); }
        public JsonSink beginObject(String key) { return sink.beginObject(key); }
        public JsonSink endObject() { return sink.endObject(); }
        public JsonSink beginArray() { return sink.beginArray(); }
        public JsonSink beginArray(String key) { return sink.beginArray(key); }
        public JsonSink endArray() { return sink.endArray(); }
        public JsonSink field(String key, String value) { return sink.field(key, value); }
        public JsonSink field(String key, long value) { return sink.field(key, value); }
        public JsonSink field(String key, double value) { return sink.field(key, value); }
        public JsonSink field(String key, boolean value) { return sink.field(key, value); }
        public JsonSink field(String key, char[] text, int offset, int length) {
            return sink.field(key, text, offset, length);
        }
        public JsonSink value(String value) { return sink.value(value); }
        public JsonSink value(long value) { return sink.value(value); }
        public JsonSink value(double value) { return sink.value(value); }
        public JsonSink value(boolean value) { return sink.value(value); }
        public JsonSink key(String key) { return sink.key(key); }
    }
}
