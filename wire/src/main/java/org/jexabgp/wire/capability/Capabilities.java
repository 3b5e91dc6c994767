package org.jexabgp.wire.capability;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jexabgp.wire.Afi;
import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.JsonSink;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.WireReader;

/** Decoding and JSON rendering of capabilities (RFC 5492); the OPEN codec frames them in optional parameters. */
public final class Capabilities {
    private Capabilities() {}

    /**
     * Decodes one capability value. Unknown codes are kept raw; a known code whose value breaks its own layout is an
     * OPEN Message Error (RFC 4271 §6.2, subcode 0 as ExaBGP).
     */
    public static Capability decode(int code, WireReader value) throws Malformed {
        int length = value.remaining();
        return switch (code) {
            case 1 -> {
                expect(code, length, length == 4);
                int afi = value.u16();
                value.u8(); // RFC 4760 §8: reserved
                yield new Multiprotocol(Family.of(afi, value.u8()));
            }
            case 2 -> empty(code, length, new RouteRefresh());
            case 3 -> {
                // RFC 5291 §4: entries AFI(2) reserved(1) SAFI(1) count(1) then count (type, send/receive) pairs
                List<OutboundRouteFiltering.Entry> entries = new ArrayList<>();
                while (value.hasRemaining()) {
                    expect(code, length, value.remaining() >= 5);
                    int afi = value.u16();
                    value.u8();
                    int safi = value.u8();
                    int count = value.u8();
                    expect(code, length, value.remaining() >= 2 * count);
                    List<OutboundRouteFiltering.Orf> orfs = new ArrayList<>(count);
                    for (int i = 0; i < count; i++) orfs.add(new OutboundRouteFiltering.Orf(value.u8(), value.u8()));
                    entries.add(new OutboundRouteFiltering.Entry(Family.of(afi, safi), orfs));
                }
                yield new OutboundRouteFiltering(entries);
            }
            case 5 -> {
                expect(code, length, length % 6 == 0);
                List<ExtendedNextHop.Entry> entries = new ArrayList<>();
                while (value.hasRemaining()) {
                    int afi = value.u16();
                    int safi = value.u16();
                    int nh = value.u16();
                    if (safi > 0xFF) throw invalid(code, "SAFI " + safi);
                    entries.add(new ExtendedNextHop.Entry(Family.of(afi, safi), Afi.of(nh)));
                }
                yield new ExtendedNextHop(entries);
            }
            case 6 -> empty(code, length, new ExtendedMessage());
            case 9 -> {
                // RFC 9234 §4.1: exactly one byte
                expect(code, length, length == 1);
                yield new BgpRole(value.u8());
            }
            case 64 -> {
                expect(code, length, length >= 2 && (length - 2) % 4 == 0);
                int head = value.u16();
                List<GracefulRestart.Entry> entries = new ArrayList<>();
                while (value.hasRemaining()) {
                    Family f = Family.of(value.u16(), value.u8());
                    entries.add(new GracefulRestart.Entry(f, value.u8()));
                }
                yield new GracefulRestart(head >>> 12, head & 0xFFF, entries);
            }
            case 65 -> {
                expect(code, length, length == 4);
                yield new Asn4(value.u32());
            }
            case 67 -> {
                // draft-ietf-idr-dynamic-cap §3: a list of one-byte capability codes
                List<Integer> codes = new ArrayList<>(length);
                while (value.hasRemaining()) codes.add(value.u8());
                yield new DynamicCapability(codes);
            }
            case 71 -> {
                // RFC 9494 §3: 7 bytes per family
                expect(code, length, length % 7 == 0);
                List<LongLivedGracefulRestart.Entry> entries = new ArrayList<>();
                while (value.hasRemaining()) {
                    Family f = Family.of(value.u16(), value.u8());
                    int flags = value.u8();
                    int stale = value.u8() << 16 | value.u16();
                    entries.add(new LongLivedGracefulRestart.Entry(f, flags, stale));
                }
                yield new LongLivedGracefulRestart(entries);
            }
            case 77 -> empty(code, length, new LinkLocalNextHop());
            case 68, 131 -> new MultiSession(code == 131, value.rest());
            case 69 -> {
                expect(code, length, length % 4 == 0);
                List<AddPath.Entry> entries = new ArrayList<>();
                while (value.hasRemaining()) {
                    Family f = Family.of(value.u16(), value.u8());
                    entries.add(new AddPath.Entry(f, value.u8()));
                }
                yield new AddPath(entries);
            }
            case 70 -> empty(code, length, new EnhancedRouteRefresh());
            case 73 -> {
                String host = text(value.bytes(value.u8()));
                String domain = text(value.bytes(value.u8()));
                expect(code, length, !value.hasRemaining());
                yield new Hostname(host, domain);
            }
            case 75 -> {
                String version = text(value.bytes(value.u8()));
                expect(code, length, !value.hasRemaining());
                yield new SoftwareVersion(version);
            }
            case 128 -> empty(code, length, new CiscoRouteRefresh());
            case 185 -> empty(code, length, new Operational());
            default -> new UnknownCapability(code, value.rest());
        };
    }

