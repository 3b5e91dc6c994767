package org.jexabgp.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * The tokenizer and every section parser on arbitrary text: the only failure allowed is a {@link ConfigError} naming
 * the file. Inputs are cut at 4 KiB so the work per input stays bounded (the parser is linear in its input; Jazzer's
 * own per-input timeout reports a hang). Seeds in {@code ConfigFuzzInputs/parse/}.
 */
class ConfigFuzz {
    private static final int MAX = 4096;

    @FuzzTest(maxDuration = "10m")
    void parse(byte[] data) {
        String text = new String(data, 0, Math.min(data.length, MAX), StandardCharsets.UTF_8);
        try {
            ConfigurationSyntax.parse(text, "fuzz.conf", ProgramCheck.ANY);
        } catch (ConfigError e) {
            assertThat(e.getMessage()).startsWith("fuzz.conf:");
        }
        try {
            Tokenizer.file(text, "fuzz.conf");
        } catch (ConfigError e) {
            assertThat(e.file()).isEqualTo("fuzz.conf");
        }
    }
}
