package org.jexabgp.core.session;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jexabgp.core.model.Neighbor;
import org.jspecify.annotations.Nullable;

/**
 * The TCP-MD5 (RFC 2385) key bytes of a neighbour, from {@code md5-password} and {@code md5-base64} (config.md §10):
 * {@code true} decodes base64; {@code auto} tries base64 (as written, then with {@code =} and {@code ==} padding) when
 * the password looks like one, else uses the text; {@code false} uses the text's bytes.
 */
public final class Md5Key {
    /** Linux TCP_MD5SIG_MAXKEYLEN, and config.md §12's limit. */
    public static final int MAX_LENGTH = 80;

    private Md5Key() {}

    /** The key bytes, or null when the neighbour has no {@code md5-password}. */
    public static byte @Nullable [] of(Neighbor n) {
        String password = n.md5Password();
        if (password == null) return null;
        return of(password, n.md5Base64());
    }

    public static byte[] of(String password, String base64) {
        byte[] raw = password.getBytes(StandardCharsets.UTF_8);
        byte[] key = switch (base64) {
            case "true" -> decode(password, true);
            case "auto" -> {
                byte[] d = decode(password, false);
                yield d != null ? d : raw;
            }
            default -> raw;
        };
        if (key == null) throw new IllegalArgumentException("md5-password is not valid base64");
        if (key.length > MAX_LENGTH)
            throw new IllegalArgumentException("md5-password is " + key.length + " bytes long, at most " + MAX_LENGTH);
        return key;
    }

    private static byte @Nullable [] decode(String text, boolean strict) {
        for (String candidate : new String[] {text, text + "=", text + "=="}) {
            try {
                return Base64.getDecoder().decode(candidate);
            } catch (IllegalArgumentException e) {
                // try the next padding
            }
            if (strict) break;
        }
        return null;
    }
}
