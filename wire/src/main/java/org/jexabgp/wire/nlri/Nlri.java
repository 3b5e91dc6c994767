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

    /**
     * The same inside an announcement, whose next hop some NLRI types repeat in their object (BGP-LS node and prefix
     * NLRIs print {@code "nexthop"}); null in withdrawals.
     */
    default void json(JsonSink out, boolean withPathId, @org.jspecify.annotations.Nullable String nextHop) {
        json(out, withPathId);
    }

    /** ExaBGP's text form, e.g. {@code 10.0.0.0/24}. */
    String text();

    /**
     * The text of an announcement with its next hop: after the NLRI for most types, but ExaBGP puts it between the
     * label and the RD of a VPN route ({@code 10.0.0.0/24 label 300 next-hop 1.2.3.4 rd 65000:1}, json.md §8).
     */
    default String text(String nextHop) {
        return text() + " next-hop " + nextHop;
    }
}
