package org.jexabgp.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jexabgp.wire.attribute.Attribute;
import org.jexabgp.wire.attribute.AttributeSpec;
import org.jexabgp.wire.attribute.Attributes;
import org.jexabgp.wire.attribute.GenericAttribute;
import org.jexabgp.wire.capability.Capabilities;
import org.jexabgp.wire.capability.Capability;
import org.jexabgp.wire.nlri.Nlri;

/**
 * One seeded round-trip property of a row of our code tables (family, attribute, capability, extended community):
 * generate a value with {@code r}, encode it, decode the bytes, and fail unless the same value (and the same bytes)
 * comes back. {@link RowGenerators} keys them by row id.
 */
@FunctionalInterface
public interface RoundTrip {
    void check(SplittableRandom r) throws Malformed;

    /** An NLRI of {@code family}: encoded (with a path id where the type carries one), decoded by its table row. */
    static RoundTrip nlri(Family family, Function<SplittableRandom, ? extends Nlri> generator) {
        return r -> {
            Nlri n = generator.apply(r);
            assertThat(n.family()).isEqualTo(family);
            FamilySpec spec = Families.ALL.get(family);
            boolean withPathId = spec.nlri().carriesPathId();
            WireWriter w = new WireWriter();
            n.encode(w, withPathId);
            Bytes bytes = w.toBytes();
            Negotiated session = Negotiated.standalone(65001, 65002, List.of(family));
            WireReader in = bytes.reader();
            long pathId = withPathId ? in.u32() : 0;
            Nlri back = spec.nlri().decode(in, family, pathId, session);
            assertThat(in.hasRemaining()).as("bytes left after %s in %s", back, bytes.hex()).isFalse();
            assertThat(back).as("decoded from %s", bytes.hex()).isEqualTo(n);
            WireWriter again = new WireWriter();
            back.encode(again, withPathId);
            assertThat(again.toBytes()).isEqualTo(bytes);
        };
    }

    /** An attribute: encoded with its header, decoded through its table row (or as a generic attribute). */
    static RoundTrip attribute(BiFunction<SplittableRandom, Negotiated, ? extends Attribute> generator) {
        return r -> {
            // four-byte ASNs: without them AS_PATH and AGGREGATOR travel in two TLVs (RFC 6793), see UpdateRoundTripTest
            Negotiated session = Negotiated.standalone(65001, 65002, Generators.FAMILIES);
            Attribute a = generator.apply(r, session);
            WireWriter w = new WireWriter();
            Attributes.encode(a, w, session);
            Bytes bytes = w.toBytes();
            Attribute back = decodeAttribute(bytes.reader(), session);
            assertThat(back).as("decoded from %s", bytes.hex()).isEqualTo(a);
        };
    }

    /** Reads one attribute TLV (RFC 4271 §4.3) and hands its body to the attribute table. */
    static Attribute decodeAttribute(WireReader in, Negotiated session) throws Malformed {
        int flags = in.u8();
        int code = in.u8();
        int length = (flags & 0x10) != 0 ? in.u16() : in.u8();
        Bytes value = in.bytes(length);
        AttributeSpec spec = Attributes.spec(code);
        return spec != null ? spec.codec().decode(value.reader(), flags, session) : new GenericAttribute(code, flags, value);
    }

    /** A capability: its value encoded, then decoded by code. */
    static RoundTrip capability(Function<SplittableRandom, ? extends Capability> generator) {
        return r -> {
            Capability c = generator.apply(r);
            WireWriter w = new WireWriter();
            c.encodeValue(w);
            Bytes bytes = w.toBytes();
            Capability back = Capabilities.decode(c.code(), bytes.reader());
            assertThat(back).as("decoded from %s", bytes.hex()).isEqualTo(c);
        };
    }
}
