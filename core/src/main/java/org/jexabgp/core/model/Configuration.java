package org.jexabgp.core.model;

import java.util.List;
import org.jexabgp.core.config.Templates;

/**
 * A parsed configuration file: its helper processes and neighbours, in file order, and its neighbour templates (kept
 * for neighbours created at run time, docs/neighbors.md).
 */
public record Configuration(List<ApiProcess> processes, List<Neighbor> neighbors, Templates templates) {
    public Configuration {
        processes = List.copyOf(processes);
        neighbors = List.copyOf(neighbors);
    }

    public Configuration(List<ApiProcess> processes, List<Neighbor> neighbors) {
        this(processes, neighbors, Templates.none());
    }
}
