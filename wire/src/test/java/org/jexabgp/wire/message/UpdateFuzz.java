package org.jexabgp.wire.message;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.Families;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.TestJsonSink;
import org.jexabgp.wire.WireReader;
import org.jexabgp.wire.nlri.Nlri;

/**
 * UPDATE bodies with every family of the table negotiated: no unchecked exception may escape the decoder, and what
 * decodes re-encodes to bytes that decode to an equal value. The first byte picks the session (bit 0: ASN4, bit 1:
 * add-path on IPv4 unicast, bit 2: on IPv6 unicast, bit 3: on every family that carries path ids); the rest is the
 * body. Seeds ({@code UpdateFuzzInputs/decode/}) hold an MP_REACH of every family.
 */
class UpdateFuzz {
    private static final List<Family> FAMILIES =
            Families.ALL.all().stream().map(org.jexabgp.wire.FamilySpec::family).toList();

    @FuzzTest(maxDuration = "10m")
    void decode(byte[] data) {
        if (data.length == 0) return;
        Negotiated session = session(data[0]);
        DecodedUpdate first;
        try {
            first = UpdateCodec.decode(new WireReader(data, 1, data.length), session);
        } catch (Malformed expected) {
            return;
        }
        String input = HexFormat.of().formatHex(data);
        Update u = first.update();
        Bytes again = UpdateCodec.encode(u, session);
        DecodedUpdate second;
        try {
            second = UpdateCodec.decode(again.reader(), session);
        } catch (Malformed e) {
            throw new AssertionError("re-encoding of " + input + " does not decode: " + again + ": " + e.getMessage());
        }
        assertThat(second.update()).as("input %s", input).isEqualTo(u);
        // the views and renderers must take anything the decoder produced
        u.announcements();
        u.withdrawals();
        u.endOfRib();
        first.effective();
        TestJsonSink.object(s -> u.pathAttributes().forEach(a -> a.json(s)));
        u.attributes().forEach(a -> a.text());
        for (Update.Withdrawal w : u.withdrawals()) for (Nlri n : w.nlris()) n.text();
    }

    static Negotiated session(byte selector) {
        Set<Family> addPath = new java.util.HashSet<>();
        if ((selector & 2) != 0) addPath.add(Family.IPV4_UNICAST);
        if ((selector & 4) != 0) addPath.add(Family.IPV6_UNICAST);
        if ((selector & 8) != 0)
            for (var spec : Families.ALL.all()) if (spec.nlri().carriesPathId()) addPath.add(spec.family());
        return Negotiated.standalone(65001, 65002, FAMILIES)
                .withAsn4((selector & 1) != 0)
                .withAddPath(addPath, addPath);
    }
}
