package org.jexabgp.wire.message;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.Verdict;
import org.jexabgp.wire.attribute.Attribute;
import org.jexabgp.wire.attribute.MpReach;
import org.jexabgp.wire.attribute.MpUnreach;
import org.jexabgp.wire.nlri.Nlri;

/**
 * A received UPDATE with what RFC 7606 says to do with it. {@code update} holds what could be decoded (malformed
 * attributes are left out); {@code problems} explains each error, for the log and ExaBGP's {@code "error"} text. A
 * session-ending error is never a {@code DecodedUpdate}: {@link UpdateCodec#decode} throws it.
 */
public record DecodedUpdate(Update update, Verdict verdict, List<String> problems) {
    public DecodedUpdate {
        problems = List.copyOf(problems);
    }

    /**
     * The update to give the RIB and the processes: with treat-as-withdraw (RFC 7606 §2) every announced NLRI becomes a
     * withdrawal (classic ones in the withdrawn field, MP ones in an MP_UNREACH of their family); otherwise unchanged.
     */
    public Update effective() {
        if (verdict != Verdict.TREAT_AS_WITHDRAW) return update;
        List<Nlri> withdrawn = new ArrayList<>(update.withdrawn());
        withdrawn.addAll(update.announced());
        Map<Family, List<Nlri>> unreach = new LinkedHashMap<>();
        List<Attribute> others = new ArrayList<>();
        for (Attribute a : update.attributes()) {
            switch (a) {
                case MpUnreach u -> unreach.computeIfAbsent(u.family(), k -> new ArrayList<>()).addAll(u.nlris());
                case MpReach r -> {
                    // an MP_REACH without NLRI withdraws nothing; an empty MP_UNREACH would read as End-of-RIB
                    if (!r.nlris().isEmpty())
                        unreach.computeIfAbsent(r.family(), k -> new ArrayList<>()).addAll(r.nlris());
                }
                default -> others.add(a);
            }
        }
        unreach.forEach((family, nlris) -> others.add(new MpUnreach(family, nlris)));
        return new Update(withdrawn, others, List.of());
    }
}
