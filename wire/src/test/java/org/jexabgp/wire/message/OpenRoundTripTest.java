package org.jexabgp.wire.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.jexabgp.wire.Afi;
import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.WireWriter;
import org.jexabgp.wire.capability.AddPath;
import org.jexabgp.wire.capability.Asn4;
import org.jexabgp.wire.capability.Capability;
import org.jexabgp.wire.capability.CiscoRouteRefresh;
import org.jexabgp.wire.capability.EnhancedRouteRefresh;
import org.jexabgp.wire.capability.ExtendedMessage;
import org.jexabgp.wire.capability.ExtendedNextHop;
import org.jexabgp.wire.capability.GracefulRestart;
import org.jexabgp.wire.capability.Hostname;
import org.jexabgp.wire.capability.MultiSession;
import org.jexabgp.wire.capability.Multiprotocol;
import org.jexabgp.wire.capability.Operational;
import org.jexabgp.wire.capability.RouteRefresh;
import org.jexabgp.wire.capability.SoftwareVersion;
import org.jexabgp.wire.capability.UnknownCapability;
import org.junit.jupiter.api.Test;

/** decode(encode(open)) == open, minus the empty-valued capabilities that are never sent (wire.md §3.1). */
class OpenRoundTripTest {
    private static final long SEED = Long.getLong("jexabgp.seed", System.nanoTime());
    private static final Negotiated SESSION = Negotiated.standalone(1, 1, List.of());

    @Test
    void roundTrip() throws Malformed {
        SplittableRandom random = new SplittableRandom(SEED);
        for (int i = 0; i < 2000; i++) {
            Open open = open(random);
            Bytes bytes = MessageCodec.encode(open, SESSION);
            Open back = (Open) MessageCodec.decode(bytes, SESSION);
            List<Capability> sent = new ArrayList<>();
            for (Capability c : open.capabilities()) {
                WireWriter w = new WireWriter();
                c.encodeValue(w);
                if (w.length() > 0) sent.add(c);
            }
            Open expected = new Open(open.version(), open.myAsField(), open.holdTimeSeconds(), open.routerId(), sent);
            assertThat(back).as("seed %d, case %d, bytes %s", SEED, i, bytes).isEqualTo(expected);
            assertThat(MessageCodec.encode(back, SESSION)).as("seed %d, case %d", SEED, i).isEqualTo(bytes);
        }
    }

    static Open open(SplittableRandom r) {
        List<Capability> caps = new ArrayList<>();
        int n = r.nextInt(r.nextInt(10) == 0 ? 60 : 8);
        for (int i = 0; i < n; i++) caps.add(capability(r));
        long asn = r.nextBoolean() ? r.nextLong(1, 65536) : r.nextLong(0, 1L << 32);
        return new Open(4, asn, r.nextInt(0, 65536), IpAddress.v4(r.nextLong(1L << 32)), caps);
    }

    static Capability capability(SplittableRandom r) {
        return switch (r.nextInt(15)) {
            case 0 -> new Multiprotocol(family(r));
            case 1 -> new Asn4(r.nextLong(1L << 32));
            case 2 -> new RouteRefresh();
            case 3 -> new EnhancedRouteRefresh();
            case 4 -> new ExtendedMessage();
            case 5 -> new Operational();
            case 6 -> new CiscoRouteRefresh();
            case 7 -> {
                List<GracefulRestart.Entry> e = new ArrayList<>();
                for (int i = r.nextInt(5); i > 0; i--) e.add(new GracefulRestart.Entry(family(r), r.nextInt(256)));
                yield new GracefulRestart(r.nextInt(16), r.nextInt(4096), e);
            }
            case 8 -> {
                List<AddPath.Entry> e = new ArrayList<>();
                for (int i = r.nextInt(1, 5); i > 0; i--) e.add(new AddPath.Entry(family(r), r.nextInt(4)));
                yield new AddPath(e);
            }
            case 9 -> {
                List<ExtendedNextHop.Entry> e = new ArrayList<>();
                for (int i = r.nextInt(1, 5); i > 0; i--) e.add(new ExtendedNextHop.Entry(family(r), Afi.of(r.nextInt(3))));
                yield new ExtendedNextHop(e);
            }
            case 10 -> new Hostname(text(r, 64), text(r, 64));
            case 11 -> new SoftwareVersion(text(r, 64));
            case 12 -> new MultiSession(r.nextBoolean(), bytes(r, 1 + r.nextInt(3)));
            default -> {
                int code = r.nextInt(256);
                // a code with its own decoder would not come back as unknown
                while (code <= 6 || org.jexabgp.wire.capability.CapabilityCode.KNOWN.contains(
                        org.jexabgp.wire.capability.CapabilityCode.of(code))) code = r.nextInt(256);
                yield new UnknownCapability(code, bytes(r, r.nextInt(1, 40)));
            }
        };
    }

    static Family family(SplittableRandom r) {
        return Family.of(r.nextInt(65536), r.nextInt(256));
    }

    static String text(SplittableRandom r, int max) {
        StringBuilder sb = new StringBuilder();
        for (int i = r.nextInt(max); i > 0; i--) sb.append((char) r.nextInt(0x20, 0x7F));
        return sb.toString();
    }

    static Bytes bytes(SplittableRandom r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return Bytes.of(b);
    }
}
