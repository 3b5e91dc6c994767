package org.jexabgp.wire.nlri.flow;

import java.util.List;
import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.WireWriter;
import org.jexabgp.wire.nlri.Prefix;

/**
 * A destination (1) or source (2) prefix. IPv4 (RFC 8955 §4.2.2.1): {@code type len prefix-bytes}. IPv6 (RFC 8956
 * §3.1): {@code type len offset prefix-bytes}, where ExaBGP writes ceil(len/8) bytes from the start of the address,
 * not reduced by the offset (wire.md §5.1 quirk; {@code qa/encoding/conf-flow.msg} depends on it), and reads them the
 * same way.
 *
 * @param offset the IPv6 bit offset; always 0 for IPv4
 */
public record FlowPrefixComponent(FlowComponentType type, Prefix prefix, int offset) implements FlowComponent {
    public FlowPrefixComponent {
        if (type.kind() != FlowComponentType.Kind.PREFIX) throw new IllegalArgumentException(type + " is no prefix");
        if (offset < 0 || offset > prefix.length() || (prefix.address().isV4() && offset != 0))
            throw new IllegalArgumentException("flow prefix offset " + offset + " for " + prefix);
    }

    public boolean ipv6() {
        return !prefix.address().isV4();
    }

    @Override
    public void encode(WireWriter out) {
        out.u8(type.code()).u8(prefix.length());
        if (ipv6()) out.u8(offset);
        Bytes a = prefix.address().bytes();
        for (int i = 0; i < prefix.byteCount(); i++) out.u8(a.u8(i));
    }

    /** {@code 10.0.0.0/24}, IPv6 {@code 2001:db8::/32/0} (json.md §5.6). */
    @Override
    public List<String> texts() {
        return List.of(ipv6() ? prefix + "/" + offset : prefix.toString());
    }
}
