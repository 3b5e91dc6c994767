package org.jexabgp.wire.message;

import java.util.List;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.Verdict;
import org.jexabgp.wire.WireReader;
import org.jexabgp.wire.WireWriter;

/**
 * An UPDATE as a {@link Message}: the decoded {@link Update} with its RFC 7606 verdict and problems. One we send is
 * {@link #of(Update)} (verdict ACCEPT).
 */
public record RouteUpdate(DecodedUpdate decoded) implements Message {
    public static RouteUpdate of(Update update) {
        return new RouteUpdate(new DecodedUpdate(update, Verdict.ACCEPT, List.of()));
    }

    @Override
    public MessageType type() {
        return MessageType.UPDATE;
    }

    /** The update as decoded (before treat-as-withdraw); see {@link DecodedUpdate#effective()}. */
    public Update update() {
        return decoded.update();
    }

    static RouteUpdate decode(WireReader body, Negotiated session) throws Malformed {
        return new RouteUpdate(UpdateCodec.decode(body, session));
    }

    void encode(WireWriter out, Negotiated session) {
        UpdateCodec.encode(decoded.update(), out, session);
    }
}
