package org.jexabgp.wire.nlri;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.Generators;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.attribute.Attribute;
import org.jexabgp.wire.attribute.MpReach;
import org.jexabgp.wire.attribute.MpUnreach;
import org.jexabgp.wire.attribute.Origin;
import org.jexabgp.wire.attribute.PrefixSid;
import org.jexabgp.wire.message.Update;
import org.jexabgp.wire.message.UpdateCodec;
import org.jexabgp.wire.nlri.label.LabelFamily;
import org.jexabgp.wire.nlri.vpn.VpnFamily;
import org.junit.jupiter.api.Test;

/**
 * Round trips through the whole UPDATE codec: random labeled and VPN NLRIs in MP_REACH/MP_UNREACH, with and without
 * add-path, plus a random Prefix-SID, decode to what was encoded.
 */
class MplsRoundTripTest {
    private static final List<Family> FAMILIES =
            List.of(LabelFamily.IPV4, LabelFamily.IPV6, VpnFamily.IPV4, VpnFamily.IPV6);

    @Test
    void updatesRoundTrip() throws Exception {
        long seed = Generators.seed();
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < 500; i++) {
            Family f = FAMILIES.get(r.nextInt(FAMILIES.size()));
            boolean addPath = r.nextBoolean();
            Negotiated session = Negotiated.standalone(1, 1, FAMILIES)
                    .withAddPath(addPath ? Set.of(f) : Set.of(), addPath ? Set.of(f) : Set.of());
            boolean vpn = f.safi().equals(VpnFamily.IPV4.safi());
            List<Nlri> nlris = new java.util.ArrayList<>();
            for (int k = 1 + r.nextInt(4); k > 0; k--)
                nlris.add(vpn ? MplsGenerators.vpn(r, f, addPath) : MplsGenerators.labeled(r, f, addPath));
            IpAddress nh = f.afi().equals(LabelFamily.IPV4.afi()) ? Generators.v4(r) : Generators.v6(r);
            Attribute mp = r.nextBoolean() ? new MpReach(f, List.of(nh), nlris) : new MpUnreach(f, nlris);
            Update u = new Update(List.of(), List.of(new Origin(0), mp, MplsGenerators.prefixSid(r)), List.of());
            Bytes wire = UpdateCodec.encode(u, session);
            Update back = UpdateCodec.decode(wire.reader(), session).update();
            assertThat(back).as("seed %d, iteration %d, %s", seed, i, wire).isEqualTo(u);
        }
    }

    @Test
    void prefixSidRendersWhatItDecodes() {
        long seed = Generators.seed();
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < 200; i++) {
            PrefixSid sid = MplsGenerators.prefixSid(r);
            assertThat(org.jexabgp.wire.TestJsonSink.object(sid::json))
                    .as("seed %d", seed)
                    .startsWith("{\"bgp-prefix-sid\":{");
            assertThat(sid.text()).as("seed %d", seed).isNotEmpty();
        }
    }
}
