package org.jexabgp.functional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The expect format (docs/testing.md): groups, continuation lines, comments, actions, options and errors. */
class ExpectationsTest {
    @Test
    void groupsAreSortedContinuationLinesJoinedCommentsKept() {
        Expectations e = Expectations.parse("""
                # header
                option peer-as 65010
                option connections 2
                group 2
                expect update 0000 0000     # End-of-RIB
                group 1
                expect update               # one route
                    0000 0015               # lengths
                    40010100                # ORIGIN IGP
                signal usr1
                close
                send notification 0602
                """);
        assertThat(e.options().peerAs()).isEqualTo(65010L);
        assertThat(e.options().connections()).isEqualTo(2);
        assertThat(e.groups()).extracting(Expectations.Group::number).containsExactly(1, 2);
        var first = e.groups().getFirst().items();
        assertThat(first).hasSize(4);
        var expect = (Expectations.Item.Expect) first.getFirst();
        assertThat(expect.message().bodyHex()).isEqualTo("0000001540010100");
        assertThat(expect.note()).isEqualTo("one route");
        assertThat(expect.line()).isEqualTo(7);
        // 19-byte header + 8 bytes of body = 0x1B, type 2 (RFC 4271 §4.1)
        assertThat(expect.message().hex()).isEqualTo("F".repeat(32) + "001B02" + "0000001540010100");
        assertThat(first.get(1)).isEqualTo(new Expectations.Item.Signal(10, "USR1"));
        assertThat(first.get(2)).isEqualTo(new Expectations.Item.Close(11));
        assertThat(((Expectations.Item.Send) first.get(3)).message().hex()).endsWith("0015030602");
    }

    @Test
    void rawMessagesHaveTheirHeaderChecked() {
        String eor = "FFFFFFFF FFFFFFFF FFFFFFFF FFFFFFFF 0017 02 00000000";
        Expectations e = Expectations.parse("group 1\nexpect raw " + eor + "\n");
        assertThat(((Expectations.Item.Expect) e.groups().getFirst().items().getFirst()).message())
                .isEqualTo(new Expectations.Message(2, "00000000"));
        assertThatThrownBy(() -> Expectations.parse("group 1\nexpect raw " + eor.replace("0017", "0018")))
                .hasMessageContaining("line 2").hasMessageContaining("header length 24");
    }

    @Test
    void errorsNameTheLine() {
        assertThatThrownBy(() -> Expectations.parse("expect update 00")).hasMessageContaining("line 1: no group");
        assertThatThrownBy(() -> Expectations.parse("group 1\nexpect update 0G")).hasMessageContaining("line 2");
        assertThatThrownBy(() -> Expectations.parse("group 1\nexpect update 000")).hasMessageContaining("odd");
        assertThatThrownBy(() -> Expectations.parse("option nope")).hasMessageContaining("unknown option");
        assertThatThrownBy(() -> Expectations.parse("group 1\ngroup 1")).hasMessageContaining("twice");
        assertThatThrownBy(() -> Expectations.parse("group 1\nexpect bogus 00")).hasMessageContaining("type");
    }

    /** Any body survives being written as spaced, commented continuation lines. */
    @Test
    void continuationLinesRoundTrip() {
        long seed = new SplittableRandom().nextLong();
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < 200; i++) {
            byte[] body = new byte[r.nextInt(0, 80)];
            r.nextBytes(body);
            String hex = java.util.HexFormat.of().formatHex(body);
            StringBuilder file = new StringBuilder("group 1\nexpect update\n");
            for (int at = 0; at < hex.length(); ) {
                int n = Math.min(hex.length() - at, 2 * r.nextInt(1, 6));
                file.append("    ").append(hex, at, at + n).append("   # field\n");
                at += n;
            }
            var m = ((Expectations.Item.Expect) Expectations.parse(file.toString()).groups().getFirst().items().getFirst())
                    .message();
            assertThat(m.bodyHex()).as("seed %d", seed).isEqualToIgnoringCase(hex);
        }
    }
}
