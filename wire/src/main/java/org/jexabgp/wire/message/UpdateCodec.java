package org.jexabgp.wire.message;

import java.util.ArrayList;
import java.util.List;
import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.Truncated;
import org.jexabgp.wire.Verdict;
import org.jexabgp.wire.WireReader;
import org.jexabgp.wire.WireWriter;
import org.jexabgp.wire.attribute.Aggregator;
import org.jexabgp.wire.attribute.As4Aggregator;
import org.jexabgp.wire.attribute.As4Path;
import org.jexabgp.wire.attribute.AsPath;
import org.jexabgp.wire.attribute.Attribute;
import org.jexabgp.wire.attribute.AttributeCode;
import org.jexabgp.wire.attribute.AttributeSpec;
import org.jexabgp.wire.attribute.Attributes;
import org.jexabgp.wire.attribute.GenericAttribute;
import org.jexabgp.wire.attribute.MpReach;
import org.jexabgp.wire.attribute.MpUnreach;
import org.jexabgp.wire.nlri.Nlri;
import org.jexabgp.wire.nlri.inet.InetPrefixes;

/**
 * The UPDATE body (after the 19-byte header), RFC 4271 §4.3, with the revised error handling of RFC 7606: decoding
 * goes on past a bad attribute and reports the strongest {@link Verdict}; errors that leave the NLRI unlocatable end
 * the session (thrown as {@link Malformed}).
 */
public final class UpdateCodec {
    private UpdateCodec() {}

    /**
     * Decodes an UPDATE body.
     *
     * @throws Malformed when the session must be reset (RFC 7606 §3a/b, §3g, §5.3, §7.11; unknown well-known attribute,
     *     RFC 4271 §6.3; an MP family that was not negotiated, 3/0 as ExaBGP, wire.md §3.3)
     */
    public static DecodedUpdate decode(WireReader body, Negotiated session) throws Malformed {
        try {
            return decodeBody(body, session);
        } catch (Truncated e) {
            // a read past a length field we already checked cannot happen; one past the body is a bad length (3/1)
            throw Malformed.attributeList("UPDATE too short: " + e.getMessage());
        }
    }

