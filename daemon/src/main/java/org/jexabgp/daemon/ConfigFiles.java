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
    private final List<Path> files = new ArrayList<>();
    private final boolean passive;

    ConfigFiles(List<String> names, boolean passive) {
        for (String n : names) files.add(Path.of(n).toAbsolutePath().normalize());
        this.passive = passive;
    }

    @Override
    public Configuration next() throws IOException, ConfigError {
        Path file = files.removeFirst();
        files.addLast(file);
        return load(file, passive);
    }

    static Configuration load(Path file, boolean passive) throws IOException, ConfigError {
        if (!Files.isRegularFile(file)) throw new IOException("the configuration file '" + file + "' does not exist");
        String text = Files.readString(file);
        return ConfigurationSyntax.parse(text, file.toString(), new FileProgramCheck(), passive);
    }
}
