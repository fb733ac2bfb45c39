package io.callstream.web.logging;

import java.util.Iterator;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.spi.AppenderAttachable;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

/**
 * Puts a {@link MaskingEncoder} in front of every Logback appender right after Spring Boot has
 * configured logging, whatever configured it (Boot's defaults, a {@code logback.xml} of an
 * operator's, a test's). So no line of ours or of a library (Reactor Netty, Spring, Kafka) can show a
 * site token or a bearer token, at any log level. Registered in {@code META-INF/spring.factories}.
 */
public final class SecretMaskingLogs implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        install();
    }

    /** Right after {@link LoggingApplicationListener}, which (re)creates the appenders on this event. */
    @Override
    public int getOrder() {
        return LoggingApplicationListener.DEFAULT_ORDER + 1;
    }

    /** Masks what every appender configured now writes; appenders already masked are left as they are. */
    public static void install() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        for (Logger logger : context.getLoggerList()) {
            mask(logger);
        }
    }

    private static void mask(AppenderAttachable<ILoggingEvent> attachable) {
        for (Iterator<Appender<ILoggingEvent>> appenders = attachable.iteratorForAppenders(); appenders.hasNext(); ) {
            Appender<ILoggingEvent> appender = appenders.next();
            if (appender instanceof OutputStreamAppender<ILoggingEvent> output
                    && !(output.getEncoder() instanceof MaskingEncoder)) {
                MaskingEncoder masking = new MaskingEncoder(output.getEncoder());
                masking.setContext(output.getContext());
                masking.start();
                output.setEncoder(masking);
            }
            if (appender instanceof AppenderAttachable<?> nested) {
                @SuppressWarnings("unchecked")
                AppenderAttachable<ILoggingEvent> wrapped = (AppenderAttachable<ILoggingEvent>) nested;
                mask(wrapped);
            }
        }
    }
}
