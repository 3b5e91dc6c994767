package org.jexabgp.wire.message;

import java.util.List;
import java.util.SplittableRandom;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.IpAddress;

/** Random valid OPERATIONAL contents for round-trip properties. */
final class OperationalGenerators {
    private static final List<Family> FAMILIES = List.of(
            Family.IPV4_UNICAST, Family.IPV6_UNICAST, Family.IPV4_MULTICAST, Family.of(1, 133), Family.of(25, 65));

    private OperationalGenerators() {}

    static OperationalContent content(SplittableRandom r) {
        OperationalType type = OperationalType.values()[r.nextInt(OperationalType.values().length)];
        Family family = FAMILIES.get(r.nextInt(FAMILIES.size()));
        IpAddress id = IpAddress.v4(r.nextLong(1L << 32));
        long sequence = r.nextLong(1L << 32);
        return switch (type.shape()) {
            case ADVISORY -> {
                StringBuilder sb = new StringBuilder();
                int n = r.nextInt(40);
                for (int i = 0; i < n; i++) sb.append((char) (r.nextBoolean() ? 'a' + r.nextInt(26) : 0xe9));
                yield new OperationalContent.Advisory(type, family, sb.toString());
            }
            case QUERY -> new OperationalContent.Query(type, family, id, sequence);
            case REPLY -> new OperationalContent.Reply(type, family, id, sequence, r.nextLong(1L << 32));
        };
    }
}