    /**
     * Writes {@code "capabilities": { ... }} as ExaBGP: one entry per code in order of first appearance, repeated codes
     * merged (several multiprotocol families). Keys are names for an OPEN we send, decimal codes for one we received
     * (json.md §5.1).
     */
    public static void json(JsonSink out, List<Capability> capabilities, boolean codesAsKeys) {
        Map<Integer, List<Capability>> byCode = new LinkedHashMap<>();
        for (Capability c : capabilities) byCode.computeIfAbsent(c.code(), k -> new ArrayList<>()).add(c);
        out.beginObject("capabilities");
        for (Map.Entry<Integer, List<Capability>> e : byCode.entrySet()) {
            int code = e.getKey();
            out.beginObject(codesAsKeys ? Integer.toString(code) : CapabilityCode.of(code).name());
            List<Capability> group = e.getValue();
            // tests of the type, not a switch on it: such a switch is linked at run time by a bootstrap that generates a
            // class, milliseconds of a start (issue 9)
            Capability kind = group.getFirst();
            if (kind instanceof Multiprotocol) {
                out.field("name", "multiprotocol").beginArray("families");
                for (Capability c : group) out.value(((Multiprotocol) c).family().slashName());
                out.endArray();
            } else if (kind instanceof RouteRefresh) {
                out.field("name", "route-refresh").field("variant", "RFC");
            } else if (kind instanceof CiscoRouteRefresh) {
                out.field("name", "route-refresh").field("variant", "Cisco");
            } else if (kind instanceof EnhancedRouteRefresh) {
                out.field("name", "enhanced-route-refresh");
            } else if (kind instanceof Operational) {
                out.field("name", "operational");
            } else if (kind instanceof ExtendedMessage) {
                out.field("name", "extended-message").field("size", 65535);
            } else if (kind instanceof Asn4) {
                out.field("name", "asn4").field("asn4", ((Asn4) group.getLast()).asn());
            } else if (kind instanceof ExtendedNextHop) {
                out.field("name", "nexthop").beginArray("conversion");
                for (Capability c : group) {
                    for (ExtendedNextHop.Entry x : ((ExtendedNextHop) c).entries())
                        out.value(x.family().slashName() + "/" + x.nextHopAfi().name());
                }
                out.endArray();
            } else if (kind instanceof AddPath) {
                out.field("name", "addpath");
                for (Capability c : group) {
                    for (AddPath.Entry x : ((AddPath) c).families())
                        out.field(x.family().slashName(), x.modeName());
                }
            } else if (kind instanceof GracefulRestart) {
                gracefulRestart(out, (GracefulRestart) group.getLast());
            } else if (kind instanceof Hostname) {
                Hostname last = (Hostname) group.getLast();
                out.field("host-name", last.host()).field("domain-name", last.domain());
            } else if (kind instanceof SoftwareVersion) {
                out.field("software", ((SoftwareVersion) group.getLast()).version());
            } else if (kind instanceof MultiSession s) {
                out.field("name", "multisession").field("variant", s.cisco() ? "Cisco" : "RFC");
                out.beginArray("capabilities");
                // draft-ietf-idr-bgp-multisession: a flags byte, then the session identifiers
                boolean first = true;
                for (Capability c : group) {
                    Bytes v = ((MultiSession) c).value();
                    for (int i = first ? 1 : 0; i < v.length(); i++) out.value(Integer.toString(v.u8(i)));
                    first = false;
                }
                out.endArray();
            } else if (kind instanceof OutboundRouteFiltering) {
                out.field("name", "outbound-route-filtering").beginObject("families");
                for (Capability c : group) {
                    for (OutboundRouteFiltering.Entry x : ((OutboundRouteFiltering) c).entries()) {
                        out.beginObject(x.family().slashName());
                        for (OutboundRouteFiltering.Orf orf : x.orfs()) out.field(orf.typeName(), orf.modeName());
                        out.endObject();
                    }
                }
                out.endObject();
            } else if (kind instanceof BgpRole) {
                out.field("name", "role").field("role", ((BgpRole) group.getLast()).roleName());
            } else if (kind instanceof DynamicCapability) {
                out.field("name", "dynamic-capability").beginArray("capabilities");
                for (Capability c : group) for (int x : ((DynamicCapability) c).codes()) out.value(x);
                out.endArray();
            } else if (kind instanceof LongLivedGracefulRestart) {
                out.field("name", "long-lived-graceful-restart").beginObject("families");
                for (Capability c : group) {
                    for (LongLivedGracefulRestart.Entry x : ((LongLivedGracefulRestart) c).families()) {
                        out.beginObject(x.family().slashName()).field("stale-time", x.staleTimeSeconds());
                        out.beginArray("flags");
                        if ((x.flags() & LongLivedGracefulRestart.FORWARDING) != 0) out.value("forwarding");
                        out.endArray().endObject();
                    }
                }
                out.endObject();
            } else if (kind instanceof LinkLocalNextHop) {
                out.field("name", "link-local-nexthop");
            } else if (kind instanceof UnknownCapability) {
                UnknownCapability last = (UnknownCapability) group.getLast();
                out.field("name", "unknown")
                        .field("iana", "unknown")
                        .field("value", code)
                        .field("raw", last.value().hex());
            }
            out.endObject();
        }
        out.endObject();
    }

