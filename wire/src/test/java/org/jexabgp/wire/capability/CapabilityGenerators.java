package org.jexabgp.wire.capability;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.jexabgp.wire.Family;

/** Random values of the capabilities ExaBGP lacks (ORF, dynamic capability, LLGR), for the row round trips. */
public final class CapabilityGenerators {
    private CapabilityGenerators() {}

    private static Family family(SplittableRandom r) {
        return Family.of(r.nextInt(65536), r.nextInt(256));
    }

    /** RFC 5291 §4: up to 4 families of up to 5 ORF types each (well below the 255-byte value limit). */
    public static OutboundRouteFiltering orf(SplittableRandom r) {
        List<OutboundRouteFiltering.Entry> entries = new ArrayList<>();
        for (int i = 1 + r.nextInt(4); i > 0; i--) {
            List<OutboundRouteFiltering.Orf> orfs = new ArrayList<>();
            for (int j = r.nextInt(6); j > 0; j--)
                orfs.add(new OutboundRouteFiltering.Orf(r.nextInt(256), r.nextInt(256)));
            entries.add(new OutboundRouteFiltering.Entry(family(r), orfs));
        }
        return new OutboundRouteFiltering(entries);
    }

    public static DynamicCapability dynamic(SplittableRandom r) {
        List<Integer> codes = new ArrayList<>();
        for (int i = r.nextInt(10); i > 0; i--) codes.add(r.nextInt(256));
        return new DynamicCapability(codes);
    }

    /** RFC 9494 §3: up to 36 families (7 bytes each, 255 bytes at most). */
    public static LongLivedGracefulRestart llgr(SplittableRandom r) {
        List<LongLivedGracefulRestart.Entry> entries = new ArrayList<>();
        for (int i = r.nextInt(37); i > 0; i--)
            entries.add(new LongLivedGracefulRestart.Entry(family(r), r.nextInt(256), r.nextInt(1 << 24)));
        return new LongLivedGracefulRestart(entries);
    }
}