    private static DecodedUpdate decodeBody(WireReader body, Negotiated session) throws Malformed {
        List<String> problems = new ArrayList<>();
        // RFC 7606 §3a/§3b: the withdrawn and total attribute lengths must fit, else nothing can be located
        if (body.remaining() < 2) throw Malformed.attributeList("UPDATE shorter than the withdrawn routes length");
        int withdrawnLength = body.u16();
        if (withdrawnLength > body.remaining() - 2)
            throw Malformed.attributeList("withdrawn routes length " + withdrawnLength + " overruns the UPDATE");
        List<Nlri> withdrawn = readPrefixes(body.take(withdrawnLength), session);
        int attributesLength = body.u16();
        if (attributesLength > body.remaining())
            throw Malformed.attributeList("path attribute length " + attributesLength + " overruns the UPDATE");
        WireReader attributeBlock = body.take(attributesLength);
        List<Nlri> announced = readPrefixes(body, session);

        Verdict verdict = Verdict.ACCEPT;
        List<Attribute> attributes = new ArrayList<>();
        boolean[] seen = new boolean[256];
        boolean mpSeen = false;
        while (attributeBlock.hasRemaining()) {
            // RFC 7606 §4: fewer than 3 bytes left, or a length that overruns the block: treat-as-withdraw
            if (attributeBlock.remaining() < 3) {
                verdict = overrun(verdict, problems, "trailing " + attributeBlock.remaining() + " byte(s)");
                break;
            }
            int flags = attributeBlock.u8();
            int code = attributeBlock.u8();
            boolean extended = (flags & 0x10) != 0;
            if (extended && attributeBlock.remaining() < 2) {
                verdict = overrun(verdict, problems, "attribute " + code + " header truncated");
                break;
            }
            int length = extended ? attributeBlock.u16() : attributeBlock.u8();
            if (length > attributeBlock.remaining()) {
                verdict = overrun(verdict, problems, "attribute " + code + " length " + length + " overruns");
                break;
            }
            WireReader value = attributeBlock.take(length);
            boolean mp = code == AttributeCode.MP_REACH_NLRI.value() || code == AttributeCode.MP_UNREACH_NLRI.value();
            if (seen[code]) {
                // RFC 7606 §3g: keep the first, discard the rest; but MP_REACH/MP_UNREACH twice resets
                if (mp) throw Malformed.attributeList("attribute " + code + " appears twice");
                problems.add("duplicate attribute " + code + " ignored");
                continue;
            }
            seen[code] = true;
            mpSeen |= mp;
            // wire.md §12 (ExaBGP): a zero-length attribute other than AS_PATH and ATOMIC_AGGREGATE is treat-as-withdraw
            if (length == 0
                    && code != AttributeCode.AS_PATH.value()
                    && code != AttributeCode.ATOMIC_AGGREGATE.value()) {
                verdict = verdict.strongest(Verdict.TREAT_AS_WITHDRAW);
                problems.add("attribute " + code + " has a length of zero");
                continue;
            }
            AttributeSpec spec = Attributes.spec(code);
            if (spec == null) {
                // RFC 4271 §6.3: an unrecognised well-known attribute is an error (3/2)
                if ((flags & 0x80) == 0)
                    throw new Malformed(3, 2, Bytes.of((byte) flags, (byte) code), "unrecognized well-known " + code);
                // RFC 4271 §5 / §9: unknown optional transitive is passed on with the partial bit set;
                // unknown optional non-transitive is quietly ignored
                if ((flags & 0x40) != 0)
                    attributes.add(new GenericAttribute(code, (flags | 0x20) & ~0x10 & 0xFF, value.rest()));
                continue;
            }
            // RFC 7606 §3c: optional/transitive bits in conflict make the attribute malformed (partial is ignored)
            if ((flags & 0xC0) != (spec.flags() & 0xC0)) {
                verdict = malformed(verdict, problems, spec, new Malformed(3, 4, "attribute flags error"), flags);
                continue;
            }
            try {
                attributes.add(spec.codec().decode(value, flags, session));
            } catch (Truncated e) {
                verdict = malformed(verdict, problems, spec, Malformed.attributeLength(code, length), flags);
            } catch (Malformed e) {
                verdict = malformed(verdict, problems, spec, e, flags);
            }
        }
        // RFC 7606 §5.2: treat-as-withdraw needs every NLRI located; an MP attribute lost after an overrun cannot be
        if (verdict == Verdict.TREAT_AS_WITHDRAW && problems.stream().anyMatch(p -> p.startsWith("overrun"))
                && !mpSeen && announced.isEmpty() && withdrawn.isEmpty())
            throw Malformed.attributeList(problems.getLast());

        attributes = mergeAs4(attributes, session, problems);
        verdict = verdict.strongest(checkMandatory(attributes, seen, announced, problems));
        return new DecodedUpdate(new Update(withdrawn, attributes, announced), verdict, problems);
    }

    private static Verdict overrun(Verdict verdict, List<String> problems, String what) {
        problems.add("overrun: " + what);
        return verdict.strongest(Verdict.TREAT_AS_WITHDRAW);
    }

    private static Verdict malformed(Verdict verdict, List<String> problems, AttributeSpec spec, Malformed e, int flags)
            throws Malformed {
        if (spec.onError() == Verdict.RESET_SESSION) {
            // keep a specific NOTIFICATION (3/0 non-negotiated family, 3/9 ...); a generic read error is 3/1
            if (e.code() == 3) throw e;
            throw Malformed.attributeList(spec.name() + ": " + e.getMessage());
        }
        problems.add(spec.name() + ": " + e.getMessage() + " (flags 0x" + Integer.toHexString(flags) + ")");
        return verdict.strongest(spec.onError());
    }

    /** RFC 7606 §3d: ORIGIN and AS_PATH with any NLRI, NEXT_HOP with classic NLRI (RFC 4760 §3), else withdraw. */
    private static Verdict checkMandatory(
            List<Attribute> attributes, boolean[] seen, List<Nlri> announced, List<String> problems) {
        boolean mpAnnounce = attributes.stream().anyMatch(a -> a instanceof MpReach r && !r.nlris().isEmpty());
        if (announced.isEmpty() && !mpAnnounce) return Verdict.ACCEPT;
        Verdict v = Verdict.ACCEPT;
        for (AttributeCode c : List.of(AttributeCode.ORIGIN, AttributeCode.AS_PATH, AttributeCode.NEXT_HOP)) {
            if (c.equals(AttributeCode.NEXT_HOP) && announced.isEmpty()) continue;
            if (!seen[c.value()]) {
                problems.add("missing mandatory attribute " + Attributes.spec(c.value()).name());
                v = Verdict.TREAT_AS_WITHDRAW;
            }
        }
        return v;
    }

