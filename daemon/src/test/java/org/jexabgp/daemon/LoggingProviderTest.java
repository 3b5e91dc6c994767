package org.jexabgp.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.read.ListAppender;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.junit.jupiter.api.Test;

/** SLF4J bound to our logging without looking for a provider ({@link Main#libraryProperties}). */
class LoggingProviderTest {
    @Test
    void startsWithTheDefaultsOfLogging() {
        LoggingProvider provider = new LoggingProvider();
        provider.initialize();
        LoggerContext context = (LoggerContext) provider.getLoggerFactory();
        assertThat(context.isStarted()).isTrue();
        assertThat(context.getMDCAdapter()).isSameAs(provider.getMDCAdapter());
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        // Logging's defaults before the settings are read: warnings and errors, on one appender
        assertThat(root.getLevel()).isEqualTo(Level.WARN);
        assertThat(root.iteratorForAppenders()).toIterable().hasSize(1);
        // and its loggers carry events as any logback context's
        ListAppender<ILoggingEvent> seen = new ListAppender<>();
        seen.setContext(context);
        seen.start();
        root.addAppender(seen);
        provider.getLoggerFactory().getLogger("exabgp.reactor").warn("w {}", 1);
        provider.getLoggerFactory().getLogger("exabgp.reactor").info("not at WARN");
        assertThat(seen.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly("w 1");
    }

    @Test
    void librariesAreToldWhatTheyNeedNotLookFor() {
        String provider = System.clearProperty("slf4j.provider");
        String verbosity = System.clearProperty("slf4j.internal.verbosity");
        String closures = System.clearProperty("picocli.disable.closures");
        String converters = System.clearProperty("picocli.converters.excludes");
        try {
            Main.libraryProperties();
            assertThat(System.getProperty("slf4j.provider")).isEqualTo(LoggingProvider.class.getName());
            assertThat(System.getProperty("slf4j.internal.verbosity")).isEqualTo("WARN");
            assertThat(System.getProperty("picocli.disable.closures")).isEqualTo("true");
            assertThat(System.getProperty("picocli.converters.excludes")).isEqualTo(Main.PICOCLI_UNUSED_CONVERTERS);
            // a provider the JVM was started with stays
            System.setProperty("slf4j.provider", "other.Provider");
            Main.libraryProperties();
            assertThat(System.getProperty("slf4j.provider")).isEqualTo("other.Provider");
        } finally {
            restore("slf4j.provider", provider);
            restore("slf4j.internal.verbosity", verbosity);
            restore("picocli.disable.closures", closures);
            restore("picocli.converters.excludes", converters);
        }
    }

    /**
     * The JDK's own loggers (a program's start is logged by ProcessBuilder) write through SLF4J, so the JDK does not
     * start java.util.logging for them (issue 9) and what they say at our log level reaches our log.
     */
    @Test
    void theJdksLoggersWriteThroughSlf4j() {
        LoggerContext context = (LoggerContext) org.slf4j.LoggerFactory.getILoggerFactory();
        Logger logger = context.getLogger("jexabgp.test.jdk");
        ListAppender<ILoggingEvent> seen = new ListAppender<>();
        seen.setContext(context);
        seen.start();
        logger.addAppender(seen);
        logger.setLevel(Level.INFO);
        try {
            System.Logger jdk = System.getLogger("jexabgp.test.jdk");
            assertThat(jdk.isLoggable(System.Logger.Level.INFO)).isTrue();
            assertThat(jdk.isLoggable(System.Logger.Level.DEBUG)).isFalse();
            jdk.log(System.Logger.Level.INFO, "from the JDK");
            assertThat(seen.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly("from the JDK");
        } finally {
            logger.detachAppender(seen);
        }
    }

    private static void restore(String key, String value) {
        if (value == null) System.clearProperty(key);
        else System.setProperty(key, value);
    }
}