    // json.md §5.1: the labels are swapped relative to RFC 4724 (R bit printed "forwarding", F bit "restart"); kept.
    private static void gracefulRestart(JsonSink out, GracefulRestart g) {
        out.field("name", "graceful restart").field("time", g.restartTimeSeconds());
        out.beginObject("address-family-flags");
        for (GracefulRestart.Entry e : g.families()) {
            out.beginArray(e.family().slashName());
            if ((e.flags() & GracefulRestart.FORWARDING) != 0) out.value("restart");
            out.endArray();
        }
        out.endObject();
        out.beginArray("restart-flags");
        if ((g.restartFlags() & GracefulRestart.RESTARTING) != 0) out.value("forwarding");
        out.endArray();
    }

    static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /**
     * Text from the wire: UTF-8 when valid; otherwise each non-ASCII byte becomes '?', so the text re-encodes to the
     * same length and decoding what we encode gives the same text.
     */
    static String text(Bytes raw) {
        byte[] b = raw.toArray();
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b))
                    .toString();
        } catch (CharacterCodingException e) {
            StringBuilder sb = new StringBuilder(b.length);
            for (byte x : b) sb.append(x >= 0 ? (char) x : '?');
            return sb.toString();
        }
    }

    private static Capability empty(int code, int length, Capability c) throws Malformed {
        expect(code, length, length == 0);
        return c;
    }

    private static void expect(int code, int length, boolean ok) throws Malformed {
        if (!ok) throw invalid(code, "length " + length);
    }

    private static Malformed invalid(int code, String what) {
        return new Malformed(2, 0, "invalid " + CapabilityCode.of(code).name() + " capability (" + what + ")");
    }
}
