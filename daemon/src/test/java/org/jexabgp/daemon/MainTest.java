package org.jexabgp.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

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
    void theDaemonsOptionsAreReadWithoutTheOtherSubcommands() {
        CommandLine server = ServerCommand.alone();
        assertThat(ServerCommand.Options.of(server.parseArgs("-d", "-p", "-1", "-P", "a.conf", "b.conf")))
                .isEqualTo(new ServerCommand.Options(true, true, true, List.of("a.conf", "b.conf")));
        assertThat(ServerCommand.Options.of(server.parseArgs("--verbose", "-s", "5", "--profile", "x", "c.conf")))
                .isEqualTo(new ServerCommand.Options(true, false, false, List.of("c.conf")));
        assertThat(ServerCommand.Options.of(server.parseArgs("c.conf")))
                .isEqualTo(new ServerCommand.Options(false, false, false, List.of("c.conf")));
    }

    @Test
    void theDaemonsHelpAndErrorsKeepTheirExitCodes() {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(text, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(text, true, StandardCharsets.UTF_8));
            assertThat(Main.run(new String[] {"server", "--help"})).isZero();
            assertThat(Main.run(new String[] {"--bogus", "a.conf"})).isEqualTo(2);
            assertThat(Main.run(new String[] {"server"})).isEqualTo(2); // no configuration file
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        assertThat(text.toString(StandardCharsets.UTF_8))
                .contains("Usage: exabgp server", "--passive", "Unknown option: '--bogus'", "Missing required parameter");
        assertThat(Main.commandLine(null).getSubcommands().get("server").getCommandSpec().usageMessage().description())
                .containsExactly("run the BGP daemon (the default command)");
    }

    @Test
    void exaBgpSpellingsStillPickTheirSubcommand() {
        assertThat(Main.rewrite(new String[] {"/etc/exabgp.conf"})).containsExactly("server", "/etc/exabgp.conf");
        assertThat(Main.rewrite(new String[] {"--test", "a.conf"})).containsExactly("validate", "a.conf");
        assertThat(Main.run(new String[] {"--version"})).isZero();
    }

    /** picocli has no converters for the types {@link Main#PICOCLI_UNUSED_CONVERTERS} names: no option has one. */
    @Test
    void noOptionHasATypeWhoseConverterIsLeftOut() {
        java.util.regex.Pattern unused = java.util.regex.Pattern.compile(Main.PICOCLI_UNUSED_CONVERTERS);
        assertThat(unused.matcher("java.time.Duration").matches()).isTrue();
        assertThat(unused.matcher("java.sql.Timestamp").matches()).isTrue();
        assertThat(unused.matcher("java.nio.file.Path").matches()).isFalse();
        picocli.CommandLine all = Main.commandLine(null);
        java.util.List<String> types = new java.util.ArrayList<>();
        for (picocli.CommandLine c : all.getSubcommands().values())
            for (picocli.CommandLine.Model.ArgSpec arg : c.getCommandSpec().args()) {
                types.add(arg.type().getName());
                for (Class<?> t : arg.auxiliaryTypes()) types.add(t.getName());
            }
        // the commands' options were seen: the healthcheck's paths among them
        assertThat(types).contains("java.nio.file.Path");
        assertThat(types).noneMatch(t -> unused.matcher(t).matches());
    }
}
