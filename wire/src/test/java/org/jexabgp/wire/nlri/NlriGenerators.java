package org.jexabgp.wire.nlri;

import java.util.SplittableRandom;
import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.WireWriter;
import org.jexabgp.wire.nlri.bgpls.BgpLs;
import org.jexabgp.wire.nlri.bgpls.BgpLsFamily;
import org.jexabgp.wire.nlri.mup.Mup;
import org.jexabgp.wire.nlri.mup.MupDsd;
import org.jexabgp.wire.nlri.mup.MupFamily;
import org.jexabgp.wire.nlri.mup.MupIsd;
import org.jexabgp.wire.nlri.mup.MupOpaque;
import org.jexabgp.wire.nlri.mup.MupT1st;
import org.jexabgp.wire.nlri.mup.MupT2st;
import org.jexabgp.wire.nlri.mvpn.McastVpn;
import org.jexabgp.wire.nlri.mvpn.McastVpnFamily;
import org.jexabgp.wire.nlri.mvpn.McastVpnJoin;
import org.jexabgp.wire.nlri.mvpn.McastVpnOpaque;
import org.jexabgp.wire.nlri.mvpn.McastVpnSourceAd;
import org.jexabgp.wire.nlri.vpls.Vpls;

/** Seeded random NLRIs of the VPLS, MVPN, MUP and BGP-LS families, for round-trip properties. */
public final class NlriGenerators {
    private NlriGenerators() {}

    public static IpAddress address(SplittableRandom r, boolean v6) {
        byte[] b = new byte[v6 ? 16 : 4];
        r.nextBytes(b);
        return IpAddress.of(b);
    }

