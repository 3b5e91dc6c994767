package org.jexabgp.reactor;

import org.jexabgp.core.config.ConfigError;
import org.jexabgp.core.config.ConfigurationSyntax;
import org.jexabgp.core.config.ProgramCheck;
import org.jexabgp.core.model.ApiProcess;
import org.jexabgp.core.model.Configuration;
import org.jexabgp.core.model.Neighbor;

/**
 * Neighbours added by programs ({@code create neighbor}, docs/neighbors.md): the section is read by the configuration
 * parser itself, so it accepts exactly what a {@code neighbor} section of the file accepts; the running processes are
 * declared before it so that its {@code api { processes [ … ]; }} may name them, and its {@code inherit} may name the
 * running configuration's templates.
 */
final class DynamicNeighbors {
    private DynamicNeighbors() {}

    /** The neighbour of one {@code neighbor <ip> { … }} section; throws with the parser's message if it is wrong. */
    static Neighbor parse(String section, Configuration running) throws ConfigError {
        StringBuilder text = new StringBuilder();
        for (ApiProcess p : running.processes()) {
            text.append("process ").append(p.name()).append(" { run /bin/true; encoder ")
                    .append(p.encoder() == ApiProcess.Encoder.JSON ? "json" : "text").append("; }\n");
        }
        text.append(section).append('\n');
        Configuration c = ConfigurationSyntax.parse(text.toString(), "create neighbor", ProgramCheck.ANY, running.templates());
        if (c.neighbors().size() != 1) throw new IllegalArgumentException("create neighbor: one neighbor section");
        return c.neighbors().getFirst();
    }
}
