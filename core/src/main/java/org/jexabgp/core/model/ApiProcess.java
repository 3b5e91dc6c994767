package org.jexabgp.core.model;

import java.util.List;

/**
 * A helper program declared by a {@code process} section (api.md §1.1).
 *
 * @param name the section name, unique in the configuration
 * @param run the program (resolved: api.md §1.1) followed by its arguments
 * @param encoder how events are written to it
 * @param respawn restart it when it dies (default true)
 */
public record ApiProcess(String name, List<String> run, Encoder encoder, boolean respawn) {
    public enum Encoder {
        TEXT,
        JSON;

        /** ExaBGP's spelling: {@code text} or {@code json}. */
        public String keyword() {
            return this == TEXT ? "text" : "json";
        }
    }

    public ApiProcess {
        if (name.isEmpty()) throw new IllegalArgumentException("empty process name");
        if (run.isEmpty()) throw new IllegalArgumentException("process " + name + " has nothing to run");
        run = List.copyOf(run);
    }
}
