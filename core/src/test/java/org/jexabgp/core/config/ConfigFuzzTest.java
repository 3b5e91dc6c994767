package org.jexabgp.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Random token soup: the parser may refuse it, but only ever with a {@link ConfigError}. */
class ConfigFuzzTest {
    private static final List<String> WORDS = List.of(
            "neighbor", "127.0.0.1", "10.0.0.0/24", "::1", "2001:db8::/32", "router-id", "1.2.3.4", "local-address",
            "local-as", "peer-as", "auto", "hold-time", "0", "3", "65535", "99999999999999999999", "passive",
            "family", "ipv4", "ipv6", "unicast", "multicast", "all", "capability", "add-path", "send/receive",
            "graceful-restart", "static", "announce", "route", "attributes", "nlri", "next-hop", "self", "med",
            "as-path", "(", ")", "community", "large-community", "extended-community", "target:1:2", "0x", "split",
            "/24", "/0", "/33", "template", "inherit", "api", "processes", "processes-match", "[", "]", ",", ";", "{",
            "}", "process", "run", "encoder", "json", "\"q", "'", "#", "\\", "aggregator", "(1:1.1.1.1)", "attribute",
            "0x63", "0xc0", "0x0102", "path-information", "watchdog", "withdraw", "name", "label", "flow", "receive",
            "send", "parsed", "nexthop", "md5-password", "rate-limit", "1.10", "-1", "");

    @Test
    void onlyConfigErrorsFromTokenSoup() {
        long seed = Long.getLong("jexabgp.seed", 0x5EED_C0F1L);
        SplittableRandom random = new SplittableRandom(seed);
        int parsed = 0;
        for (int round = 0; round < 3000; round++) {
            StringBuilder text = new StringBuilder();
            int n = random.nextInt(1, 60);
            for (int i = 0; i < n; i++) {
                text.append(WORDS.get(random.nextInt(WORDS.size())));
                text.append(random.nextInt(8) == 0 ? "\n" : " ");
            }
            String t = text.toString();
            try {
                ConfigurationSyntax.parse(t, "fuzz.conf", ProgramCheck.ANY);
                parsed++;
            } catch (ConfigError e) {
                assertThat(e.getMessage()).as("seed %d round %d", seed, round).startsWith("fuzz.conf:");
            } catch (RuntimeException e) {
                throw new AssertionError("seed " + seed + " round " + round + " input:\n" + t, e);
            }
            try {
                RouteSyntax.parseApiRoute(t.replace('\n', ' '), random.nextBoolean());
            } catch (ConfigError e) {
                assertThat(e.file()).isEqualTo("command");
            } catch (RuntimeException e) {
                throw new AssertionError("seed " + seed + " round " + round + " command:\n" + t, e);
            }
        }
        assertThat(parsed).as("seed %d", seed).isPositive();
    }

    /** Valid commands with words replaced, dropped or repeated: reaches deeper than soup. */
    @Test
    void onlyConfigErrorsFromMutatedCommands() {
        long seed = Long.getLong("jexabgp.seed", 0xC0FFEEL);
        SplittableRandom random = new SplittableRandom(seed);
        List<String> seeds = List.of(
                "route 10.1.0.0/24 next-hop 1.2.3.4 origin igp as-path [ 1 2 ] ( 3 ) med 1 local-preference 2"
                        + " community [ 1:1 no-export ] large-community 1:2:3 extended-community target:1:2"
                        + " originator-id 1.1.1.1 cluster-list [ 2.2.2.2 ] aggregator ( 1:1.2.3.4 ) atomic-aggregate"
                        + " attribute [ 0x63 0xc0 0x0102 ] path-information 7 split /26 name n watchdog w withdraw",
                "route 2001:db8::/32 next-hop self split /34",
                "ipv6 unicast 2001:db8::/48 next-hop ::1 med 5",
                "attributes next-hop 1.1.1.1 med 100 nlri 1.0.0.0/24 2.0.0.0/24");
        List<String> extra = List.of("/33", "/129", "/0", "[", "]", "(", ")", ",", "0x", "1:2:3:4", "self", "::",
                "4294967296", "65536:1", "target:70000:70000", "bandwidth:1:1", "l2info:1:2:3:4", "split", "nlri",
                "10.0.0.0/8", "10.0.0.1/8", "224.0.0.0/4", "(1:1.1.1.1)", "\\", "'", "#", "{", "}", ";");
        for (int round = 0; round < 5000; round++) {
            List<String> words = new java.util.ArrayList<>(
                    List.of(seeds.get(random.nextInt(seeds.size())).split(" ")));
            int edits = random.nextInt(1, 4);
            for (int e = 0; e < edits; e++) {
                int at = random.nextInt(words.size());
                switch (random.nextInt(3)) {
                    case 0 -> words.set(at, extra.get(random.nextInt(extra.size())));
                    case 1 -> words.remove(at);
                    default -> words.add(at, words.get(random.nextInt(words.size())));
                }
                if (words.isEmpty()) words.add("route");
            }
            String text = String.join(" ", words);
            try {
                RouteSyntax.parseApiRoute(text, random.nextBoolean());
            } catch (ConfigError e) {
                assertThat(e.file()).isEqualTo("command");
            } catch (RuntimeException e) {
                throw new AssertionError("seed " + seed + " round " + round + " command:\n" + text, e);
            }
            String file = "neighbor 127.0.0.1 { router-id 1.1.1.1; static { " + text + "; } }";
            try {
                ConfigurationSyntax.parse(file, "fuzz.conf", ProgramCheck.ANY);
            } catch (ConfigError e) {
                assertThat(e.file()).isEqualTo("fuzz.conf");
            } catch (RuntimeException e) {
                throw new AssertionError("seed " + seed + " round " + round + " file:\n" + file, e);
            }
        }
    }
}
