package org.jexabgp.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * The tokenizer and every section parser on arbitrary text: the only failure allowed is a {@link ConfigError} naming
 * the file, and reading plain static route lines whole changes nothing. Inputs are cut at 4 KiB so the work per input
 * stays bounded (the parser is linear in its input; Jazzer's own per-input timeout reports a hang). Seeds in
 * {@code ConfigFuzzInputs/parse/}.
 */
class ConfigFuzz {
    private static final int MAX = 4096;

    @FuzzTest(maxDuration = "10m")
    void parse(byte[] data) {
        String text = new String(data, 0, Math.min(data.length, MAX), StandardCharsets.UTF_8);
        String lazy = outcome(text, true);
        if (lazy.startsWith("error")) assertThat(lazy).startsWith("error fuzz.conf:");
        // the whole-line read of static routes (issue 9) gives exactly what the words' reading gives, errors included
        assertThat(lazy).isEqualTo(outcome(text, false));
        try {
            Tokenizer.file(text, "fuzz.conf");
        } catch (ConfigError e) {
            assertThat(e.file()).isEqualTo("fuzz.conf");
        }
    }

    private static String outcome(String text, boolean wholeLines) {
        try {
            return "ok " + (wholeLines
                    ? ConfigurationSyntax.parse(text, "fuzz.conf", ProgramCheck.ANY)
                    : ConfigurationSyntax.parseCut(text, "fuzz.conf", ProgramCheck.ANY));
        } catch (ConfigError e) {
            return "error " + e.getMessage();
        }
    }
}
