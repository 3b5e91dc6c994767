package org.jexabgp.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** runtime.md §3.2: the CLI's word expansion and answer recognition. */
class CliCommandTest {
    @Test
    void abbreviationsExpand() {
        assertThat(CliCommand.Expansion.expand("s n s")).isEqualTo("show neighbor summary");
        assertThat(CliCommand.Expansion.expand("s n e 10.0.0.1")).isEqualTo("show neighbor extensive 10.0.0.1");
        assertThat(CliCommand.Expansion.expand("s a o e")).isEqualTo("show adj-rib out extensive");
        assertThat(CliCommand.Expansion.expand("s a i")).isEqualTo("show adj-rib in");
        assertThat(CliCommand.Expansion.expand("c a")).isEqualTo("clear adj-rib");
        assertThat(CliCommand.Expansion.expand("f a o")).isEqualTo("flush adj-rib out");
        assertThat(CliCommand.Expansion.expand("a rr ipv4 unicast")).isEqualTo("announce route-refresh ipv4 unicast");
        assertThat(CliCommand.Expansion.expand("a e")).isEqualTo("announce eor");
        assertThat(CliCommand.Expansion.expand("w a next-hop 1.2.3.4 nlri 10.0.0.0/24"))
                .isEqualTo("withdraw attributes next-hop 1.2.3.4 nlri 10.0.0.0/24");
        assertThat(CliCommand.Expansion.expand("neighbour 10.0.0.2 a r 10.0.0.0/24 next-hop self"))
                .isEqualTo("neighbor 10.0.0.2 announce route 10.0.0.0/24 next-hop self");
        assertThat(CliCommand.Expansion.expand("h")).isEqualTo("help");
        assertThat(CliCommand.Expansion.expand("ver")).isEqualTo("version");
        // the route text itself is never expanded (a community "s" stays "s")
        assertThat(CliCommand.Expansion.expand("a r 10.0.0.0/24 next-hop 1.2.3.4 origin i"))
                .isEqualTo("announce route 10.0.0.0/24 next-hop 1.2.3.4 origin i");
    }

    @Test
    void answersInTextAndJson() {
        assertThat(CliCommand.answer("done")).isEqualTo(CliTransport.Answer.DONE);
        assertThat(CliCommand.answer("error")).isEqualTo(CliTransport.Answer.ERROR);
        assertThat(CliCommand.answer("{ \"answer\": \"done\", \"message\": \"command completed\" }"))
                .isEqualTo(CliTransport.Answer.DONE);
        assertThat(CliCommand.answer("{ \"answer\": \"shutdown\", \"message\": \"exbgp exited\" }"))
                .isEqualTo(CliTransport.Answer.SHUTDOWN);
        assertThat(CliCommand.answer("shutdown in progress")).isNull();
        assertThat(CliCommand.answer("Peer            AS        up/down state       |     #sent     #recvd")).isNull();
    }
}
