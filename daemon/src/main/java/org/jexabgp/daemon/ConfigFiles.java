package org.jexabgp.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jexabgp.core.config.ConfigError;
import org.jexabgp.core.config.ConfigurationSyntax;
import org.jexabgp.core.model.Configuration;
import org.jexabgp.reactor.Reactor;

/**
 * The configuration files given on the command line. Each load takes the first name and moves it to the end of the
 * list, so with several files every reload uses the next one (config.md §1, {@code debug.rotate}).
 */
final class ConfigFiles implements Reactor.ConfigSource {
    private final List<String> files = new ArrayList<>();
    private final boolean passive;

    ConfigFiles(List<String> names, boolean passive) {
        files.addAll(names);
        this.passive = passive;
    }

    @Override
    public Configuration next() throws IOException, ConfigError {
        String file = files.removeFirst();
        files.addLast(file);
        return load(file, passive);
    }

    /** Parses one file; relative program paths resolve against its real directory (symlinks followed). */
    static Configuration load(String name, boolean passive) throws IOException, ConfigError {
        Path file = Path.of(name);
        if (!Files.isRegularFile(file)) throw new IOException("the configuration file '" + name + "' does not exist");
        String text = Files.readString(file);
        String real = file.toRealPath().toString();
        return ConfigurationSyntax.parse(text, real, new FileProgramCheck(), passive);
    }
}
