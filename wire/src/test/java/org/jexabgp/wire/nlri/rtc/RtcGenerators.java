package org.jexabgp.wire.nlri.rtc;

import java.util.SplittableRandom;
import org.jexabgp.wire.Bytes;

/** Seeded random Route Target membership NLRIs (RFC 4684 §4), as the decoder returns them. */
public final class RtcGenerators {
    private RtcGenerators() {}

    public static Rtc rtc(SplittableRandom r) {
        if (r.nextInt(8) == 0) return Rtc.WILDCARD;
        long origin = r.nextLong(1L << 32);
        int bits = r.nextBoolean() ? 96 : 32 + r.nextInt(65);
        byte[] target = new byte[(bits - 32 + 7) / 8];
        r.nextBytes(target);
        // bits past the length are not part of the prefix (RFC 4684 §4)
        if (bits % 8 != 0) target[target.length - 1] &= (byte) (0xFF00 >>> (bits % 8));
        return Rtc.of(origin, bits, Bytes.of(target));
    }
}
