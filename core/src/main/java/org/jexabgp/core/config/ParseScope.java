package org.jexabgp.core.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jexabgp.core.model.ApiProcess;

/** What one parse of a file remembers across sections: names that must be unique and references to check. */
final class ParseScope {
    record Reference(Token at, boolean regex, String owner) {}

    final String file;
    final ProgramCheck programs;
    final boolean envPassive;
    final Set<String> apiNames = new HashSet<>();
    final Map<String, NeighborDraft> templates = new LinkedHashMap<>();
    final Map<String, ApiProcess> processes = new LinkedHashMap<>();
    final List<Reference> references = new ArrayList<>();
    private int autoApi;

    ParseScope(String file, ProgramCheck programs, boolean envPassive) {
        this.file = file;
        this.programs = programs;
        this.envPassive = envPassive;
    }

    String autoApiName() {
        String name;
        do name = "api-" + ++autoApi;
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
