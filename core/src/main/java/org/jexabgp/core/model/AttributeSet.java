package org.jexabgp.core.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.jexabgp.wire.attribute.Attribute;
import org.jexabgp.wire.attribute.AttributeCode;
import org.jspecify.annotations.Nullable;

/**
 * The path attributes of a route, one per code, in ascending code order (the order they go on the wire). Immutable;
 * equal sets share UPDATEs. NEXT_HOP is not in here: the route's next hop is kept on the route.
 */
public final class AttributeSet {
    public static final AttributeSet EMPTY = new AttributeSet(List.of());

    private final List<Attribute> attributes;
    private final int hash;

    private AttributeSet(List<Attribute> sorted) {
        this.attributes = sorted;
        this.hash = sorted.hashCode();
    }

    /** Builds a set; a later attribute of the same code replaces an earlier one. */
    public static AttributeSet of(List<? extends Attribute> attributes) {
        // most routes have no attribute of their own: one shared empty set instead of a set and two lists per route
        if (attributes.isEmpty()) return EMPTY;
        List<Attribute> sorted = new ArrayList<>(attributes.size());
        for (Attribute a : attributes) {
            sorted.removeIf(x -> x.code().equals(a.code()));
            sorted.add(a);
        }
        sorted.sort(Comparator.comparing(Attribute::code));
        return new AttributeSet(Collections.unmodifiableList(sorted));
    }

    public List<Attribute> all() {
        return attributes;
    }

    public @Nullable Attribute get(AttributeCode code) {
        for (Attribute a : attributes) if (a.code().equals(code)) return a;
        return null;
    }

    public boolean has(AttributeCode code) {
        return get(code) != null;
    }

    public AttributeSet with(Attribute attribute) {
        List<Attribute> copy = new ArrayList<>(attributes);
        copy.add(attribute);
        return of(copy);
    }

    public AttributeSet without(AttributeCode code) {
        List<Attribute> copy = new ArrayList<>(attributes);
        copy.removeIf(a -> a.code().equals(code));
        return new AttributeSet(Collections.unmodifiableList(copy));
    }

    public boolean isEmpty() {
        return attributes.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AttributeSet s && hash == s.hash && attributes.equals(s.attributes);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return attributes.toString();
    }
}
