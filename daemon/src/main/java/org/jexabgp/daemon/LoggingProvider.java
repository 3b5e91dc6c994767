package org.jexabgp.daemon;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.util.StatusListenerConfigHelper;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * SLF4J bound to logback configured by {@link Logging}, named by {@link Main} ({@code slf4j.provider}) so that neither
 * looks for the other: SLF4J's provider lookup and logback's own start (its version checks and configurator lookup)
 * read the jar's resources, which opened the 7 MB jar at every start only for that (issue 9: 8-12 ms of a start).
 * Everything else is as logback's own provider does it.
 */
public final class LoggingProvider implements SLF4JServiceProvider {
    /** The SLF4J API version this provider is written for (SLF4J warns when it is older than its own). */
    private static final String API_VERSION = "2.0.99";

    private final LoggerContext context = new LoggerContext();
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final LogbackMDCAdapter mdc = new LogbackMDCAdapter();

    @Override
    public ILoggerFactory getLoggerFactory() {
        return context;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return API_VERSION;
    }

    @Override
    public void initialize() {
        context.setName(CoreConstants.DEFAULT_CONTEXT_NAME);
        context.setMDCAdapter(mdc);
        // as logback's own start: a status listener named by -Dlogback.statusListenerClass, and a configuration that
        // fails is reported, the daemon going on with logging as it stands (SLF4J's binding would fail for good)
        try {
            StatusListenerConfigHelper.installIfAsked(context);
            Logging logging = new Logging();
            logging.setContext(context);
            logging.configure(context);
        } catch (RuntimeException e) {
            System.err.println("logging: could not be configured: " + e);
        }
        context.start();
    }
}
