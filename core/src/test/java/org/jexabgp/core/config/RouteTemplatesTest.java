package org.jexabgp.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jexabgp.core.model.Route;
import org.jexabgp.core.model.RouteList;
import org.junit.jupiter.api.Test;

/**
 * Differential property: for generated route commands, the fast path gives exactly the general parser's routes, or
 * the same error. The generator mixes the common forms with everything the fast path must hand over (split, labels,
 * route distinguishers, quoting, bad prefixes, missing next hops).
 */
class RouteTemplatesTest {
    /** How many commands the shape-and-prefixes form answered (it must be exercised). */
    private static int v4Answers;

    private static final String[] PREFIXES = {
        "10.0.0.0/8", "20.1.2.0/24", "192.0.2.1/32", "0.0.0.0/0", "224.0.0.0/4", "239.1.0.0/16", "224.0.0.0/3",
        "10.0.0.1/8", "010.0.0.0/8", "10.0.0.0/33", "10.0.0.0/08", "10.0.0.0", "1.2.3", "256.0.0.0/8", "2001:db8::/32",
        "::/0", "2001:db8::1/128", "2001:DB8::/32", "2001:db8::1/32", "fe80::/10", "10.0.0.0/", "/8", "1.2.3.4/32x",
        "20.0.0.0/24", "20.0.1.0/24"
    };

    private static final String[] ATTRIBUTES = {
        "next-hop 127.0.1.2", "next-hop 2001:db8::1", "next-hop self", "med 10", "med -1", "local-preference 200",
        "origin igp", "origin egp", "origin bogus", "as-path [ 1 2 3 ]", "as-path ( 1 2 )", "as-path 65000",
        "community [ 1:1 2:2 ]", "community no-export", "community [ 1:1 , 2:2 ]", "large-community 1:2:3",
        "extended-community target:1:1", "atomic-aggregate", "aggregator ( 1:1.2.3.4 )", "path-information 5",
        "path-information 1.2.3.4", "split /25", "split /26", "label 100", "rd 1:1", "watchdog w1", "withdraw",
        "name n1", "originator-id 1.1.1.1", "cluster-list [ 1.1.1.1 ]", "bogus-keyword", "next-hop", "'quoted'",
        "next-hop 1.2.3.4;", "# comment", "nlri", "attribute [ 0x20 0xc0 0x0000000100000002 ]", "aigp 5"
    };

    @Test
    void generatedCommandsParseExactlyAsTheGeneralParser() {
        Random random = new Random(20251122);
        RouteTemplates templates = new RouteTemplates();
        int fastCandidates = 0;
        v4Answers = 0;
        for (int i = 0; i < 5_000; i++) {
            String text = command(random);
            boolean withdraw = random.nextInt(4) == 0;
            if (text.startsWith("route ") || text.startsWith("attribute")) fastCandidates++;
            assertSame(templates, text, withdraw);
        }
        assertThat(fastCandidates).isGreaterThan(3_500);
        assertThat(v4Answers).isGreaterThan(500);
    }

    /**
     * One attribute text line after line, as programs send them (the template of the last text is matched in place):
     * every prefix in turn, so the family changes under the same text, announced and withdrawn, in both forms.
     */
    @Test
    void repeatedAttributeTextsParseExactlyAsTheGeneralParser() {
        RouteTemplates templates = new RouteTemplates();
        for (String attributes : ATTRIBUTES) {
            for (boolean withdraw : new boolean[] {false, true, true, false}) {
                for (String prefix : PREFIXES) {
                    assertSame(templates, "route " + prefix + " " + attributes, withdraw);
                    assertSame(templates, "attributes " + attributes + " nlri " + prefix + " 20.0.0.0/24", withdraw);
                }
            }
        }
    }

