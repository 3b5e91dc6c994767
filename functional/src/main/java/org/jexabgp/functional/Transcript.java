package org.jexabgp.functional;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.jspecify.annotations.Nullable;

/**
 * peer.log: every message the fake peer received and sent, matches, actions and the verdict, with the time since the
 * test started. Optionally echoed live ({@code -v}).
 */
public final class Transcript implements AutoCloseable {
    private final long start = System.nanoTime();
    private final @Nullable PrintStream file;
    private final @Nullable PrintStream echo;
    private final String prefix;

    public Transcript(@Nullable Path file, @Nullable PrintStream echo, String prefix) throws IOException {
        this.file = file == null
                ? null
                : new PrintStream(
                        Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING),
                        true,
                        StandardCharsets.UTF_8);
        this.echo = echo;
        this.prefix = prefix;
    }

    public synchronized void line(String who, String what) {
        String l = String.format("%8.3f %-4s %s", (System.nanoTime() - start) / 1e9, who, what);
        if (file != null) file.println(l);
        if (echo != null) echo.println(prefix + l);
    }

    @Override
    public synchronized void close() {
        if (file != null) file.close();
    }
}
