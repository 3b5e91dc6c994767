package org.jexabgp.daemon;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import java.util.TimeZone;
import org.jspecify.annotations.Nullable;

/**
 * ExaBGP's text log line (runtime.md §7): short, {@code <source:15> <message>}; long, time and pid before them. It is
 * the text logback's pattern layout prints for {@code %d{HH:mm:ss} <pid, 6 wide> %-15.15logger{0} %msg%n%ex} (short:
 * from {@code %-15.15logger}), without its date converter, whose java.time zone rules cost every daemon start 10-20 ms
 * to load (issue 9). The time of day comes from the default {@link TimeZone}'s offset at the event's instant.
 */
final class LogLine extends LayoutBase<ILoggingEvent> {
    private static final int SOURCE_WIDTH = 15;

    /** The pid, left-justified in six columns (long format). */
    private final String pid;
    /**
     * Only for the long format, as the pid: the default zone reads the JDK's whole time-zone file (4 ms of a start),
     * and the pid starts the JDK's process handling (a thread), which the short format needs neither of.
     */
    private final @Nullable TimeZone zone;
    private final ThrowableProxyConverter exception = new ThrowableProxyConverter();

    LogLine(boolean shortFormat) {
        this.zone = shortFormat ? null : TimeZone.getDefault();
        this.pid = shortFormat ? "" : pidColumn();
    }

    /** The pid, six columns wide: only for the long format, as the JDK's process handles start a thread. */
    private static String pidColumn() {
        StringBuilder b = new StringBuilder().append(ProcessHandle.current().pid());
        while (b.length() < 6) b.append(' ');
        return b.toString();
    }

    @Override
    public void start() {
        exception.setContext(getContext());
        exception.start();
        super.start();
    }

    /** Called by appenders from any thread: no state but the settings. */
    @Override
    public String doLayout(ILoggingEvent event) {
        StringBuilder b = new StringBuilder(128);
        if (zone != null) {
            clock(b, zone, event.getTimeStamp());
            b.append(' ').append(pid).append(' ');
        }
        source(b, event.getLoggerName());
        b.append(' ').append(event.getFormattedMessage()).append(CoreConstants.LINE_SEPARATOR);
        b.append(exception.convert(event));
        return b.toString();
    }

    /** {@code HH:mm:ss}, local time. */
    private static void clock(StringBuilder b, TimeZone zone, long millis) {
        long local = millis + zone.getOffset(millis);
        int second = (int) Math.floorMod(Math.floorDiv(local, 1000L), 86_400L);
        two(b, second / 3600).append(':');
        two(b, second / 60 % 60).append(':');
        two(b, second % 60);
    }

    private static StringBuilder two(StringBuilder b, int n) {
        return b.append((char) ('0' + n / 10)).append((char) ('0' + n % 10));
    }

    /** The logger name's last part, its last 15 characters, padded to 15 ({@code %-15.15logger{0}}). */
    private static void source(StringBuilder b, String logger) {
        String name = logger.substring(logger.lastIndexOf('.') + 1);
        if (name.length() > SOURCE_WIDTH) name = name.substring(name.length() - SOURCE_WIDTH);
        b.append(name);
        for (int i = name.length(); i < SOURCE_WIDTH; i++) b.append(' ');
    }
}