    @Test
    void staticRoutesOfAFileAreTheGeneralParsersRoutes() throws ConfigError {
        String[] attributes = {
            "med 10", "origin egp", "as-path [ 1 2 3 ]", "community [ 1:1 2:2 ]", "path-information 7", "split /26",
            "name \"a b\"", "watchdog w withdraw", "local-preference 5", "label 100", "next-hop self"
        };
        Random random = new Random(7);
        StringBuilder config = new StringBuilder(
                "neighbor 127.0.0.1 {\n router-id 1.2.3.4;\n local-address 127.0.0.1;\n local-as 1;\n peer-as 2;\n"
                        + " family { ipv4 unicast; ipv4 multicast; ipv4 nlri-mpls; }\n static {\n");
        List<Route> expected = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            String prefix = random.nextInt(10) == 0
                    ? "224." + random.nextInt(16) + ".0.0/16"
                    : "20." + random.nextInt(256) + "." + random.nextInt(256) + ".0/24";
            StringBuilder line = new StringBuilder("route " + prefix + " next-hop 127.0.1.2");
            int extra = random.nextInt(3);
            for (int a = 0; a < extra; a++) line.append(' ').append(attributes[random.nextInt(attributes.length)]);
            expected.addAll(RouteSyntax.parseApiRoute(line.toString(), false));
            config.append("  ").append(line).append(";\n");
        }
        config.append(" }\n}\n");
        List<Route> actual = ConfigurationSyntax.parse(config.toString(), "/etc/t.conf", ProgramCheck.ANY)
                .neighbors()
                .getFirst()
                .routes();
        assertThat(actual).containsExactlyElementsOf(expected);
    }

    @Test
    void theCommonFormsShareOneAttributeSet() throws ConfigError {
        RouteTemplates templates = new RouteTemplates();
        Route a = templates.parseApiRoute("route 20.0.0.0/24 next-hop 127.0.1.2 med 5", false).getFirst();
        Route b = templates.parseApiRoute("route 20.0.1.0/24 next-hop 127.0.1.2 med 5", false).getFirst();
        assertThat(a).isEqualTo(RouteSyntax.parseApiRoute("route 20.0.0.0/24 next-hop 127.0.1.2 med 5", false)
                .getFirst());
        assertThat(b.attributes()).isSameAs(a.attributes());
        List<Route> bulk = templates.parseApiRoute("attributes next-hop 127.0.1.2 nlri 20.0.0.0/24 20.0.1.0/24", false);
        assertThat(bulk).containsExactlyElementsOf(
                RouteSyntax.parseApiRoute("attributes next-hop 127.0.1.2 nlri 20.0.0.0/24 20.0.1.0/24", false));
    }

    @Test
    void errorsAreTheGeneralParsersErrors() {
        RouteTemplates templates = new RouteTemplates();
        assertThatThrownBy(() -> templates.parseApiRoute("route 10.0.0.1/8 next-hop 1.2.3.4", false))
                .isInstanceOf(ConfigError.class)
                .hasMessage(message("route 10.0.0.1/8 next-hop 1.2.3.4", false));
        assertThatThrownBy(() -> templates.parseApiRoute("route 10.0.0.0/8 med 5", false))
                .isInstanceOf(ConfigError.class)
                .hasMessage(message("route 10.0.0.0/8 med 5", false));
    }

    private static String message(String text, boolean withdraw) {
        try {
            RouteSyntax.parseApiRoute(text, withdraw);
            return "no error";
        } catch (ConfigError e) {
            return e.getMessage();
        }
    }

    private static void assertSame(RouteTemplates templates, String text, boolean withdraw) {
        List<Route> expected = null;
        String expectedError = null;
        try {
            expected = RouteSyntax.parseApiRoute(text, withdraw);
        } catch (ConfigError e) {
            expectedError = e.getMessage();
        }
        // the shape-and-prefixes form, when it answers, stands for exactly the general parser's routes
        Route shape = templates.v4(text, withdraw);
        if (shape != null) {
            assertThat(expectedError).as("v4 error for %s (withdraw %s)", text, withdraw).isNull();
            List<Route> expanded = new ArrayList<>();
            for (int i = 0; i < templates.v4Count(); i++)
                expanded.add(RouteList.withPrefix(shape, templates.v4Prefixes()[i]));
            assertThat(expanded).as("v4 %s (withdraw %s)", text, withdraw).isEqualTo(expected);
            v4Answers++;
        }
        try {
            List<Route> actual = templates.parseApiRoute(text, withdraw);
            assertThat(expectedError).as("error for %s (withdraw %s)", text, withdraw).isNull();
            assertThat(actual).as("%s (withdraw %s)", text, withdraw).isEqualTo(expected);
        } catch (ConfigError e) {
            assertThat(e.getMessage()).as("%s (withdraw %s)", text, withdraw).isEqualTo(expectedError);
        }
    }

    private static String command(Random random) {
        List<String> attributes = new ArrayList<>();
        // mostly repeated, valid attribute texts (the cache must be hit), sometimes odd ones
        if (random.nextInt(3) > 0) attributes.add(random.nextBoolean() ? "next-hop 127.0.1.2" : "next-hop self");
        int extra = random.nextInt(3);
        for (int i = 0; i < extra; i++) attributes.add(ATTRIBUTES[random.nextInt(ATTRIBUTES.length)]);
        String attributeText = String.join(" ", attributes);
        return switch (random.nextInt(5)) {
            case 0, 1 -> "route " + prefix(random) + (attributeText.isEmpty() ? "" : " " + attributeText);
            case 2, 3 -> {
                StringBuilder sb = new StringBuilder(random.nextBoolean() ? "attributes " : "attribute ");
                sb.append(attributeText).append(" nlri");
                int n = 1 + random.nextInt(4);
                for (int i = 0; i < n; i++) sb.append(' ').append(prefix(random));
                yield sb.toString();
            }
            default -> "route " + prefix(random) + "  " + attributeText + (random.nextBoolean() ? " " : "");
        };
    }

    private static String prefix(Random random) {
        if (random.nextInt(3) == 0) return "20." + random.nextInt(256) + "." + random.nextInt(256) + ".0/24";
        return PREFIXES[random.nextInt(PREFIXES.length)];
    }
}
