package org.jexabgp.core.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jexabgp.core.model.ApiProcess;
import org.jspecify.annotations.Nullable;

/** What one parse of a file remembers across sections: names that must be unique and references to check. */
final class ParseScope {
    record Reference(Token at, boolean regex, String owner) {}

    final String file;
    final ProgramCheck programs;
    final boolean envPassive;
    /** Templates of an earlier parse (the running configuration's, for a created neighbour), after this one's own. */
    final Templates inherited;
    final Set<String> apiNames = new HashSet<>();
    final Map<String, NeighborDraft> templates = new LinkedHashMap<>();
    final Map<String, ApiProcess> processes = new LinkedHashMap<>();
    final List<Reference> references = new ArrayList<>();
    private int autoApi;

    ParseScope(String file, ProgramCheck programs, boolean envPassive, Templates inherited) {
        this.file = file;
        this.programs = programs;
        this.envPassive = envPassive;
        this.inherited = inherited;
    }

    /** The template an {@code inherit} names: this parse's own first, then the inherited ones; null if none. */
    @Nullable NeighborDraft template(String name) {
        NeighborDraft own = templates.get(name);
        return own != null ? own : inherited.get(name);
    }

    String autoApiName() {
        String name;
        do name = "api-".concat(Integer.toString(++autoApi)); // not a + concatenation: slow while interpreted
        while (!apiNames.add(name));
        return name;
    }

    void referenced(Token process, boolean regex, String owner) {
        references.add(new Reference(process, regex, owner));
    }

    /** The directory of the configuration file, against which relative programs are resolved (api.md §1.1). */
    String directory() {
        int slash = file.lastIndexOf('/');
        return slash < 0 ? "." : slash == 0 ? "/" : file.substring(0, slash);
    }
}
