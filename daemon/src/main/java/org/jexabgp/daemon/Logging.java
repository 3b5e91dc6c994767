package org.jexabgp.daemon;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.net.SyslogAppender;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.util.FileSize;
import ch.qos.logback.core.status.WarnStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
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

    /**
     * The default before settings are read: warnings and errors on stderr. Logback's own warnings and errors (a log
     * file it cannot open, say), those before this and those to come, go to stderr; with a listener of ours, logback
     * does not print its status at start-up, whose printer's date format loads java.time's zone rules, 5-10 ms of
     * every start (issue 9).
     */
    @Override
    public ExecutionStatus configure(LoggerContext context) {
        for (Status earlier : context.getStatusManager().getCopyOfStatusList()) logbackStatus(earlier);
        context.getStatusManager().add(Logging::logbackStatus);
        install(context, Level.WARN, "stderr", true);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** A status logback reports about itself: its warnings and errors are printed, with their cause. */
    static void logbackStatus(Status status) {
        if (status.getLevel() < Status.WARN) return;
        Throwable cause = status.getThrowable();
        System.err.println("logging: " + (status.getLevel() == Status.WARN ? "warning: " : "") + status.getMessage()
                + (cause == null ? "" : ": " + cause));
    }

    /** Rebuilds logging from the settings. */
    public static void apply(Settings.Log log) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Level level = level(log.level());
        install(context, level, log.destination(), log.shortFormat(), log.format(), ROTATE_BYTES);
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

    /** Python's RotatingFileHandler as ExaBGP 4.2 sets it up: 5 MiB, then {@code file.1} … {@code file.5}. */
    static final long ROTATE_BYTES = 5L * 1024 * 1024;
    static final int ROTATE_FILES = 5;
    /** Where {@code syslog} goes: {@code /dev/log}, unless this environment variable names another socket. */
    static final String SYSLOG_SOCKET = "JEXABGP_SYSLOG_SOCKET";

    private static void install(LoggerContext context, Level level, String destination, boolean shortFormat) {
        install(context, level, destination, shortFormat, "text", ROTATE_BYTES);
    }

    /**
     * One appender on the root logger for {@code log.destination} (runtime.md §7): {@code stdout}, {@code stderr},
     * {@code syslog} (local socket), {@code host:ADDRESS[:PORT]} (remote syslog over UDP, port 514 by default), or a
     * file name (with or without {@code file:}), rotated by size. {@code json} lines are for streams and files; syslog
     * lines keep the text form inside the syslog header.
     */
    static void install(LoggerContext context, Level level, String destination, boolean shortFormat, String format,
            long rotateBytes) {
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.detachAndStopAllAppenders();
        String lower = destination.toLowerCase(Locale.ROOT);
        Appender<ILoggingEvent> appender;
        if (lower.equals("syslog")) {
            String socket = System.getenv(SYSLOG_SOCKET);
            LocalSyslogAppender local = new LocalSyslogAppender(
                    Path.of(socket != null && !socket.isEmpty() ? socket : "/dev/log"), layout(context, "%logger{0} %msg"));
            local.setContext(context);
            local.start();
            if (local.isStarted()) appender = local;
            else {
                // no syslog daemon here: better the terminal than nothing
                appender = stream(context, "stderr", encoder(context, shortFormat, format));
                root.addAppender(appender);
                root.setLevel(level);
                root.warn("no syslog socket, logging to stderr");
                return;
            }
        } else if (lower.startsWith("host:")) {
            appender = remoteSyslog(context, destination.substring(5));
        } else if (lower.equals("stdout") || lower.equals("stderr")) {
            appender = stream(context, lower, encoder(context, shortFormat, format));
        } else {
            appender = file(context, destination.startsWith("file:") ? destination.substring(5) : destination,
                    encoder(context, shortFormat, format), rotateBytes);
        }
        root.addAppender(appender);
        root.setLevel(level);
    }

    private static Encoder<ILoggingEvent> encoder(LoggerContext context, boolean shortFormat, String format) {
        if (format.equalsIgnoreCase("json")) {
            // our addition: logback's own JSON encoder, one object a line (timestamp ms, level, logger, message)
            JsonEncoder json = new JsonEncoder();
            json.setContext(context);
            json.setWithSequenceNumber(false);
            json.setWithNanoseconds(false);
            json.setWithContext(false);
            json.setWithMDC(false);
            json.setWithKVPList(false);
            json.setWithMarkers(false);
            json.setWithArguments(false);
            json.setWithMessage(false);
            json.setWithFormattedMessage(true);
            json.start();
            return json;
        }
        LogLine line = new LogLine(shortFormat);
        line.setContext(context);
        line.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(line);
        encoder.start();
        return encoder;
    }

    private static PatternLayout layout(LoggerContext context, String pattern) {
        PatternLayout layout = new PatternLayout();
        layout.setContext(context);
        layout.setPattern(pattern);
        layout.start();
        return layout;
    }

    private static Appender<ILoggingEvent> stream(LoggerContext context, String which, Encoder<ILoggingEvent> enc) {
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setTarget(which.equals("stdout") ? "System.out" : "System.err");
        console.setContext(context);
        console.setEncoder(enc);
        console.start();
        return console;
    }

    private static Appender<ILoggingEvent> file(LoggerContext context, String name, Encoder<ILoggingEvent> enc,
            long rotateBytes) {
        Path parent = Path.of(name).toAbsolutePath().getParent();
        if (parent != null) {
            try {
                createDirectories(parent);
            } catch (IOException | UnsupportedOperationException e) {
                // said as logback's own statuses are (on stderr); the appender then reports the file it cannot open
                context.getStatusManager().add(
                        new WarnStatus("can not create " + parent + " for the log file: " + e, Logging.class));
            }
        }
        RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
        file.setContext(context);
        file.setFile(name);
        file.setEncoder(enc);
        FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
        rolling.setContext(context);
        rolling.setParent(file);
        rolling.setFileNamePattern(name + ".%i");
        rolling.setMinIndex(1);
        rolling.setMaxIndex(ROTATE_FILES);
        rolling.start();
        SizeBasedTriggeringPolicy<ILoggingEvent> size = new SizeBasedTriggeringPolicy<>();
        size.setContext(context);
        size.setMaxFileSize(new FileSize(rotateBytes));
        // logback looks at the file's size once a minute by default: a busy log could grow far past 5 MiB by then
        size.setCheckIncrement(ch.qos.logback.core.util.Duration.buildBySeconds(1));
        size.start();
        file.setRollingPolicy(rolling);
        file.setTriggeringPolicy(size);
        file.start();
        return file;
    }

    /**
     * Creates the missing directories of a log file's path, each searchable by whoever may read it: the daemon starts
     * with its umask (0137 by default, set by bin/exabgp before the JVM), which alone would make a directory its owner
     * cannot enter (0640).
     */
    static void createDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) return;
        Path parent = dir.getParent();
        if (parent != null) createDirectories(parent);
        Files.createDirectory(dir);
        Set<PosixFilePermission> mode = EnumSet.noneOf(PosixFilePermission.class);
        mode.addAll(Files.getPosixFilePermissions(dir)); // empty under umask 0777: EnumSet.copyOf would throw
        mode.addAll(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.OWNER_EXECUTE));
        if (mode.contains(PosixFilePermission.GROUP_READ)) mode.add(PosixFilePermission.GROUP_EXECUTE);
        if (mode.contains(PosixFilePermission.OTHERS_READ)) mode.add(PosixFilePermission.OTHERS_EXECUTE);
        Files.setPosixFilePermissions(dir, mode);
    }

    /** {@code host:ADDRESS}, {@code host:ADDRESS:PORT} or {@code host:[IPv6]:PORT}: syslog over UDP, facility daemon. */
    private static Appender<ILoggingEvent> remoteSyslog(LoggerContext context, String where) {
        String host = where;
        int port = 514;
        if (where.startsWith("[") && where.contains("]")) {
            host = where.substring(1, where.indexOf(']'));
            String rest = where.substring(where.indexOf(']') + 1);
            if (rest.startsWith(":")) port = Integer.parseInt(rest.substring(1));
        } else if (where.indexOf(':') > 0 && where.indexOf(':') == where.lastIndexOf(':')) {
            host = where.substring(0, where.indexOf(':'));
            port = Integer.parseInt(where.substring(where.indexOf(':') + 1));
        }
        SyslogAppender syslog = new SyslogAppender();
        syslog.setContext(context);
        syslog.setSyslogHost(host);
        syslog.setPort(port);
        syslog.setFacility("DAEMON");
        // ExaBGP 4.2's syslog lines: exabgp[<pid>]: <source> <message>
        syslog.setSuffixPattern("exabgp[" + ProcessHandle.current().pid() + "]: %logger{0} %msg");
        syslog.start();
        return syslog;
    }
}
