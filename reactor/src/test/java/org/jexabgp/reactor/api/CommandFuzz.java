package org.jexabgp.reactor.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.jexabgp.core.config.ConfigError;
import org.jexabgp.core.config.RouteSyntax;

/**
 * One API command line, as a program writes it: the parser answers every line with a command or {@link
 * Command.Invalid}, and the route syntax behind {@code announce}/{@code withdraw} fails only with a {@link
 * ConfigError} (which becomes the {@code error} answer). Lines are cut at 4 KiB so the work per input stays bounded.
 * Seeds in {@code CommandFuzzInputs/parse/}: one command of each family and kind.
 */
class CommandFuzz {
    private static final int MAX = 4096;

    @FuzzTest(maxDuration = "10m")
    void parse(byte[] data) {
        String line = new String(data, 0, Math.min(data.length, MAX), StandardCharsets.UTF_8);
        Command c = CommandParser.parse(line);
        assertThat(c).isNotNull();
        if (c instanceof Command.Routes r) {
            try {
                RouteSyntax.parseApiRoute(r.text(), !r.announce());
            } catch (ConfigError e) {
                assertThat(e.getMessage()).isNotBlank();
            }
        }
    }
}
