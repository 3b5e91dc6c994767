package org.jexabgp.wire.nlri.srpolicy;

import java.util.SplittableRandom;
import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.IpAddress;

/** Seeded random SR Policy NLRIs (RFC 9830 §2.1). */
public final class SrPolicyGenerators {
    private SrPolicyGenerators() {}

    public static SrPolicy srPolicy(SplittableRandom r, Family family) {
        byte[] endpoint = new byte[family.equals(SrPolicyFamily.IPV6) ? 16 : 4];
        r.nextBytes(endpoint);
        return new SrPolicy(family, r.nextLong(1L << 32), r.nextLong(1L << 32), new IpAddress(Bytes.of(endpoint)));
    }
}
