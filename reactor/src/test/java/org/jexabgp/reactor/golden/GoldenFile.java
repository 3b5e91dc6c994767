package org.jexabgp.reactor.golden;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jexabgp.wire.Bytes;
import org.jspecify.annotations.Nullable;

/**
 * One golden vector file, {@code golden/<kind>/<row>.golden} (format in docs/testing.md): annotated hex next to the
 * JSON ExaBGP prints for it, optional text and the config/API words that produce the same bytes.
 */
record GoldenFile(String kind, String row, @Nullable String decodeOnly, List<Vector> vectors) {

    record Vector(
            String name,
            Set<String> session,
            Bytes hex,
            @Nullable String json,
            @Nullable String text,
            @Nullable String syntax,
            int line) {}

    String id() {
        return kind + "/" + row;
    }

    static @Nullable GoldenFile load(String kind, String row) {
        try (InputStream in = GoldenFile.class.getResourceAsStream("/golden/" + kind + "/" + row + ".golden")) {
            return in == null ? null : parse(kind, row, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static GoldenFile parse(String kind, String row, String text) {
        String decodeOnly = null;
        List<Vector> vectors = new ArrayList<>();
        Draft d = null;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String raw = lines[i];
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            String where = kind + "/" + row + ".golden:" + (i + 1);
            if (!Character.isWhitespace(raw.charAt(0))) {
                if (line.startsWith("decode-only:") || line.startsWith("no-syntax:")) {
                    decodeOnly = line.substring(line.indexOf(':') + 1).strip();
                } else if (line.equals("vector") || line.startsWith("vector ")) {
                    if (d != null) vectors.add(d.done());
                    d = new Draft(line.substring("vector".length()).strip(), i + 1, where);
                } else {
                    throw new IllegalArgumentException(where + ": expected 'vector NAME' or 'decode-only:'");
                }
                continue;
            }
            if (d == null) throw new IllegalArgumentException(where + ": field outside a vector");
            int colon = line.indexOf(':');
            String key = colon > 0 ? line.substring(0, colon) : "";
            String value = colon > 0 ? line.substring(colon + 1).strip() : line;
            switch (key) {
                case "hex" -> {
                    d.inHex = true;
                    d.hex.append(uncomment(value));
                }
                case "session" -> d.session = Set.of(value.split("\\s+"));
                case "json" -> d.json = value;
                case "text" -> d.text = value;
                case "syntax" -> d.syntax = value;
                default -> {
                    // a continuation line of the hex block: hex digits then an optional comment
                    if (!d.inHex) throw new IllegalArgumentException(where + ": unknown field '" + key + "'");
                    d.hex.append(uncomment(line));
                    continue;
                }
            }
            if (!key.equals("hex")) d.inHex = false;
        }
        if (d != null) vectors.add(d.done());
        return new GoldenFile(kind, row, decodeOnly, vectors);
    }

    private static String uncomment(String s) {
        int hash = s.indexOf('#');
        String hex = (hash >= 0 ? s.substring(0, hash) : s).replaceAll("\\s+", "");
        if (!hex.matches("[0-9A-Fa-f]*")) throw new IllegalArgumentException("not hex: " + s);
        return hex;
    }

    private static final class Draft {
        final String name;
        final int line;
        final String where;
        final StringBuilder hex = new StringBuilder();
        Set<String> session = Set.of();
        @Nullable String json, text, syntax;
        boolean inHex;

        Draft(String name, int line, String where) {
            this.name = name;
            this.line = line;
            this.where = where;
        }

        Vector done() {
            if (hex.isEmpty()) throw new IllegalArgumentException(where + ": vector '" + name + "' has no hex");
            if (hex.length() % 2 != 0) throw new IllegalArgumentException(where + ": odd number of hex digits");
            return new Vector(name, session, Bytes.fromHex(hex.toString()), json, text, syntax, line);
        }
    }
}
