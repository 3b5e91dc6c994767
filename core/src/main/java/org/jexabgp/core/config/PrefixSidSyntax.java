package org.jexabgp.core.config;

import java.util.ArrayList;
import java.util.List;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.attribute.Attribute;
import org.jexabgp.wire.attribute.PrefixSid;
import org.jspecify.annotations.Nullable;

/**
 * {@code bgp-prefix-sid} and {@code bgp-prefix-sid-srv6} (config.md §12): the BGP Prefix-SID attribute, RFC 8669
 * (label index, originator SRGB) and RFC 9252 (SRv6 L3/L2 service).
 */
final class PrefixSidSyntax {
    private PrefixSidSyntax() {}

    /** {@code [ <label-index> ]} or {@code [ <label-index>, [ ( <base>,<range> ), … ] ]}. */
    static PrefixSid labelIndex(Cursor c) throws ConfigError {
        c.expect("[");
        long index = Values.number(c.next("a label index"), 0, 0xFFFF_FFFFL, "a label index (u32)");
        List<PrefixSid.Tlv> tlvs = new ArrayList<>();
        tlvs.add(new PrefixSid.LabelIndex(index));
        Token t = c.next("',' or ']'");
        if (t.is(",")) {
            c.expect("[");
            List<PrefixSid.SrgbRange> ranges = new ArrayList<>();
            while (true) {
                Token r = c.next("( <base>,<range> ) or ']'");
                if (r.is("]")) break;
                if (r.is(",")) continue;
                ranges.add(range(c, r));
            }
            tlvs.add(new PrefixSid.OriginatorSrgb(0, ranges));
            t = c.next("']'");
        }
        if (!t.is("]")) throw ConfigError.at(t, "']'");
        return new PrefixSid(tlvs);
    }

    /** {@code ( base,range )}: the tokenizer splits at the comma; parentheses may be glued to the numbers. */
    private static PrefixSid.SrgbRange range(Cursor c, Token first) throws ConfigError {
        List<String> words = new ArrayList<>();
        Token t = first;
        StringBuilder text = new StringBuilder();
        while (true) {
            text.append(t.text());
            if (t.text().endsWith(")")) break;
            t = c.next("')'");
        }
        String s = text.toString();
        if (!s.startsWith("(") || !s.endsWith(")")) throw ConfigError.at(first, "( <base>,<range> )");
        for (String w : s.substring(1, s.length() - 1).split(",", -1)) words.add(w.strip());
        if (words.size() != 2) throw ConfigError.at(first, "( <base>,<range> )");
        long base = Values.number(token(first, words.get(0)), 0, 0xFFFFFF, "an SRGB base (24 bits)");
        long range = Values.number(token(first, words.get(1)), 0, 0xFFFFFF, "an SRGB range (24 bits)");
        return new PrefixSid.SrgbRange((int) base, (int) range);
    }

    /**
     * {@code ( l3-service|l2-service <ipv6-sid> [<behavior> [ [LBL,LNL,FL,AL,TL,TO] ]] )}; behavior decimal or 0x,
     * 0xFFFF when absent (config.md §12).
     */
    static PrefixSid srv6(Cursor c) throws ConfigError {
        Token open = c.next("'('");
        if (!open.text().equals("(")) throw ConfigError.at(open, "'('");
        Token kind = c.next("l3-service or l2-service");
        int type = switch (kind.text()) {
            case "l3-service" -> PrefixSid.SRV6_L3_SERVICE;
            case "l2-service" -> PrefixSid.SRV6_L2_SERVICE;
            default -> throw ConfigError.at(kind, "l3-service or l2-service");
        };
        Token sidToken = c.next("an IPv6 SID");
        IpAddress sid = Values.ip(sidToken);
        if (sid.isV4()) throw ConfigError.at(sidToken, "an IPv6 SID");
        int behavior = PrefixSid.OPAQUE_BEHAVIOR;
        PrefixSid.SidStructure structure = null;
        Token t = c.next("')'");
        if (!t.text().equals(")") && !t.is("[")) {
            behavior = (int) Values.numberOrHex(t, 0xFFFF, "an endpoint behavior (u16)");
            t = c.next("')'");
        }
        if (t.is("[")) {
            int[] v = new int[6];
            int n = 0;
            while (true) {
                Token x = c.next("a SID structure length or ']'");
                if (x.is("]")) break;
                if (x.is(",")) continue;
                if (n == 6) throw ConfigError.at(x, "']' after six values");
                v[n++] = (int) Values.number(x, 0, 255, "a SID structure length (u8)");
            }
            if (n != 6) throw ConfigError.at(c.last(), "six SID structure values [LBL,LNL,FL,AL,TL,TO]");
            structure = new PrefixSid.SidStructure(v[0], v[1], v[2], v[3], v[4], v[5]);
            t = c.next("')'");
        }
        if (!t.text().equals(")")) throw ConfigError.at(t, "')'");
        return PrefixSid.of(PrefixSid.Srv6Service.of(type, sid, behavior, structure));
    }

    /** Both keywords make one attribute: TLVs of a second one are appended (label index and SRGB first). */
    static void add(List<Attribute> attributes, PrefixSid sid) {
        for (int i = 0; i < attributes.size(); i++) {
            if (attributes.get(i) instanceof PrefixSid existing) {
                List<PrefixSid.Tlv> tlvs = new ArrayList<>(existing.tlvs());
                tlvs.addAll(sid.tlvs());
                attributes.set(i, new PrefixSid(tlvs));
                return;
            }
        }
        attributes.add(sid);
    }

    private static Token token(Token at, @Nullable String text) {
        return new Token(text == null ? "" : text, at.file(), at.line(), at.column(), at.quoted());
    }
}
