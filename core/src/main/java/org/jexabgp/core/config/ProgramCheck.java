package org.jexabgp.core.config;

import org.jspecify.annotations.Nullable;

/**
 * The one file-system question the parser asks (api.md §1.1): where is a {@code process}'s program, and may it be run.
 * The daemon answers with the real file system; tests with a fake. This keeps {@code core} free of I/O.
 */
@FunctionalInterface
public interface ProgramCheck {
    /**
     * Resolves a {@code run} program: an absolute name as is, a relative one searched in {@code /etc/exabgp}, the
     * configuration file's directory and {@code $PATH}.
     *
     * @param program the first word of {@code run}
     * @param configDirectory the directory of the configuration file ({@code .} when it has none)
     * @return the path to execute, or null when no regular, executable, non-setuid file was found
     */
    @Nullable String resolve(String program, String configDirectory);

    /** Accepts everything: relative names are taken relative to the configuration directory. For tests and tools. */
    ProgramCheck ANY = (program, dir) -> program.startsWith("/") ? program : dir + "/" + program;
}
