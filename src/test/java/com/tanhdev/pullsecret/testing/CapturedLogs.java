package com.tanhdev.pullsecret.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import net.logstash.logback.encoder.LogstashEncoder;
import org.slf4j.LoggerFactory;

/** Collects what one class logs, so a test can check what an operator would read. */
public final class CapturedLogs implements AutoCloseable {

  private final Logger logger;
  private final List<ILoggingEvent> events = new CopyOnWriteArrayList<>();
  private final AppenderBase<ILoggingEvent> appender =
      new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
          events.add(event);
        }
      };

  public CapturedLogs(Class<?> source) {
    this(source.getName());
  }

  public CapturedLogs(String loggerName) {
    logger = (Logger) LoggerFactory.getLogger(loggerName);
    logger.setLevel(Level.INFO);
    appender.start();
    logger.addAppender(appender);
  }

  /** Every captured message, whatever its level. */
  public List<String> messages() {
    return events.stream().map(ILoggingEvent::getFormattedMessage).toList();
  }

  public List<String> errors() {
    return events.stream()
        .filter(event -> event.getLevel() == Level.ERROR)
        .map(ILoggingEvent::getFormattedMessage)
        .toList();
  }

  /** Every captured event as the JSON line production writes (the same encoder). */
  public List<String> jsonLines() {
    LogstashEncoder encoder = new LogstashEncoder();
    encoder.setContext(logger.getLoggerContext());
    encoder.start();
    return events.stream()
        .map(event -> new String(encoder.encode(event), StandardCharsets.UTF_8).trim())
        .toList();
  }

  @Override
  public void close() {
    logger.setLevel(null);
    logger.detachAppender(appender);
  }
}
