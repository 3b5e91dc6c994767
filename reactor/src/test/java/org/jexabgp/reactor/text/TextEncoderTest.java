package org.jexabgp.reactor.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jexabgp.reactor.json.Direction;
import org.jexabgp.reactor.json.EventNeighbor;
import org.jexabgp.reactor.json.MessageForm;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.attribute.Med;
import org.jexabgp.wire.attribute.NextHop;
import org.jexabgp.wire.attribute.Origin;
import org.jexabgp.wire.message.Keepalive;
import org.jexabgp.wire.message.Message;
import org.jexabgp.wire.message.MessageCodec;
import org.jexabgp.wire.message.Notification;
import org.jexabgp.wire.message.RouteRefresh;
import org.jexabgp.wire.message.RouteUpdate;
import org.jexabgp.wire.message.Update;
import org.jexabgp.wire.nlri.inet.InetNlri;
import org.junit.jupiter.api.Test;

/** json.md §8: each event string ends with a newline (the writer adds another). */
class TextEncoderTest {
    private static final TextEncoder TEXT = new TextEncoder(18818, 1);
    private static final EventNeighbor WHO = new EventNeighbor("127.0.30.1", "127.0.30.2", 65001, 65002);
    private static final Negotiated SESSION = Negotiated.standalone(65001, 65002, List.of(Family.IPV4_UNICAST));

    private static String copy(Message m, Direction d, MessageForm form) {
        return TEXT.message(WHO, m, d, MessageCodec.encode(m, SESSION), form);
    }

    @Test
    void states() {
        assertThat(TEXT.state(WHO, "connected", null)).isEqualTo("neighbor 127.0.30.2 connected\n");
        assertThat(TEXT.state(WHO, "down", "stop, message [shutting down]"))
                .isEqualTo("neighbor 127.0.30.2 down - stop, message [shutting down]\n");
        assertThat(TEXT.shutdown()).isEqualTo("shutdown 18818 1\n");
    }

    @Test
    void messages() {
        assertThat(copy(Keepalive.INSTANCE, Direction.SEND, MessageForm.PARSED))
                .isEqualTo("neighbor 127.0.30.2 send keepalive\n");
        assertThat(copy(Notification.of(6, 4, ""), Direction.SEND, MessageForm.PARSED))
                .isEqualTo("neighbor 127.0.30.2 send notification code 6 subcode 4 data "
                        + "0x1441646D696E697374726174697665205265736574\n");
        assertThat(copy(RouteRefresh.request(Family.IPV4_UNICAST), Direction.RECEIVE, MessageForm.PARSED))
                .isEqualTo("neighbor 127.0.30.2 receive route-refresh afi ipv4 safi unicast query\n");
        assertThat(copy(Keepalive.INSTANCE, Direction.RECEIVE, MessageForm.PACKETS))
                .isEqualTo("neighbor 127.0.30.2 receive 4 header 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF001304 body 0x\n");
    }

    @Test
    void update() {
        Update update = new Update(
                List.of(InetNlri.of(Family.IPV4_UNICAST, "10.3.0.0/24")),
                List.of(new Origin(Origin.IGP), new NextHop(IpAddress.parse("127.0.30.2")), new Med(100)),
                List.of(InetNlri.of(Family.IPV4_UNICAST, "10.1.0.0/24")));
        String p = "neighbor 127.0.30.2 receive ";
        assertThat(copy(RouteUpdate.of(update), Direction.RECEIVE, MessageForm.PARSED))
                .isEqualTo(p + "update start\n"
                        + p + "update announced 10.1.0.0/24 next-hop 127.0.30.2 origin igp med 100\n"
                        + p + "update withdrawn 10.3.0.0/24\n"
                        + p + "update end\n");
        assertThat(copy(RouteUpdate.of(Update.endOfRib(Family.IPV4_UNICAST)), Direction.SEND, MessageForm.PARSED))
                .isEqualTo("neighbor 127.0.30.2 send update route eor 1/1 (ipv4 unicast)\n");
    }
}
