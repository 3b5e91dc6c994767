package org.jexabgp.wire;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jexabgp.wire.nlri.NextHopRule;
import org.jexabgp.wire.nlri.RawNlri;

/** An immutable registry of family rows, looked up by {@link Family}. */
public final class FamilyTable {
    private final Map<Family, FamilySpec> rows;

    private FamilyTable(Map<Family, FamilySpec> rows) {
        this.rows = rows;
    }

    public static FamilyTable of(FamilySpec... specs) {
        Map<Family, FamilySpec> m = new LinkedHashMap<>();
        for (FamilySpec s : specs) {
            if (m.put(s.family(), s) != null) throw new IllegalArgumentException("duplicate family " + s.family());
        }
        return new FamilyTable(java.util.Collections.unmodifiableMap(m));
    }

    /** The row, or null for a family we do not know. */
    public @org.jspecify.annotations.Nullable FamilySpec find(Family family) {
        return rows.get(family);
    }

    /** The row, or a raw one for an unknown family: its NLRIs are kept as bytes (ARCHITECTURE §1.4). */
    public FamilySpec get(Family family) {
        FamilySpec s = rows.get(family);
        return s != null ? s : new FamilySpec(family, RawNlri.CODEC, NextHopRule.PLAIN, false);
    }

    public boolean contains(Family family) {
        return rows.containsKey(family);
    }

    public List<FamilySpec> all() {
        return List.copyOf(rows.values());
    }
}
