package org.jexabgp.wire.attribute;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.IpAddress;

/** Seeded random Tunnel Encapsulation attributes (RFC 9012, RFC 9830 §2.4), exactly as the decoder returns them. */
public final class TunnelEncapGenerators {
    private TunnelEncapGenerators() {}

    /** Sub-TLV types the decoder names: a raw sub-TLV of one of these would not decode back as raw. */
    private static final Set<Integer> NAMED = Set.of(1, 2, 4, 6, 8, 12, 13, 14, 15, 20, 128, 129, 130);

    private static final Set<Integer> NAMED_SEGMENTS = Set.of(1, 9, 13);

    public static TunnelEncap tunnelEncap(SplittableRandom r) {
        List<TunnelEncap.Tunnel> tunnels = new ArrayList<>();
        int n = 1 + r.nextInt(3);
        for (int i = 0; i < n; i++) tunnels.add(tunnel(r));
        return new TunnelEncap(tunnels);
    }

    public static TunnelEncap.Tunnel tunnel(SplittableRandom r) {
        int type = switch (r.nextInt(4)) {
            case 0, 1 -> TunnelEncap.SR_POLICY;
            case 2 -> 1 + r.nextInt(15);
            default -> r.nextInt(0x10000);
        };
        List<TunnelSubTlv> subs = new ArrayList<>();
        int n = r.nextInt(7);
        for (int i = 0; i < n; i++) subs.add(subTlv(r));
        return new TunnelEncap.Tunnel(type, subs);
    }

    public static TunnelSubTlv subTlv(SplittableRandom r) {
        return switch (r.nextInt(13)) {
            case 0 -> new TunnelSubTlv.Encapsulation(bytes(r, r.nextInt(16)));
            case 1 -> new TunnelSubTlv.ProtocolType(r.nextInt(0x10000));
            case 2 -> new TunnelSubTlv.Color(r.nextInt(4) == 0 ? r.nextInt(0x10000) : 0, r.nextLong(1L << 32));
            case 3 -> new TunnelSubTlv.EgressEndpoint(r.nextInt(4) == 0 ? null : address(r, r.nextBoolean()));
            case 4 -> new TunnelSubTlv.UdpDestinationPort(r.nextInt(0x10000));
            case 5 -> new TunnelSubTlv.Preference(r.nextInt(0x100), r.nextLong(1L << 32));
            case 6 -> new TunnelSubTlv.BindingSid(r.nextInt(0x100), bytes(r, new int[] {0, 4, 16}[r.nextInt(3)]));
            case 7 -> new TunnelSubTlv.Srv6BindingSid(r.nextInt(0x100), address(r, false), behavior(r));
            case 8 -> new TunnelSubTlv.Enlp(r.nextInt(0x100), r.nextInt(0x100));
            case 9 -> new TunnelSubTlv.Priority(r.nextInt(0x100));
            case 10 -> segmentList(r);
            case 11 ->
                new TunnelSubTlv.Name(
                        r.nextBoolean() ? TunnelSubTlv.CANDIDATE_PATH_NAME : TunnelSubTlv.POLICY_NAME,
                        r.nextInt(0x100),
                        bytes(r, r.nextInt(12)));
            default -> {
                int type;
                do type = r.nextInt(256);
                while (NAMED.contains(type));
                yield new TunnelSubTlv.Raw(type, bytes(r, r.nextInt(type >= 128 ? 300 : 20)));
            }
        };
    }

    public static TunnelSubTlv.SegmentList segmentList(SplittableRandom r) {
        List<TunnelSubTlv.Segment> items = new ArrayList<>();
        if (r.nextBoolean()) items.add(new TunnelSubTlv.Weight(r.nextInt(4) == 0 ? 0x80 : 0, r.nextLong(1L << 32)));
        int n = r.nextInt(5);
        for (int i = 0; i < n; i++) {
            items.add(switch (r.nextInt(3)) {
                case 0 -> new TunnelSubTlv.SegmentA(r.nextInt(0x100), r.nextInt(0x100), r.nextLong(1L << 32));
                case 1 -> new TunnelSubTlv.SegmentB(r.nextInt(0x100), address(r, false), behavior(r));
                default -> {
                    int type;
                    do type = r.nextInt(256);
                    while (NAMED_SEGMENTS.contains(type));
                    yield new TunnelSubTlv.RawSegment(type, bytes(r, r.nextInt(24)));
                }
            });
        }
        return new TunnelSubTlv.SegmentList(items);
    }

    private static Bytes behavior(SplittableRandom r) {
        return r.nextBoolean() ? Bytes.EMPTY : bytes(r, 8);
    }

    static IpAddress address(SplittableRandom r, boolean v4) {
        return new IpAddress(bytes(r, v4 ? 4 : 16));
    }

    static Bytes bytes(SplittableRandom r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return Bytes.of(b);
    }
}
