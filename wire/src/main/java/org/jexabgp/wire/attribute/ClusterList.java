package org.jexabgp.wire.attribute;

import java.util.ArrayList;
import java.util.List;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.JsonSink;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.WireWriter;

/** CLUSTER_LIST, RFC 4456 §8, in configuration/received order. */
public record ClusterList(List<IpAddress> clusters) implements Attribute {
    static final AttributeCodec CODEC = (body, flags, session) -> {
        // RFC 7606 §7.10: a length that is not a multiple of 4 is malformed
        if (body.remaining() % 4 != 0) throw Malformed.attributeLength(10, body.remaining());
        List<IpAddress> out = new ArrayList<>(body.remaining() / 4);
        while (body.hasRemaining()) out.add(IpAddress.of(body.bytes(4).toArray()));
        return new ClusterList(out);
    };

    public ClusterList {
        clusters = List.copyOf(clusters);
        for (IpAddress a : clusters) if (!a.isV4()) throw new IllegalArgumentException("cluster id must be IPv4: " + a);
    }

    @Override
    public AttributeCode code() {
        return AttributeCode.CLUSTER_LIST;
    }

    @Override
    public int flags() {
        return 0x80;
    }

    @Override
    public void encodeValue(WireWriter out, Negotiated session) {
        for (IpAddress a : clusters) out.bytes(a.bytes());
    }

    @Override
    public void json(JsonSink out) {
        out.beginArray("cluster-list");
        for (IpAddress a : clusters) out.value(a.toString());
        out.endArray();
    }

    @Override
    public String text() {
        return "cluster-list " + Attributes.listText(clusters.stream().map(IpAddress::toString).toList(), true);
    }
}
