package org.jexabgp.wire.nlri.flow;

import java.util.List;
import org.jexabgp.wire.WireWriter;

/** One component of a FlowSpec NLRI (RFC 8955 §4.2.2): a prefix or a list of operator terms. */
public sealed interface FlowComponent permits FlowPrefixComponent, FlowOperatorComponent {
    FlowComponentType type();

    /** Writes the type byte and the body. */
    void encode(WireWriter out);

    /**
     * The entries of the component's JSON list (json.md §5.6): one per OR-ed group, AND-ed terms joined with {@code &}.
     */
    List<String> texts();
}