    /** A prefix with its host bits cleared, as decoders read them back. */
    public static Prefix prefix(SplittableRandom r, boolean v6) {
        byte[] b = new byte[v6 ? 16 : 4];
        int len = r.nextInt(b.length * 8 + 1);
        r.nextBytes(b);
        for (int bit = len; bit < b.length * 8; bit++) b[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        return new Prefix(IpAddress.of(b), len);
    }

    public static Bytes bytes(SplittableRandom r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return Bytes.of(b);
    }

    /** RFC 4761 §3.2.2 VPLS NLRI. */
    public static Vpls vpls(SplittableRandom r) {
        return new Vpls(RouteDistinguisher.type0(r.nextInt(0x10000), r.nextLong(0x1_0000_0000L)),
                r.nextInt(0x10000), r.nextInt(0x10000), r.nextInt(0x10000), r.nextInt(0x100000));
    }

    /** RFC 6514 §4 MCAST-VPN NLRI: types 5, 6, 7 parsed, others opaque. */
    public static McastVpn mvpn(SplittableRandom r, boolean v6) {
        Family f = v6 ? McastVpnFamily.IPV6 : McastVpnFamily.IPV4;
        RouteDistinguisher rd = RouteDistinguisher.type2(r.nextLong(0x1_0000_0000L), r.nextInt(0x10000));
        return switch (r.nextInt(3)) {
            case 0 -> new McastVpnSourceAd(f, rd, address(r, v6), address(r, v6));
            case 1 -> new McastVpnJoin(
                    f, 6 + r.nextInt(2), rd, r.nextLong(0x1_0000_0000L), address(r, v6), address(r, v6));
            default -> new McastVpnOpaque(f, r.nextInt(5), Bytes.of(new byte[r.nextInt(30)]));
        };
    }

    /** draft-mpmz-bess-mup-safi NLRI: ISD, DSD, T1ST, T2ST, others opaque. */
    public static Mup mup(SplittableRandom r, boolean v6) {
        Family f = v6 ? MupFamily.IPV6 : MupFamily.IPV4;
        RouteDistinguisher rd = RouteDistinguisher.type0(r.nextInt(0x10000), r.nextLong(0x1_0000_0000L));
        return switch (r.nextInt(5)) {
            case 0 -> new MupIsd(f, rd, prefix(r, v6));
            case 1 -> new MupDsd(f, rd, address(r, v6));
            case 2 -> new MupT1st(f, rd, prefix(r, v6), r.nextLong(0x1_0000_0000L), r.nextInt(256),
                    address(r, r.nextBoolean()), r.nextBoolean() ? null : address(r, r.nextBoolean()));
            case 3 -> {
                int bits = r.nextInt(33);
                yield new MupT2st(f, rd, address(r, v6), bits == 0 ? 0 : r.nextLong(1L << bits), bits);
            }
            default -> new MupOpaque(f, 2 + r.nextInt(5), r.nextInt(0x10000), Bytes.of(new byte[r.nextInt(9)]));
        };
    }

    /**
     * A BGP-LS NLRI (RFC 9552 §5.2) built as bytes from random descriptors — node, link, IPv4/IPv6 prefix, or an
     * unknown type — and decoded, since BGP-LS values are only ever made by the decoder.
     */
    public static BgpLs bgpLs(SplittableRandom r, Family family) {
        boolean vpn = family.equals(BgpLsFamily.BGP_LS_VPN);
        int type = new int[] {BgpLs.NODE, BgpLs.LINK, BgpLs.PREFIX_V4, BgpLs.PREFIX_V6, 99}[r.nextInt(5)];
        WireWriter body = new WireWriter();
        if (vpn) body.u16(0).u16(r.nextInt(0x10000)).u32(r.nextLong(1L << 32));
        if (type == 99) {
            body.bytes(bytes(r, r.nextInt(20)));
        } else {
            body.u8(1 + r.nextInt(7)).u32(0).u32(r.nextLong(1L << 32));
            node(body, BgpLs.LOCAL_NODE, r);
            if (type == BgpLs.LINK) {
                node(body, BgpLs.REMOTE_NODE, r);
                if (r.nextBoolean()) tlv(body, BgpLs.LINK_ID, bytes(r, 8));
                if (r.nextBoolean()) tlv(body, BgpLs.IPV4_INTERFACE, bytes(r, 4));
                if (r.nextBoolean()) tlv(body, BgpLs.IPV4_NEIGHBOR, bytes(r, 4));
                if (r.nextBoolean()) tlv(body, BgpLs.IPV6_INTERFACE, bytes(r, 16));
                if (r.nextBoolean()) tlv(body, BgpLs.IPV6_NEIGHBOR, bytes(r, 16));
            } else if (type != BgpLs.NODE) {
                if (r.nextBoolean()) tlv(body, BgpLs.OSPF_ROUTE_TYPE, Bytes.of((byte) (1 + r.nextInt(6))));
                Prefix p = prefix(r, type == BgpLs.PREFIX_V6);
                WireWriter reach = new WireWriter().u8(p.length());
                reach.bytes(p.address().bytes().toArray(), 0, (p.length() + 7) / 8);
                tlv(body, BgpLs.IP_REACHABILITY, reach.toBytes());
            }
        }
        Bytes b = body.toBytes();
        WireWriter nlri = new WireWriter().u16(type).u16(b.length()).bytes(b);
        try {
            return (BgpLs) BgpLsFamily.BGP_LS_ROW.nlri().decode(
                    nlri.toBytes().reader(), family, 0, Negotiated.standalone(1, 2, java.util.List.of(family)));
        } catch (Malformed e) {
            throw new AssertionError("generated BGP-LS NLRI refused: " + nlri.toBytes().hex(), e);
        }
    }

    /** RFC 9552 §5.2.1.4 node descriptor: AS, BGP-LS identifier, OSPF area, IGP router id (each optional). */
    private static void node(WireWriter out, int type, SplittableRandom r) {
        WireWriter sub = new WireWriter();
        if (r.nextBoolean()) sub.u16(512).u16(4).u32(r.nextLong(1L << 32));
        if (r.nextBoolean()) sub.u16(513).u16(4).u32(r.nextLong(1L << 32));
        if (r.nextBoolean()) sub.u16(514).u16(4).u32(r.nextLong(1L << 32));
        int idLength = new int[] {4, 6, 7, 8, 16}[r.nextInt(5)];
        sub.u16(515).u16(idLength).bytes(bytes(r, idLength));
        tlv(out, type, sub.toBytes());
    }

    private static void tlv(WireWriter out, int type, Bytes value) {
        out.u16(type).u16(value.length()).bytes(value);
    }
}
