package org.jexabgp.reactor.json;

/** How a message copy is written (json.md §5–§7): decoded, raw hex, or both in one object. */
public enum MessageForm {
    PARSED,
    PACKETS,
    CONSOLIDATE
}
