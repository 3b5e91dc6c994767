package org.jexabgp.wire.nlri.label;

import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.JsonSink;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.WireReader;
import org.jexabgp.wire.WireWriter;
import org.jexabgp.wire.nlri.Labels;
import org.jexabgp.wire.nlri.Nlri;
import org.jexabgp.wire.nlri.NlriCodec;
import org.jexabgp.wire.nlri.Prefix;

/**
 * A labeled prefix (SAFI 4, RFC 8277 §2): {@code length} in bits covering labels and prefix, the label stack, the
 * prefix bytes; a 4-byte path identifier first with add-path (RFC 7911 §3). Withdrawals carry the configured labels
 * (wire.md §5).
 */
public record LabeledNlri(Family family, Prefix prefix, Labels labels, long pathId) implements Nlri {
    public static final NlriCodec CODEC = LabeledNlri::decode;

    public LabeledNlri {
        if (!family.afi().equals(prefix.address().afi()))
            throw new IllegalArgumentException(prefix + " is not a prefix of " + family.name());
        if (pathId < 0 || pathId > 0xFFFFFFFFL) throw new IllegalArgumentException("path-id " + pathId);
        if (24 * labels.size() + prefix.length() > 255)
            throw new IllegalArgumentException("too many labels for one NLRI: " + labels.size());
    }

    public static LabeledNlri decode(WireReader in, Family family, long pathId, Negotiated session)
            throws Malformed {
        int bits = in.u8();
        Labels labels = Labels.decode(in, bits, 0);
        Prefix prefix = Prefix.decode(in, family.afi(), bits - 24 * labels.size());
        return new LabeledNlri(family, prefix, labels, pathId);
    }

    @Override
    public void encode(WireWriter out, boolean withPathId) {
        if (withPathId) out.u32(pathId);
        out.u8(24 * labels.size() + prefix.length());
        labels.encode(out);
        prefix.encodeBytes(out);
    }

    /** Path id, mask length, prefix: the labels take no part in the route's identity (config.md §11). */
    @Override
    public Bytes key() {
        WireWriter w = new WireWriter(4 + 1 + 16);
        w.u32(pathId).u8(prefix.length());
        prefix.encodeBytes(w);
        return w.toBytes();
    }

    @Override
    public void json(JsonSink out, boolean withPathId) {
        out.beginObject();
        out.field("nlri", prefix.toString());
        if (withPathId) out.field("path-information", IpAddress.v4(pathId).toString());
        labels.json(out);
        out.endObject();
    }

    @Override
    public String text() {
        return head() + " " + labels.text();
    }

    private String head() {
        return pathId == 0 ? prefix.toString() : prefix + " path-information " + IpAddress.v4(pathId);
    }
}
