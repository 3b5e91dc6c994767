package org.jexabgp.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jexabgp.core.config.Settings;
import org.jspecify.annotations.Nullable;

/** Reads the settings as ExaBGP does: process environment first, then {@code ROOT/etc/exabgp/exabgp.env}. */
final class Environment {
    private Environment() {}

    static Path root() {
        String root = System.getenv("EXABGP_ROOT");
        return Path.of(root != null && !root.isEmpty() ? root : System.getProperty("user.dir"));
    }

    static @Nullable String iniText() {
        Path file = root().resolve("etc/exabgp/exabgp.env");
        try {
            return Files.isRegularFile(file) ? Files.readString(file) : null;
        } catch (IOException e) {
            return null;
        }
    }

    static Settings load() throws Settings.Invalid {
        return Settings.load(Map.copyOf(System.getenv()), iniText());
    }
}
