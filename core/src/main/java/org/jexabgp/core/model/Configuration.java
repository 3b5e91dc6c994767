package org.jexabgp.core.model;

import java.util.List;

/** A parsed configuration file: its helper processes and neighbours, in file order. */
public record Configuration(List<ApiProcess> processes, List<Neighbor> neighbors) {
    public Configuration {
        processes = List.copyOf(processes);
        neighbors = List.copyOf(neighbors);
    }
}
