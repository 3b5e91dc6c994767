package org.jexabgp.daemon;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jexabgp.core.config.ProgramCheck;
import org.jspecify.annotations.Nullable;

/**
 * Resolves a {@code process}'s program on the real file system (api.md §1.1): absolute as is; relative in
 * {@code /etc/exabgp}, the configuration's directory, then {@code $PATH}. It must be a regular executable file and
 * not setuid/setgid.
 */
final class FileProgramCheck implements ProgramCheck {
    @Override
    public @Nullable String resolve(String program, String configDirectory) {
        List<Path> candidates = new ArrayList<>();
        if (program.startsWith("/")) candidates.add(Path.of(program));
        else {
            candidates.add(Path.of("/etc/exabgp", program));
            candidates.add(Path.of(configDirectory, program));
            String path = System.getenv("PATH");
            if (path != null && !program.contains("/"))
                for (String dir : path.split(File.pathSeparator)) if (!dir.isEmpty()) candidates.add(Path.of(dir, program));
        }
        for (Path p : candidates) {
            Path normal = p.toAbsolutePath().normalize();
            if (Files.isRegularFile(normal) && Files.isExecutable(normal) && !setid(normal)) return normal.toString();
        }
        return null;
    }

    private static boolean setid(Path p) {
        try {
            Object mode = Files.getAttribute(p, "unix:mode");
            return mode instanceof Integer m && (m & 06000) != 0;
        } catch (java.io.IOException | UnsupportedOperationException e) {
            return false; // no unix attributes on this file system: nothing can be setuid there
        }
    }
}
