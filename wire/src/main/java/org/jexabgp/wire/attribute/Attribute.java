package org.jexabgp.wire.attribute;

import org.jexabgp.wire.JsonSink;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.WireWriter;

/**
 * One path attribute value. The framework ({@code Attributes}) writes the flags/type/length header around
 * {@link #encodeValue}; an attribute only knows its own body.
 */
public interface Attribute {
    AttributeCode code();

    /** Flags we send (optional 0x80, transitive 0x40, partial 0x20); the extended-length bit is added when needed. */
    int flags();

    /** Writes the attribute body (no header). */
    void encodeValue(WireWriter out, Negotiated session);

    /** Writes {@code "key": value} as ExaBGP does inside the {@code "attribute"} object. */
    void json(JsonSink out);

    /** ExaBGP's text-encoder form, e.g. {@code origin igp}, {@code med 100}. */
    String text();
}
