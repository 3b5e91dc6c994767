package org.jexabgp.reactor.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A strict JSON reader for tests (jackson-core, no leniency): objects as maps, arrays as lists; one value only. */
final class StrictJson {
    private StrictJson() {}

    static Object parse(String text) throws IOException {
        try (JsonParser p = new JsonFactory().createParser(text)) {
            Object value = value(p, p.nextToken());
            if (p.nextToken() != null) throw new IOException("trailing content after the JSON value: " + text);
            return value;
        }
    }

    private static @Nullable Object value(JsonParser p, @Nullable JsonToken t) throws IOException {
        if (t == null) throw new IOException("no JSON value");
        return switch (t) {
            case START_OBJECT -> {
                Map<String, Object> m = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    if (m.containsKey(key)) throw new IOException("duplicate key " + key);
                    m.put(key, value(p, p.nextToken()));
                }
                yield m;
            }
            case START_ARRAY -> {
                List<Object> l = new ArrayList<>();
                JsonToken next;
                while ((next = p.nextToken()) != JsonToken.END_ARRAY) l.add(value(p, next));
                yield l;
            }
            case VALUE_STRING -> p.getText();
            case VALUE_NUMBER_INT -> p.getLongValue();
            case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
            case VALUE_TRUE -> true;
            case VALUE_FALSE -> false;
            case VALUE_NULL -> null;
            default -> throw new IOException("unexpected " + t);
        };
    }

    /** The value at a path of keys and indexes separated by '/', e.g. {@code /peer/as} or {@code /routes/0/prefix}. */
    static @Nullable Object at(Object root, String path) {
        Object at = root;
        for (String part : path.substring(1).split("/")) {
            if (at instanceof Map<?, ?> m) at = m.get(part);
            else if (at instanceof List<?> l) at = l.get(Integer.parseInt(part));
            else return null;
        }
        return at;
    }

    static String text(Object root, String path) {
        return String.valueOf(at(root, path));
    }
}