    /**
     * RFC 6793 §4.2.3: from a 2-byte speaker, AS4_PATH and AS4_AGGREGATOR are folded into AS_PATH and AGGREGATOR
     * (ExaBGP crashes here, wire.md §12). An AGGREGATOR without AS_TRANS means an old speaker aggregated: both AS4
     * attributes are ignored. From a 4-byte speaker they should not appear and are dropped (RFC 6793 §4.1).
     */
    private static List<Attribute> mergeAs4(List<Attribute> attributes, Negotiated session, List<String> problems) {
        As4Path as4Path = null;
        As4Aggregator as4Aggregator = null;
        AsPath asPath = null;
        Aggregator aggregator = null;
        // tests of the type, not a switch on it: such a switch is linked at run time, milliseconds of a start (issue 9)
        for (Attribute a : attributes) {
            if (a instanceof As4Path p) as4Path = p;
            else if (a instanceof As4Aggregator g) as4Aggregator = g;
            else if (a instanceof AsPath p) asPath = p;
            else if (a instanceof Aggregator g) aggregator = g;
        }
        if (as4Path == null && as4Aggregator == null) return attributes;
        if (session.asn4()) problems.add("AS4_PATH/AS4_AGGREGATOR from a 4-byte ASN speaker ignored");
        boolean ignore = session.asn4() || (aggregator != null && aggregator.asn() != AsPath.AS_TRANS);
        List<Attribute> out = new ArrayList<>(attributes.size());
        for (Attribute a : attributes) {
            if (a instanceof As4Path || a instanceof As4Aggregator) continue;
            if (!ignore && a == asPath && as4Path != null) out.add(AsPath.merge(asPath, as4Path));
            // an AS4_AGGREGATOR with a 2-byte ASN has no reason to exist (RFC 6793 §4.2.2 sends it only for 4-byte
            // ones); keeping AS_TRANS keeps the decoded value re-encodable
            else if (!ignore && a == aggregator && as4Aggregator != null && as4Aggregator.asn() > 0xFFFF)
                out.add(new Aggregator(as4Aggregator.asn(), as4Aggregator.address()));
            else out.add(a);
        }
        return out;
    }

    /**
     * Classic withdrawn routes or NLRI: always IPv4 unicast (wire.md §12); errors reset (RFC 7606 §5.3). Kept as their
     * bytes ({@link InetPrefixes}): no object per prefix unless a caller reads them as records.
     */
    private static List<Nlri> readPrefixes(WireReader in, Negotiated session) throws Malformed {
        if (!in.hasRemaining()) return List.of();
        return InetPrefixes.decode(in, Family.IPV4_UNICAST, session.receivesPathId(Family.IPV4_UNICAST));
    }

    /** Writes an UPDATE body: withdrawn routes, attributes in the given order, NLRI. */
    public static void encode(Update update, WireWriter out, Negotiated session) {
        boolean pathIds = session.sendsPathId(Family.IPV4_UNICAST);
        int at = out.length();
        out.u16(0);
        for (Nlri n : update.withdrawn()) n.encode(out, pathIds);
        out.setU16(at, out.length() - at - 2);
        at = out.length();
        out.u16(0);
        Attributes.encodeAll(update.attributes(), out, session);
        out.setU16(at, out.length() - at - 2);
        for (Nlri n : update.announced()) n.encode(out, pathIds);
    }

    public static Bytes encode(Update update, Negotiated session) {
        WireWriter out = new WireWriter();
        encode(update, out, session);
        return out.toBytes();
    }

    /**
     * The End-of-RIB body (wire.md §9.5, RFC 4724 §2): four zero bytes for IPv4 unicast, else an empty MP_UNREACH
     * {@code 0000 0007 90 0F 0003 AFI SAFI}.
     */
    public static Bytes encodeEndOfRib(Family family) {
        WireWriter out = new WireWriter(16);
        out.u16(0);
        if (family.equals(Family.IPV4_UNICAST)) return out.u16(0).toBytes();
        out.u16(7).u8(0x90).u8(AttributeCode.MP_UNREACH_NLRI.value()).u16(3);
        out.u16(family.afi().value()).u8(family.safi().value());
        return out.toBytes();
    }
}
