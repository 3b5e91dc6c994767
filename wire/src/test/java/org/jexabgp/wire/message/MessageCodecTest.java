package org.jexabgp.wire.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.Negotiated;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MessageCodecTest {
    private static final Negotiated SESSION = Negotiated.standalone(65533, 65533, List.of(Family.IPV4_UNICAST));
    private static final String MARKER = "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF";

    private static Header header(String hex, int max) throws Malformed {
        return MessageCodec.header(Bytes.fromHex(hex).reader(), max);
    }

    @Test
    void keepalive() throws Malformed {
        Bytes bytes = Bytes.fromHex(MARKER + "0013 04"); // RFC 4271 §4.4: header only, length 19
        assertThat(MessageCodec.encode(Keepalive.INSTANCE, SESSION)).isEqualTo(bytes);
        assertThat(MessageCodec.decode(bytes, SESSION)).isEqualTo(Keepalive.INSTANCE);
    }

    /** wire.md §11, api-teardown: Cease 6/4 with the RFC 9003 length-prefixed default text. */
    @Test
    void administrativeReset() throws Malformed {
        Notification n = Notification.of(6, 4, "");
        Bytes expected = Bytes.fromHex(MARKER + "002A 03" + "06 04 14" + OpenTest.ascii("Administrative Reset"));
        assertThat(MessageCodec.encode(n, SESSION)).isEqualTo(expected);
        assertThat(MessageCodec.decode(expected, SESSION)).isEqualTo(n);
        assertThat(n.text()).isEqualTo("Administrative Reset");
        assertThat(n.receivedText()).isEqualTo("Shutdown Communication: \"Administrative Reset\"");
    }

    /** Other codes carry the text raw, without a length byte; an empty text becomes the RFC name. */
    @Test
    void notificationTexts() {
        assertThat(Notification.of(6, 3, "").data()).isEqualTo(Bytes.of("Peer De-configured".getBytes(StandardCharsets.US_ASCII)));
        assertThat(Notification.of(2, 2, "ASN in OPEN (1) did not match ASN expected (2)").text())
                .isEqualTo("ASN in OPEN (1) did not match ASN expected (2)");
        assertThat(Notification.of(6, 2, "").data().u8(0)).isEqualTo("Administrative Shutdown".length());
        // RFC 9003 §2: at most 128 bytes of text
        assertThat(Notification.of(6, 2, "x".repeat(300)).data().length()).isEqualTo(129);
        assertThat(new Notification(6, 4, Bytes.fromHex("05 41")).receivedText()).startsWith("invalid Shutdown Communication");
        assertThat(new Notification(6, 4, Bytes.fromHex("00")).receivedText()).isEqualTo("empty Shutdown Communication.");
        assertThat(new Notification(3, 1, Bytes.fromHex("00FF")).receivedText()).isEqualTo("00FF");
        assertThat(Notification.subcodeName(5, 2)).isEqualTo("Receive Unexpected Message in OpenConfirm State");
    }

    /** wire.md §11, api-rr: ROUTE-REFRESH ipv4 unicast request. */
    @Test
    void routeRefresh() throws Malformed {
        Bytes expected = Bytes.fromHex(MARKER + "0017 05 0001 00 01");
        RouteRefresh rr = RouteRefresh.request(Family.IPV4_UNICAST);
        assertThat(MessageCodec.encode(rr, SESSION)).isEqualTo(expected);
        assertThat(MessageCodec.decode(expected, SESSION)).isEqualTo(rr);
        // RFC 7313 §3: BoRR / EoRR
        assertThat(MessageCodec.encode(new RouteRefresh(Family.IPV4_UNICAST, RouteRefresh.BEGIN), SESSION))
                .isEqualTo(Bytes.fromHex(MARKER + "0017 05 0001 01 01"));
    }

    /** wire.md §11: subtype above 2 → 7/2; a body that is not 4 bytes → 7/1 (when decoded past the header check). */
    @Test
    void routeRefreshErrors() {
        assertThatThrownBy(() -> MessageCodec.decode(Bytes.fromHex(MARKER + "0017 05 0001 03 01"), SESSION))
                .isInstanceOfSatisfying(Malformed.class, m -> {
                    assertThat(m.code()).isEqualTo(7);
                    assertThat(m.subcode()).isEqualTo(2);
                });
        assertThatThrownBy(() -> MessageCodec.decode(MessageType.ROUTE_REFRESH, Bytes.fromHex("000100").reader(), SESSION))
                .isInstanceOfSatisfying(Malformed.class, m -> {
                    assertThat(m.code()).isEqualTo(7);
                    assertThat(m.subcode()).isEqualTo(1);
                });
    }

    /** RFC 4271 §6.1: a marker that is not all ones → 1/1. */
    @Test
    void badMarker() {
        assertThatThrownBy(() -> header("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFE 0013 04", 4096))
                .isInstanceOfSatisfying(Malformed.class, m -> {
                    assertThat(m.code()).isEqualTo(1);
                    assertThat(m.subcode()).isEqualTo(1);
                });
    }

    /** wire.md §1: length checks → 1/2 with the length field as data (RFC 4271 §6.1) and ExaBGP's text. */
    @ParameterizedTest
    @CsvSource({
        "0012, 04, 4096, KEEPALIVE has an invalid message length of 18", // below 19
        "1001, 02, 4096, UPDATE has an invalid message length of 4097", // above 4096 without extended message
        "001C, 01, 4096, OPEN has an invalid message length of 28", // OPEN < 29
        "0016, 02, 4096, UPDATE has an invalid message length of 22", // UPDATE < 23
        "0014, 03, 4096, NOTIFICATION has an invalid message length of 20", // NOTIFICATION < 21
        "0014, 04, 4096, KEEPALIVE has an invalid message length of 20", // KEEPALIVE != 19
        "0018, 05, 4096, ROUTE_REFRESH has an invalid message length of 24", // ROUTE-REFRESH != 23
        "0016, 05, 4096, ROUTE_REFRESH has an invalid message length of 22",
    })
    void badLength(String length, String type, int max, String reason) {
        assertThatThrownBy(() -> header(MARKER + length + type, max))
                .isInstanceOfSatisfying(Malformed.class, m -> {
                    assertThat(m.code()).isEqualTo(1);
                    assertThat(m.subcode()).isEqualTo(2);
                    assertThat(m.data()).isEqualTo(Bytes.fromHex(length));
                    assertThat(m.getMessage()).isEqualTo(reason);
                });
    }

    @Test
    void goodHeaders() throws Malformed {
        assertThat(header(MARKER + "1001 02", 65535)).isEqualTo(new Header(4097, MessageType.UPDATE));
        assertThat(header(MARKER + "FFFF 02", 65535).bodyLength()).isEqualTo(65535 - 19);
        assertThat(header(MARKER + "001D 01", 4096)).isEqualTo(new Header(29, MessageType.OPEN));
        assertThat(header(MARKER + "0013 FF", 4096)).isEqualTo(new Header(19, MessageType.of(255)));
    }

    /** wire.md §1, unknown-message: type 255 is kept raw and answered with 1/0 and ExaBGP's text. */
    @Test
    void unknownType() throws Malformed {
        Bytes raw = Bytes.fromHex(MARKER + "0015 FF ABCD");
        Message m = MessageCodec.decode(raw, SESSION);
        assertThat(m).isEqualTo(new UnknownMessage(255, Bytes.fromHex("ABCD")));
        assertThat(MessageCodec.encode(m, SESSION)).isEqualTo(raw);
        Bytes notification = MessageCodec.encode(((UnknownMessage) m).notification(), SESSION);
        assertThat(notification)
                .isEqualTo(Bytes.fromHex(MARKER + "0040 03 01 00"
                        + OpenTest.ascii("can not decode update message of type \"255\"")));
    }

    @Test
    void wholeMessageLengthMustMatch() {
        assertThatThrownBy(() -> MessageCodec.decode(Bytes.fromHex(MARKER + "0013 04 00"), SESSION))
                .isInstanceOf(Malformed.class);
    }
}
