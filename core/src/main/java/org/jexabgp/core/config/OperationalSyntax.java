package org.jexabgp.core.config;

import java.util.Locale;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.message.OperationalContent;
import org.jexabgp.wire.message.OperationalType;
import org.jspecify.annotations.Nullable;

/**
 * The {@code operational { }} section (config.md §10.5): {@code <type> afi <afi> safi <safi> <fields>;} with the
 * fields in a fixed order. ExaBGP counts tokens, so its optional {@code router-id <ipv4>} pair breaks the statement
 * (quirk); here the pair may come before the type's own fields and is otherwise the neighbour's router-id.
 */
final class OperationalSyntax {
    private OperationalSyntax() {}

    /** One statement, kept until the neighbour closes and its router-id is known. */
    record Entry(OperationalType type, Family family, String advisory, @Nullable IpAddress routerId, long sequence,
            long counter) {
        OperationalContent content(IpAddress neighborRouterId) {
            IpAddress rid = routerId != null ? routerId : neighborRouterId;
            return switch (type.shape()) {
                case ADVISORY -> new OperationalContent.Advisory(type, family, advisory);
                case QUERY -> new OperationalContent.Query(type, family, rid, sequence);
                case REPLY -> new OperationalContent.Reply(type, family, rid, sequence, counter);
            };
        }
    }

    static void section(Block block, NeighborDraft draft) throws ConfigError {
        block.section(s -> {
            if (s.opens())
                throw ConfigError.at(s.head(), "an operational message", "section is invalid in operational");
            draft.operational.add(new NeighborDraft.Item<>(statement(new Cursor(s)), s.head()));
        });
    }

    static Entry statement(Cursor c) throws ConfigError {
        Token kw = c.next("asm, adm, rpcq, rpcp, apcq, apcp, lpcq or lpcp");
        OperationalType type = OperationalType.parse(kw.text().toLowerCase(Locale.ROOT));
        if (type == null)
            throw ConfigError.at(
                    kw, "asm, adm, rpcq, rpcp, apcq, apcp, lpcq or lpcp", "invalid keyword \"" + kw.text() + "\"");
        keyword(c, "afi");
        Token afi = c.next("an afi");
        keyword(c, "safi");
        Token safi = c.next("a safi");
        Family family;
        try {
            family = Family.parse(afi.text().toLowerCase(Locale.ROOT), safi.text().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ConfigError.at(afi, "a family (ipv4 unicast, ...)", afi.text() + " " + safi.text(), null);
        }
        IpAddress routerId = null;
        if (c.peek() != null && c.peek().text().equals("router-id")) {
            c.next("");
            routerId = Values.ipv4(c.next("a router-id (IPv4 address)"));
        }
        String advisory = "";
        long sequence = 0, counter = 0;
        switch (type.shape()) {
            case ADVISORY -> {
                keyword(c, "advisory");
                Token text = c.next("an advisory text");
                advisory = text.text();
                if (advisory.getBytes(java.nio.charset.StandardCharsets.UTF_8).length
                        > OperationalContent.MAX_ADVISORY)
                    throw ConfigError.at(text, "an advisory of at most 2048 bytes", "advisory too long");
            }
            case QUERY -> {
                keyword(c, "sequence");
                sequence = Values.number(c.next("a sequence"), 0, 0xFFFF_FFFFL, "a sequence (0..4294967295)");
            }
            case REPLY -> {
                keyword(c, "sequence");
                sequence = Values.number(c.next("a sequence"), 0, 0xFFFF_FFFFL, "a sequence (0..4294967295)");
                keyword(c, "counter");
                // config.md §10.5 documents a u64 counter; the OPERATIONAL body carries 32 bits (wire.md §11)
                counter = Values.number(c.next("a counter"), 0, 0xFFFF_FFFFL, "a counter (0..4294967295)");
            }
        }
        c.requireEnd();
        return new Entry(type, family, advisory, routerId, sequence, counter);
    }

    private static void keyword(Cursor c, String word) throws ConfigError {
        Token t = c.next("'" + word + "'");
        if (!t.text().equals(word)) throw ConfigError.at(t, "'" + word + "'");
    }
}
