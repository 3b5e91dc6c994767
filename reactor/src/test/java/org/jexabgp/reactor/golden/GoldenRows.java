package org.jexabgp.reactor.golden;

import java.util.ArrayList;
import java.util.List;
import org.jexabgp.wire.Families;
import org.jexabgp.wire.FamilySpec;
import org.jexabgp.wire.attribute.AttributeSpec;
import org.jexabgp.wire.attribute.Attributes;
import org.jexabgp.wire.capability.CapabilityCode;

/**
 * Every row of our code tables, as {@code <kind>/<row>} ids: the families of {@link Families#ALL}, the attributes of
 * {@link Attributes#ALL} plus the generic one, the capability codes {@link CapabilityCode} names plus unknown ones,
 * and the extended-community registry.
 */
final class GoldenRows {
    private GoldenRows() {}

    static List<String> all() {
        List<String> rows = new ArrayList<>();
        for (FamilySpec s : Families.ALL.all()) rows.add("family/" + s.name().replace(' ', '-'));
        for (AttributeSpec s : Attributes.ALL) rows.add("attribute/" + s.name());
        rows.add("attribute/generic");
        for (int code = 0; code < 256; code++)
            if (!CapabilityCode.of(code).name().startsWith("unknown-")) rows.add("capability/" + code);
        rows.add("capability/unknown");
        for (var t : org.jexabgp.wire.attribute.ExtendedCommunityType.ALL) rows.add("extended-community/" + t.id());
        for (var t : org.jexabgp.wire.attribute.Ipv6ExtendedCommunities.ROWS) rows.add("extended-community/" + t.id());
        return rows;
    }
}
