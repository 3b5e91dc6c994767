package org.jexabgp.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** config.md §10 {@code md5-password} / {@code md5-base64}. */
class Md5KeyTest {
    @Test
    void plainKeyIsItsBytes() {
        assertThat(Md5Key.of("s3cret", "false")).isEqualTo("s3cret".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void base64KeyIsDecoded() {
        // "c2VjcmV0" is base64 of "secret" (RFC 4648 §4)
        assertThat(Md5Key.of("c2VjcmV0", "true")).isEqualTo("secret".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> Md5Key.of("not base64!", "true")).hasMessageContaining("base64");
    }

    @Test
    void autoTriesPaddingThenFallsBackToTheText() {
        // "c2VjcmV0MQ" lacks its "==" padding: base64 of "secret1"
        assertThat(Md5Key.of("c2VjcmV0MQ", "auto")).isEqualTo("secret1".getBytes(StandardCharsets.US_ASCII));
        assertThat(Md5Key.of("a!b", "auto")).isEqualTo("a!b".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void longerThan80BytesIsRefused() {
        assertThatThrownBy(() -> Md5Key.of("k".repeat(81), "false")).hasMessageContaining("80");
        assertThat(Md5Key.of("k".repeat(80), "false")).hasSize(80);
    }
}
