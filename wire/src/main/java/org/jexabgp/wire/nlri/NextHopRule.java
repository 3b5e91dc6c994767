package org.jexabgp.wire.nlri;

import java.util.List;
import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.WireWriter;

/** How a family writes the MP_REACH next-hop field (RFC 4760 §3) and which lengths it accepts. */
public interface NextHopRule {
    List<IpAddress> decode(Bytes raw, Family family, Negotiated session) throws Malformed;

    void encode(List<IpAddress> nextHops, WireWriter out);

    /**
     * Plain addresses: nothing (0), one IPv4 (4), one IPv6 (16) or global + link-local (32, RFC 2545 §3). Lenient on
     * purpose: we send IPv4 routes with a 16-byte next hop even without extended next-hop (wire.md §9.4), so we read
     * them back too.
     */
    NextHopRule PLAIN = new NextHopRule() {
        @Override
        public List<IpAddress> decode(Bytes raw, Family family, Negotiated session) throws Malformed {
            return switch (raw.length()) {
                case 0 -> List.of();
                case 4, 16 -> List.of(new IpAddress(raw));
                case 32 -> {
                    byte[] b = raw.toArray();
                    yield List.of(
                            IpAddress.of(java.util.Arrays.copyOfRange(b, 0, 16)),
                            IpAddress.of(java.util.Arrays.copyOfRange(b, 16, 32)));
                }
                // RFC 7606 §7.11: an unusable next hop length makes the MP_REACH_NLRI malformed
                default ->
                    throw Malformed.update(
                            9, "invalid next-hop length " + raw.length() + " for " + family.name());
            };
        }

        @Override
        public void encode(List<IpAddress> nextHops, WireWriter out) {
            for (IpAddress a : nextHops) out.bytes(a.bytes());
        }
    };
}
