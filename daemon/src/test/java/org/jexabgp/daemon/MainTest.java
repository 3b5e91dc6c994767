package org.jexabgp.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MainTest {
    @Test
    void onlyTheSubcommandRunIsBuilt() {
        assertThat(Main.commandLine("validate").getSubcommands()).containsOnlyKeys("validate");
        assertThat(Main.commandLine("server").getSubcommands()).containsOnlyKeys("server");
    }

    @Test
    void helpAndUnknownWordsSeeEverySubcommand() {
        assertThat(Main.commandLine(null).getSubcommands())
                .containsOnlyKeys("server", "version", "decode", "validate", "env", "cli", "train", "healthcheck");
        assertThat(Main.commandLine("--help").getSubcommands()).hasSize(8);
        assertThat(Main.commandLine("help").getSubcommands()).hasSize(8);
    }

    @Test
    void exaBgpSpellingsStillPickTheirSubcommand() {
        assertThat(Main.rewrite(new String[] {"/etc/exabgp.conf"})).containsExactly("server", "/etc/exabgp.conf");
        assertThat(Main.rewrite(new String[] {"--test", "a.conf"})).containsExactly("validate", "a.conf");
        assertThat(Main.run(new String[] {"--version"})).isZero();
    }
}
