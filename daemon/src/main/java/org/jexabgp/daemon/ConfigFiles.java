package org.jexabgp.daemon;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jexabgp.core.config.ConfigError;
import org.jexabgp.core.config.ConfigText;
import org.jexabgp.core.config.ConfigurationSyntax;
import org.jexabgp.core.model.Configuration;
import org.jexabgp.reactor.Reactor;

/**
 * The configuration files given on the command line. Each load takes the first name and moves it to the end of the
 * list, so with several files every reload uses the next one (config.md §1, {@code debug.rotate}).
 */
final class ConfigFiles implements Reactor.ConfigSource {
    /** runtime.md §7: the {@code configuration} category. */
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger("exabgp.configuration");
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
        LOG.info("loading configuration file {}", file);
        Configuration config = load(file, passive);
        LOG.info("configuration {}: {} neighbor(s), {} process(es)", file, config.neighbors().size(),
                config.processes().size());
        return config;
    }

    /** Parses one file; relative program paths resolve against its real directory (symlinks followed). */
    static Configuration load(String name, boolean passive) throws IOException, ConfigError {
        Path file = Path.of(name);
        if (!Files.isRegularFile(file)) throw new IOException("the configuration file '" + name + "' does not exist");
        String real = file.toRealPath().toString();
        // read as parsed, never whole (issue 9); UTF-8 errors are refused as Files.readString refuses them
        try (Reader text = Files.newBufferedReader(file)) {
            ConfigText pieces = buffer -> {
                try {
                    return text.read(buffer);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            };
            return ConfigurationSyntax.parse(pieces, real, new FileProgramCheck(), passive);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
