package org.jexabgp.core.rib;

/**
 * Neighbour settings that shape UPDATE packing.
 *
 * @param groupUpdates {@code group-updates} (default true): routes of a groupable family sharing attributes and next
 *     hop go into one UPDATE (wire.md §9.2); false gives one UPDATE per route
 */
public record PackingOptions(boolean groupUpdates) {
    public static final PackingOptions DEFAULT = new PackingOptions(true);
}
