package org.jexabgp.wire.nlri.flow;

import java.util.ArrayList;
import java.util.List;
import org.jexabgp.wire.WireWriter;

/**
 * A numeric (RFC 8955 §4.2.1.1) or bitmask (§4.2.1.2) component: its terms in order, the end bit on the last one. A
 * term without the {@code and} bit starts a new OR-ed group.
 */
public record FlowOperatorComponent(FlowComponentType type, List<FlowTerm> terms) implements FlowComponent {
    public FlowOperatorComponent {
        if (type.kind() == FlowComponentType.Kind.PREFIX) throw new IllegalArgumentException(type + " is a prefix");
        if (terms.isEmpty()) throw new IllegalArgumentException(type + " needs at least one term");
        terms = List.copyOf(terms);
    }

    @Override
    public void encode(WireWriter out) {
        out.u8(type.code());
        for (int i = 0; i < terms.size(); i++) {
            FlowTerm t = terms.get(i);
            int op = t.operator() | t.lengthCode() | (i == terms.size() - 1 ? FlowTerm.END : 0);
            out.u8(op);
            switch (t.valueBytes()) {
                case 1 -> out.u8((int) t.value());
                case 2 -> out.u16((int) t.value());
                case 4 -> out.u32(t.value());
                default -> out.u64(t.value());
            }
        }
    }

    @Override
    public List<String> texts() {
        List<String> out = new ArrayList<>();
        StringBuilder group = null;
        for (FlowTerm t : terms) {
            if (group != null && t.and()) {
                group.append('&').append(t.text(type));
                continue;
            }
            if (group != null) out.add(group.toString());
            // a first term carrying the and bit has nothing to join: ExaBGP shows it with its '&'
            group = new StringBuilder(t.and() ? "&" : "").append(t.text(type));
        }
        if (group != null) out.add(group.toString());
        return out;
    }
}
