package org.jexabgp.wire.nlri;

import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.JsonSink;
import org.jexabgp.wire.WireWriter;

/** One NLRI of some family. */
public interface Nlri {
    Family family();

    /** Add-path identifier: the configured path-information, or 0. Only put on the wire when negotiated. */
    long pathId();

    /** Writes the NLRI; with withPathId, the 4-byte path identifier first (RFC 7911). */
    void encode(WireWriter out, boolean withPathId);

    /**
     * Route identity within the family (config.md §11): what makes two routes the same one (path id, prefix, RD; not
     * labels). Its unsigned byte order is ExaBGP's packing order (wire.md §9.3).
     */
    Bytes key();

    /** Writes this NLRI as one element of ExaBGP's announce/withdraw JSON lists. */
    void json(JsonSink out, boolean withPathId);

    /** ExaBGP's text form, e.g. {@code 10.0.0.0/24}. */
    String text();
}
