package org.jexabgp.reactor.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.jexabgp.wire.Family;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.message.OperationalType;
import org.junit.jupiter.api.Test;

/** api.md §1.3 normalisation and §2 dispatch (reverse lexical order, whole-word substring matching). */
class CommandParserTest {
    @Test
    void normalisation() {
        assertThat(CommandParser.normalise("\tannounce  route 10.0.0.0/24 community [65000:1,65000:2]  \r"))
                .isEqualTo("announce route 10.0.0.0/24 community [ 65000:1 , 65000:2 ]");
        assertThat(CommandParser.normalise("   ")).isEmpty();
    }

    /** A line already in normal form is returned as it is (the fast path); any other gets the full treatment. */
    @Test
    void normalFormIsKeptAndEverythingElseNormalised() {
        String normal = "announce route 10.0.0.0/24 next-hop 1.1.1.1";
        assertThat(CommandParser.normalise(normal)).isSameAs(normal);
        String bracketed = "announce route 10.0.0.0/24 next-hop 1.1.1.1 community [ 65000:1 , 65000:2 ] ( a )";
        assertThat(CommandParser.normalise(bracketed)).isSameAs(bracketed);
        java.util.Random random = new java.util.Random(5);
        // beyond ASCII too: Latin-1 (é, no-break space) and beyond (ā), which the byte view reads as '?'
        String alphabet = "ab1 ,[]()\t\r\n\u0001/\u00e9\u00a0\u0101";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int j = random.nextInt(12); j > 0; j--) sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            String once = CommandParser.normalise(sb.toString());
            // the result is a fixed point, and it has no tab, no double space and no space at either end
            assertThat(CommandParser.normalise(once)).as("%s", sb).isEqualTo(once);
            assertThat(once).doesNotContain("  ").doesNotContain("\t").isEqualTo(once.strip());
            // and it is api.md §1.3's normal form, whether the line took the fast path or not
            assertThat(once).as("%s", sb).isEqualTo(normalForm(sb.toString()));
        }
    }

    /** api.md §1.3, spelled with regular expressions. */
    private static String normalForm(String line) {
        String s = line.replaceAll("[\t\r\n]", " ")
                .replaceAll("([\\[(])", "$1 ")
                .replaceAll("([\\])])", " $1")
                .replace(",", " , ");
        return s.replaceAll(" +", " ").trim();
    }

    /** A route command's text is the line after its verb, with or without selectors. */
    @Test
    void routeCommandsKeepTheirTextAfterTheVerb() {
        assertThat(CommandParser.parse("withdraw attributes next-hop 1.1.1.1 nlri 10.0.0.0/24"))
                .isEqualTo(new Command.Routes(java.util.List.of(), false, "attributes next-hop 1.1.1.1 nlri 10.0.0.0/24"));
        assertThat(CommandParser.parse(" announce\tipv4  unicast 10.0.0.0/24 next-hop 1.1.1.1 "))
                .isEqualTo(new Command.Routes(java.util.List.of(), true, "ipv4 unicast 10.0.0.0/24 next-hop 1.1.1.1"));
        Command.Routes r = (Command.Routes) CommandParser.parse("neighbor 10.0.0.2 withdraw route 10.0.0.0/24");
        assertThat(r.selectors()).hasSize(1);
        assertThat(r.text()).isEqualTo("route 10.0.0.0/24");
    }

    @Test
    void dispatchFollowsExaBgp() {
        // api.md §2 rule 2: ExaBGP runs "… med 5 version" as version; what precedes a name must be neighbour
        // selectors here, so the line is an error rather than a surprise (docs/differences.md)
        assertThat(CommandParser.parse("announce route 1.0.0.0/24 next-hop 1.1.1.1 med 5 version"))
                .isInstanceOf(Command.Invalid.class);
        // reverse order: route-refresh before route
        assertThat(CommandParser.parse("announce route-refresh ipv4 unicast"))
                .isEqualTo(new Command.RouteRefresh(java.util.List.of(), Family.IPV4_UNICAST));
        Command c = CommandParser.parse("neighbor 10.0.0.2 local-as 65001 , neighbor 10.0.0.3 announce route "
                + "10.0.0.0/24 next-hop 1.1.1.1");
        assertThat(c).isInstanceOf(Command.Routes.class);
        assertThat(((Command.Routes) c).selectors()).hasSize(2);
        assertThat(((Command.Routes) c).text()).isEqualTo("route 10.0.0.0/24 next-hop 1.1.1.1");
        // a word merely containing a name is not it
        assertThat(CommandParser.parse("versions")).isInstanceOf(Command.Invalid.class);
        assertThat(CommandParser.parse("xversion")).isInstanceOf(Command.Invalid.class);
    }

    @Test
    void showOptions() {
        assertThat(CommandParser.parse("show neighbor 10.0.0.2 json extensive"))
                .isEqualTo(new Command.ShowNeighbor("extensive", true, "10.0.0.2"));
        assertThat(CommandParser.parse("show adj-rib out flow extensive"))
                .isEqualTo(new Command.ShowAdjRib(false, true, false, Command.RibKind.FLOW, null));
    }

    @Test
    void operational() {
        Command c = CommandParser.parse("neighbor 10.0.0.2 announce operational rpcp afi ipv6 safi unicast sequence 3"
                + " counter 4 router-id 1.2.3.4");
        assertThat(c).isInstanceOf(Command.SendOperational.class);
        Command.SendOperational o = (Command.SendOperational) c;
        assertThat(o.type()).isEqualTo(OperationalType.RPCP);
        assertThat(o.family()).isEqualTo(Family.IPV6_UNICAST);
        assertThat(o.routerId()).isEqualTo(IpAddress.parse("1.2.3.4"));
        assertThat(o.sequence()).isEqualTo(3);
        assertThat(o.counter()).isEqualTo(4);
        Command.SendOperational asm = (Command.SendOperational) CommandParser.parse(
                "announce operational asm afi ipv4 safi unicast advisory \"service down for maintenance\"");
        assertThat(asm.advisory()).isEqualTo("service down for maintenance");
    }
}
