package org.jexabgp.wire.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.Generators;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.TestJsonSink;
import org.jexabgp.wire.Verdict;
import org.jexabgp.wire.attribute.Attribute;
import org.jexabgp.wire.nlri.Nlri;
import org.junit.jupiter.api.Test;

/** decode(encode(update)) == update for random UPDATEs; -Djexabgp.seed=N replays a run. */
class UpdateRoundTripTest {
    private static final long SEED = Generators.seed();

    @Test
    void roundTrip() throws Malformed {
        SplittableRandom r = new SplittableRandom(SEED);
        for (int i = 0; i < 3000; i++) {
            Negotiated session = Generators.negotiated(r);
            Update u = Generators.update(r, session);
            Bytes bytes = UpdateCodec.encode(u, session);
            DecodedUpdate d = UpdateCodec.decode(bytes.reader(), session);
            String why = "seed " + SEED + ", case " + i + ", asn4 " + session.asn4() + ", bytes " + bytes;
            assertThat(d.problems()).as(why).isEmpty();
            assertThat(d.verdict()).as(why).isEqualTo(Verdict.ACCEPT);
            assertThat(d.update()).as(why).isEqualTo(u);
            assertThat(UpdateCodec.encode(d.update(), session)).as(why).isEqualTo(bytes);
            // the renderers take every value
            TestJsonSink.object(s -> d.update().pathAttributes().forEach(a -> a.json(s)));
            // every attribute has a text form, except the empty AS_PATH, which ExaBGP leaves out
            for (Attribute a : u.attributes())
                if (!a.equals(org.jexabgp.wire.attribute.AsPath.EMPTY)) assertThat(a.text()).as(why).isNotEmpty();
            for (Update.Announcement a : u.announcements())
                for (Nlri n : a.nlris()) assertThat(n.text()).as(why).isNotEmpty();
        }
    }

    @Test
    void nlriKeysAreDistinctPerPrefix() {
        SplittableRandom r = new SplittableRandom(SEED);
        Negotiated session = Negotiated.standalone(1, 2, Generators.FAMILIES);
        for (int i = 0; i < 2000; i++) {
            var a = Generators.inet(r, Generators.FAMILIES.get(r.nextInt(4)), session);
            var b = Generators.inet(r, a.family(), session);
            assertThat(a.key().equals(b.key())).as("seed %d case %d", SEED, i).isEqualTo(a.equals(b));
        }
    }
}
