package org.jexabgp.wire.nlri;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.jexabgp.wire.Afi;
import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.Generators;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.attribute.PrefixSid;
import org.jexabgp.wire.nlri.label.LabeledNlri;
import org.jexabgp.wire.nlri.vpn.VpnNlri;

/** Seeded random labeled and VPN NLRIs, route distinguishers and Prefix-SIDs for round-trip properties. */
public final class MplsGenerators {
    private MplsGenerators() {}

    public static Labels labels(SplittableRandom r, int max) {
        int n = 1 + r.nextInt(max);
        List<Integer> l = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int label = r.nextInt(0x100000);
            // 0x80000 without bottom of stack is RFC 8277 §2.4's withdrawal value, which ends a stack on decode
            l.add(label == 0x80000 ? 0x80001 : label);
        }
        return Labels.of(l);
    }

    public static RouteDistinguisher rd(SplittableRandom r) {
        return switch (r.nextInt(4)) {
            case 0 -> RouteDistinguisher.type0(r.nextInt(0x10000), Generators.u32(r));
            case 1 -> RouteDistinguisher.type1(Generators.v4(r), r.nextInt(0x10000));
            case 2 -> RouteDistinguisher.type2(Generators.u32(r), r.nextInt(0x10000));
            default -> {
                byte[] b = new byte[8];
                r.nextBytes(b);
                yield new RouteDistinguisher(Bytes.of(b));
            }
        };
    }

    /** Prefix lengths are capped so that labels, RD and prefix fit the one-byte NLRI length. */
    public static LabeledNlri labeled(SplittableRandom r, Family f, boolean pathId) {
        Labels labels = labels(r, f.afi().equals(Afi.IPV6) ? 5 : 8);
        Prefix p = Generators.prefix(r, f.afi());
        return new LabeledNlri(f, p, labels, pathId ? Generators.u32(r) : 0);
    }

    public static VpnNlri vpn(SplittableRandom r, Family f, boolean pathId) {
        Labels labels = labels(r, f.afi().equals(Afi.IPV6) ? 2 : 5);
        Prefix p = Generators.prefix(r, f.afi());
        return new VpnNlri(f, p, labels, rd(r), pathId ? Generators.u32(r) : 0);
    }

    public static PrefixSid prefixSid(SplittableRandom r) {
        List<PrefixSid.Tlv> tlvs = new ArrayList<>();
        int n = 1 + r.nextInt(3);
        for (int i = 0; i < n; i++) {
            tlvs.add(switch (r.nextInt(4)) {
                case 0 -> new PrefixSid.LabelIndex(r.nextInt(0x10000), Generators.u32(r));
                case 1 -> {
                    List<PrefixSid.SrgbRange> ranges = new ArrayList<>();
                    for (int k = r.nextInt(4); k > 0; k--)
                        ranges.add(new PrefixSid.SrgbRange(r.nextInt(0x1000000), r.nextInt(0x1000000)));
                    yield new PrefixSid.OriginatorSrgb(r.nextInt(0x10000), ranges);
                }
                case 2 -> {
                    IpAddress sid = Generators.v6(r);
                    PrefixSid.SidStructure s = r.nextBoolean()
                            ? new PrefixSid.SidStructure(r.nextInt(256), r.nextInt(256), r.nextInt(256),
                                    r.nextInt(256), r.nextInt(256), r.nextInt(256))
                            : null;
                    yield PrefixSid.Srv6Service.of(
                            r.nextBoolean() ? PrefixSid.SRV6_L3_SERVICE : PrefixSid.SRV6_L2_SERVICE,
                            sid, r.nextInt(0x10000), s);
                }
                default -> {
                    byte[] b = new byte[r.nextInt(6)];
                    r.nextBytes(b);
                    // 2 (deprecated IPv6 SID) and 4 (unassigned) are not parsed
                    yield new PrefixSid.RawTlv(r.nextBoolean() ? 2 : 4, Bytes.of(b));
                }
            });
        }
        return new PrefixSid(tlvs);
    }
}
