package com.tanhdev.pullsecret.logging;

import ch.qos.logback.classic.ClassicConstants;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import net.logstash.logback.encoder.LogstashEncoder;
import net.logstash.logback.fieldnames.LogstashCommonFieldNames;

/**
 * Every command's logging: one JSON object per line on stdout, the format log pipelines in clusters
 * expect, at the level {@code PULLSECRET_LOG_LEVEL} names (INFO by default), with the libraries'
 * own chatter (Jetty, Javalin, the Kubernetes client) at WARN.
 *
 * <p>Set up in code, where logback would otherwise read a {@code logback.xml}: its XML
 * configuration loads about 400 classes (the configuration model and the JDK's XML parser), which
 * every process then holds in its AOT cache and metadata, and takes about 40 ms of each start (see
 * docs/benchmarks.md). logback finds this class through {@code META-INF/services}. A configuration
 * file still wins: one named by {@code -Dlogback.configurationFile} (an operator's own logging) or
 * a {@code logback.xml} or {@code logback-test.xml} on the class path (the tests' text lines). A
 * named file that does not exist does not turn the JSON lines off: they go on, with a warning.
 */
public final class JsonLogging extends ContextAwareBase implements Configurator {

  private static final String IGNORE = LogstashCommonFieldNames.IGNORE_FIELD_INDICATOR;

  /** Read as a system property first, then from the environment, as logback's variables are. */
  static final String LEVEL_VARIABLE = "PULLSECRET_LOG_LEVEL";

  private static final List<String> QUIET_LIBRARIES =
      List.of("org.eclipse.jetty", "io.javalin", "io.fabric8");

  private static final List<Level> LEVELS =
      List.of(Level.ALL, Level.TRACE, Level.DEBUG, Level.INFO, Level.WARN, Level.ERROR, Level.OFF);

  private final String levelName;
  private final LogbackFiles files;

  /** The configuration logback loads: this process's settings and class path. */
  public JsonLogging() {
    this(levelName(System.getenv()), LogbackFiles.current());
  }

  /**
   * @param levelName what {@code PULLSECRET_LOG_LEVEL} says, or null
   * @param files the logback files given to the process
   */
  JsonLogging(String levelName, LogbackFiles files) {
    this.levelName = levelName;
    this.files = files;
  }

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (files.isAnyFound()) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    LogstashEncoder encoder = new LogstashEncoder();
    encoder.setContext(context);
    encoder.getFieldNames().setTimestamp("time");
    encoder.getFieldNames().setVersion(IGNORE);
    encoder.getFieldNames().setLevelValue(IGNORE);
    encoder.start();
    ConsoleAppender<ILoggingEvent> stdout = new ConsoleAppender<>();
    stdout.setContext(context);
    stdout.setName("JSON");
    stdout.setEncoder(encoder);
    stdout.start();

    for (String library : QUIET_LIBRARIES) {
      context.getLogger(library).setLevel(Level.WARN);
    }
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.addAppender(stdout);
    Optional<Level> level = level(levelName);
    root.setLevel(level.orElse(Level.INFO));

    // Logging is set up before any command reads its options, so a bad setting cannot stop the
    // process the way a bad config key does; it is said in the log itself instead.
    Logger log = context.getLogger(JsonLogging.class);
    if (level.isEmpty() && levelName != null && !levelName.isBlank()) {
      log.warn(
          "{}={} is not a log level (one of {}); logging at INFO",
          LEVEL_VARIABLE,
          levelName,
          LEVELS);
    }
    files
        .unfound()
        .ifPresent(
            name ->
                log.warn(
                    "-D{}={} names no URL, class-path resource or file; logging JSON lines instead",
                    ClassicConstants.CONFIG_FILE_PROPERTY,
                    name));
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  /**
   * Replaces whatever configured {@code context} with these JSON lines: for processes that run from
   * the project's class directories, where the tests' {@code logback-test.xml} would otherwise win,
   * but must log as a container does (the load tool's servers).
   */
  public static void replace(LoggerContext context, Map<String, String> environment) {
    context.reset();
    new JsonLogging(levelName(environment), LogbackFiles.NONE).configure(context);
  }

  static String levelName(Map<String, String> environment) {
    return System.getProperty(LEVEL_VARIABLE, environment.get(LEVEL_VARIABLE));
  }

  /** The level {@code name} spells, in any case; empty for a blank or unknown name. */
  static Optional<Level> level(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String wanted = name.strip().toUpperCase(Locale.ROOT);
    return LEVELS.stream().filter(level -> level.levelStr.equals(wanted)).findFirst();
  }
}
