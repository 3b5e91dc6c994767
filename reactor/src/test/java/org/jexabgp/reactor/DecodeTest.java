package org.jexabgp.reactor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** json.md §9: decode prints what a process would receive, from a fake neighbour 127.0.0.1 / 65533. */
class DecodeTest {
    private static final EventContext CONTEXT = new EventContext("h", 10, 1, () -> 1.5);
    private static final String HEAD = "{\"exabgp\":\"5.0.0\",\"time\":1.5,\"host\":\"h\",\"pid\":10,\"ppid\":1,"
            + "\"counter\":1,";
    private static final String FAKE = "\"neighbor\":{\"address\":{\"local\":\"127.0.0.1\",\"peer\":\"127.0.0.1\"},"
            + "\"asn\":{\"local\":65533,\"peer\":65533},\"direction\":\"in\",";

    private static String json(Decode.Result r) {
        assertThat(r).isInstanceOf(Decode.Result.Json.class);
        return ((Decode.Result.Json) r).line();
    }

    /** An OPEN with its header (RFC 4271 §4.2), colons and spaces ignored. */
    @Test
    void open() {
        String hex = "FFFFFFFF:FFFFFFFF:FFFFFFFF:FFFFFFFF 0025 01" // marker, length 37, OPEN
                + " 04 FFFD 00B4 0A000002 08" // version 4, AS 65533, hold 180, id 10.0.0.2, 8 bytes of parameters
                + " 02 06 41 04 0000FFFD"; // 4-octet ASN 65533 (RFC 6793 §3)
        assertThat(json(Decode.run(CONTEXT, hex, null, Decode.Kind.UPDATE, false)))
                .isEqualTo(HEAD + "\"type\":\"open\"," + FAKE
                        + "\"open\":{\"version\":4,\"asn\":65533,\"hold_time\":180,\"router_id\":\"10.0.0.2\","
                        + "\"capabilities\":{\"65\":{\"name\":\"asn4\",\"asn4\":65533}}}}}");
    }

    /** An UPDATE body without header: withdrawn 10.0.0.0/8 (RFC 4271 §4.3), no attributes, no NLRI. */
    @Test
    void updateBody() {
        assertThat(json(Decode.run(CONTEXT, "0002 08 0A 0000", "ipv4 unicast", Decode.Kind.UPDATE, false)))
                .isEqualTo(HEAD + "\"type\":\"update\"," + FAKE
                        + "\"message\":{\"update\":{\"withdraw\":{\"ipv4 unicast\":[{\"nlri\":\"10.0.0.0/8\"}]}}}}}");
    }

    @Test
    void invalid() {
        assertThat(Decode.run(CONTEXT, "zz", null, Decode.Kind.UPDATE, false)).isInstanceOf(Decode.Result.Invalid.class);
        assertThat(Decode.run(CONTEXT, "0005", null, Decode.Kind.UPDATE, false))
                .isInstanceOf(Decode.Result.Invalid.class);
        assertThat(Decode.run(CONTEXT, "00", "ipv9 unicast", Decode.Kind.UPDATE, false))
                .isInstanceOf(Decode.Result.Invalid.class);
    }

    /** -n: NLRIs back to back, with -i a path id before each (RFC 7911 §3). */
    @Test
    void nlri() {
        assertThat(json(Decode.run(CONTEXT, "18 0A0000 20 01010101", "ipv4 unicast", Decode.Kind.NLRI, false)))
                .isEqualTo("{\"nlri\":\"10.0.0.0/24\"}\n{\"nlri\":\"1.1.1.1/32\"}"); // one object per line
        assertThat(json(Decode.run(CONTEXT, "00000001 18 0A0000", "ipv4 unicast", Decode.Kind.NLRI, true)))
                .isEqualTo("{\"nlri\":\"10.0.0.0/24\",\"path-information\":\"0.0.0.1\"}");
    }
}
