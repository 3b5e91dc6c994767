package org.jexabgp.daemon;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.Locale;
import org.jexabgp.core.config.Settings;
import org.slf4j.LoggerFactory;

/**
 * Logback, configured in code from ExaBGP's {@code log.*} settings (runtime.md §7). Categories are logger names
 * ({@code exabgp.reactor}, {@code exabgp.network}, …), each switched by its {@code log.<category>} setting.
 */
public final class Logging extends ContextAwareBase implements Configurator {
    /** ExaBGP's categories and the loggers that carry them. */
    private static final String[][] CATEGORIES = {
        {"configuration", "exabgp.configuration"}, {"daemon", "exabgp.daemon"}, {"network", "exabgp.network"},
        {"packets", "exabgp.packets"}, {"parser", "exabgp.parser"}, {"processes", "exabgp.processes"},
        {"reactor", "exabgp.reactor"}, {"rib", "exabgp.rib"}, {"routes", "exabgp.routes"},
        {"timers", "exabgp.timers"}, {"message", "exabgp.message"}, {"statistics", "exabgp.statistics"}
    };

    /** The default before settings are read: warnings and errors on stderr. */
    @Override
    public ExecutionStatus configure(LoggerContext context) {
        install(context, Level.WARN, "stderr", true);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** Rebuilds logging from the settings. */
    public static void apply(Settings.Log log) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Level level = level(log.level());
        install(context, level, log.destination(), log.shortFormat());
        for (String[] c : CATEGORIES) {
            boolean on = log.enable() && (log.all() || enabled(log, c[0]));
            context.getLogger(c[1]).setLevel(on ? level : Level.OFF);
        }
    }

    /** Silences everything (tools whose stdout is their output). */
    public static void quiet() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.OFF);
    }

    private static boolean enabled(Settings.Log log, String category) {
        return switch (category) {
            case "configuration" -> log.configuration();
            case "daemon" -> log.daemon();
            case "network" -> log.network();
            case "packets" -> log.packets();
            case "parser" -> log.parser();
            case "processes" -> log.processes();
            case "reactor" -> log.reactor();
            case "rib" -> log.rib();
            case "routes" -> log.routes();
            case "timers" -> log.timers();
            case "message" -> log.message();
            case "statistics" -> log.statistics();
            default -> true;
        };
    }

    private static Level level(String name) {
        return switch (name.toUpperCase(Locale.ROOT)) {
            case "FATAL", "CRITICAL", "ERROR" -> Level.ERROR;
            case "WARNING", "WARN" -> Level.WARN;
            case "DEBUG" -> Level.DEBUG;
            case "NOTSET" -> Level.ALL;
            default -> Level.INFO;
        };
    }

    private static void install(LoggerContext context, Level level, String destination, boolean shortFormat) {
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.detachAndStopAllAppenders();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        // short: "<source:15> <message>"; long adds time and pid (runtime.md §7)
        encoder.setPattern(shortFormat
                ? "%-15.15logger{0} %msg%n%ex"
                : "%d{HH:mm:ss} " + ProcessHandle.current().pid() + " %-15.15logger{0} %msg%n%ex");
        encoder.start();
        OutputStreamAppender<ILoggingEvent> appender;
        if (destination.equals("stdout") || destination.equals("stderr") || destination.equals("syslog")
                || destination.startsWith("host:")) {
            ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
            console.setTarget(destination.equals("stdout") ? "System.out" : "System.err");
            appender = console;
        } else {
            FileAppender<ILoggingEvent> file = new FileAppender<>();
            file.setFile(destination.startsWith("file:") ? destination.substring(5) : destination);
            appender = file;
        }
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.start();
        root.addAppender(appender);
        root.setLevel(level);
    }
}
