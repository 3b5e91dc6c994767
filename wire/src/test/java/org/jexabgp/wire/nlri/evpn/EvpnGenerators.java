package org.jexabgp.wire.nlri.evpn;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.nlri.Labels;
import org.jexabgp.wire.nlri.RouteDistinguisher;

/** Seeded random EVPN NLRIs (RFC 7432 §7, RFC 9136 §3) of every route type, for round-trip properties. */
public final class EvpnGenerators {
    private EvpnGenerators() {}

    /** Any route type: 1–5 parsed, others opaque; raw label fields (traffic-class and stack bits too). */
    public static Evpn evpn(SplittableRandom r) {
        RouteDistinguisher rd = switch (r.nextInt(3)) {
            case 0 -> RouteDistinguisher.type0(r.nextInt(65536), r.nextLong(1L << 32));
            case 1 -> RouteDistinguisher.type1(IpAddress.of(bytes(r, 4).toArray()), r.nextInt(65536));
            default -> RouteDistinguisher.type2(r.nextLong(1L << 32), r.nextInt(65536));
        };
        Esi esi = r.nextBoolean() ? Esi.ZERO : new Esi(bytes(r, 10));
        long etag = r.nextBoolean() ? 0 : r.nextLong(1L << 32);
        IpAddress ip = address(r, r.nextBoolean());
        Labels one = new Labels(List.of(r.nextInt(1 << 24)));
        return switch (r.nextInt(6)) {
            case 0 -> new EvpnEthernetAd(rd, esi, etag, one);
            case 1 -> new EvpnMacIp(rd, esi, etag, new Mac(bytes(r, 6)), r.nextBoolean() ? ip : null,
                    r.nextBoolean() ? one : new Labels(List.of(r.nextInt(1 << 24), r.nextInt(1 << 24))));
            case 2 -> new EvpnMulticast(rd, etag, ip);
            case 3 -> new EvpnSegment(rd, esi, ip);
            case 4 -> new EvpnPrefix(rd, esi, etag, ip, r.nextInt(ip.bytes().length() * 8 + 1),
                    address(r, !ip.isV4()), one);
            default -> new EvpnOpaque(6 + r.nextInt(250), bytes(r, r.nextInt(40)));
        };
    }

    /** 1 or {@code max} labels of 20 bits, as the config writes them. */
    public static List<Integer> labels(SplittableRandom r, int max) {
        List<Integer> l = new ArrayList<>();
        int n = 1 + r.nextInt(max);
        for (int i = 0; i < n; i++) l.add(r.nextInt(1 << 20));
        return l;
    }

    static IpAddress address(SplittableRandom r, boolean v6) {
        return IpAddress.of(bytes(r, v6 ? 16 : 4).toArray());
    }

    static Bytes bytes(SplittableRandom r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return Bytes.of(b);
    }
}
