package org.jexabgp.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.jexabgp.core.model.Configuration;
import org.junit.jupiter.api.Test;

/**
 * Differential property for the {@code static} section's whole-line read (issue 9): a file read lazily, where plain
 * {@code route P …;} lines skip the tokenizer, gives exactly the configuration, or exactly the error (file, line,
 * column), of the same file cut into statements first. The lines mix the plain form with everything the line reader
 * must leave to the tokenizer: odd spacing, tabs, CRLF, comments, quotes, escapes and joined lines, brackets, several
 * statements on a line, nested route blocks, other families and forms, and prefixes the general parser refuses.
 */
class StaticLinesTest {
    private static final String[] ATTRIBUTES = {
        "", " med 10", " origin egp", " as-path [ 1 2 3 ]", " as-path [1 2]", " community [ 1:1 2:2 ]",
        " community [1:1,2:2]", " local-preference 5", " split /26", " name \"a b\"", " name 'x'", " label 100",
        " rd 1:1", " next-hop self", " bogus 1", " path-information 7", " watchdog w withdraw", " med\\ 5"
    };

    private static final String[] PREFIXES = {
        "20.%d.%d.0/24", "20.%d.%d.0/24", "20.%d.%d.0/24", "224.%d.%d.0/24", "20.%d.%d.1/24", "020.%d.%d.0/24",
        "2001:db8:%x:%x::/64", "20.%d.%d.0"
    };

    @Test
    void theWholeLineReadEqualsTheTokenizer() {
        Random random = new Random(20261122);
        int ok = 0;
        int failed = 0;
        for (int n = 0; n < 400; n++) {
            String text = config(random);
            String expected = outcome(() -> ConfigurationSyntax.parseCut(text, "/etc/s.conf", ProgramCheck.ANY));
            String actual = outcome(() -> ConfigurationSyntax.parse(text, "/etc/s.conf", ProgramCheck.ANY));
            assertThat(actual).as("configuration:\n%s", text).isEqualTo(expected);
            if (expected.startsWith("error")) failed++;
            else ok++;
        }
        // both outcomes are exercised: whole configurations, and errors pointing into the section
        assertThat(ok).isGreaterThan(100);
        assertThat(failed).isGreaterThan(50);
    }

    private static String config(Random random) {
        boolean multicast = random.nextBoolean();
        StringBuilder c = new StringBuilder("neighbor 127.0.0.1 {\n router-id 1.2.3.4;\n local-address 127.0.0.1;\n"
                + " local-as 1;\n peer-as 2;\n family { ipv4 unicast;" + (multicast ? " ipv4 multicast;" : "")
                + " }\n static {\n");
        int lines = 1 + random.nextInt(8);
        for (int i = 0; i < lines; i++) c.append(line(random));
        c.append(" }\n}\n");
        return c.toString();
    }

    private static String line(Random random) {
        String prefix = (random.nextInt(5) > 0 ? "20.%d.%d.0/24" : PREFIXES[random.nextInt(PREFIXES.length)]).formatted(random.nextInt(256), random.nextInt(256));
        // most lines repeat one attribute text, as large files do; the rest pick any
        String attributes = random.nextInt(3) > 0 ? " med 10" : ATTRIBUTES[random.nextInt(ATTRIBUTES.length)];
        String route = "route " + prefix + " next-hop 127.0.1.2" + attributes;
        String indent = switch (random.nextInt(4)) {
            case 0 -> "";
            case 1 -> "\t";
            case 2 -> "    ";
            default -> " \t ";
        };
        if (random.nextInt(3) > 0) return indent + route + ";\n";
        return switch (random.nextInt(16)) {
            case 0 -> indent + route.replace(" next-hop", "  next-hop") + ";\n";
            case 1 -> indent + route + " ;\n";
            case 2 -> indent + route + ";  \n";
            case 3 -> indent + route + ";\r\n";
            case 4 -> indent + route + "; # a comment\n";
            case 5 -> indent + "# route " + prefix + " next-hop 1.2.3.4;\n";
            case 6 -> indent + route + "; " + route + ";\n";
            case 7 -> indent + "route " + prefix + " {\n  next-hop 127.0.1.2;\n" + (random.nextBoolean() ? "  " + route + ";\n" : "") + " }\n";
            case 8 -> indent + "route " + prefix + " \\\n next-hop 127.0.1.2;\n";
            case 9 -> indent + "attributes next-hop 127.0.1.2 nlri " + prefix + " 20.0.1.0/24;\n";
            case 10 -> indent + route.replace(" next-hop", "\tnext-hop") + ";\n";
            case 11 -> indent + route + "\n";
            case 12 -> indent + "route " + prefix + ";\n";
            default -> indent + route + ";\n";
        };
    }

    @FunctionalInterface
    private interface Parse {
        Configuration run() throws ConfigError;
    }

    private static String outcome(Parse parse) {
        try {
            return "ok " + parse.run();
        } catch (ConfigError e) {
            return "error " + e.getMessage();
        }
    }
}
