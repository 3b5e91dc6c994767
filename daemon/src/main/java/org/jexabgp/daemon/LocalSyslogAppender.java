package org.jexabgp.daemon;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.Layout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jexabgp.daemon.os.UnixDatagram;
import org.jspecify.annotations.Nullable;

/**
 * {@code log.destination = syslog} (runtime.md §7): one datagram a line to the local syslog socket, facility
 * {@code daemon}, as the C library's {@code syslog(3)} writes them (RFC 3164 without the host name:
 * {@code <PRI>Mmm dd hh:mm:ss exabgp[PID]: source message}). Logback's own syslog appender only speaks UDP.
 */
final class LocalSyslogAppender extends AppenderBase<ILoggingEvent> {
    /** RFC 5424 §6.2.1: facility 3 is "system daemons". */
    static final int FACILITY_DAEMON = 3;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss", Locale.ROOT);

    private final Path socket;
    private final Layout<ILoggingEvent> layout;
    private final String tag = "exabgp[" + ProcessHandle.current().pid() + "]: ";
    private @Nullable UnixDatagram out;

    LocalSyslogAppender(Path socket, Layout<ILoggingEvent> layout) {
        this.socket = socket;
        this.layout = layout;
    }

    @Override
    public void start() {
        try {
            out = UnixDatagram.connect(socket);
        } catch (IOException e) {
            addError("can not reach the syslog socket " + socket + ": " + e.getMessage());
            return;
        }
        super.start();
    }

    @Override
    protected void append(ILoggingEvent event) {
        String text = layout.doLayout(event).stripTrailing();
        byte[] line = ("<" + (FACILITY_DAEMON * 8 + severity(event.getLevel())) + ">"
                + STAMP.format(LocalDateTime.now()) + " " + tag + text).getBytes(StandardCharsets.UTF_8);
        UnixDatagram o = out;
        try {
            if (o == null) throw new IOException("not connected");
            o.send(line);
        } catch (IOException e) {
            // syslogd restarted: its socket is a new one, connect again once
            try {
                if (o != null) o.close();
                out = o = UnixDatagram.connect(socket);
                o.send(line);
            } catch (IOException again) {
                addError("syslog: " + again.getMessage());
            }
        }
    }

    @Override
    public void stop() {
        UnixDatagram o = out;
        out = null;
        if (o != null) {
            try {
                o.close();
            } catch (IOException ignored) {
                // closing
            }
        }
        super.stop();
    }

    /** RFC 5424 §6.2.1 severities. */
    static int severity(Level level) {
        return switch (level.toInt()) {
            case Level.ERROR_INT -> 3;
            case Level.WARN_INT -> 4;
            case Level.INFO_INT -> 6;
            default -> 7;
        };
    }
}
