package com.tanhdev.pullsecret.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.read.ListAppender;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class JsonLoggingTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final LoggerContext context = new LoggerContext();

  JsonLoggingTest() {
    context.setMDCAdapter(new LogbackMDCAdapter());
  }

  @Test
  void logback_finds_it_as_a_configurator_on_the_class_path() {
    assertThat(ServiceLoader.load(Configurator.class).stream().map(ServiceLoader.Provider::type))
        .contains(JsonLogging.class);
  }

  @Test
  void every_line_is_one_json_object_with_time_level_logger_and_message() {
    configure(Map.of());

    ByteArrayOutputStream stdout = redirectStdout();
    context.getLogger("pullsecret.admission").info("admission reviewed");

    String written = stdout.toString(StandardCharsets.UTF_8);
    assertThat(written).endsWith("\n").doesNotContain("\n{");
    JsonNode line = JSON.readTree(written);

    assertThat(line.path("message").asString()).isEqualTo("admission reviewed");
    assertThat(line.path("level").asString()).isEqualTo("INFO");
    assertThat(line.path("logger_name").asString()).isEqualTo("pullsecret.admission");
    assertThat(Instant.parse(line.path("time").asString()))
        .isBetween(Instant.now().minusSeconds(60), Instant.now());
    assertThat(line.has("@timestamp")).isFalse();
    assertThat(line.has("@version")).isFalse();
    assertThat(line.has("level_value")).isFalse();
  }

  @Test
  void it_logs_at_info_and_keeps_the_libraries_at_warn() {
    configure(Map.of());

    assertThat(root().getLevel()).isEqualTo(Level.INFO);
    assertThat(context.getLogger("org.eclipse.jetty.server.Server").getEffectiveLevel())
        .isEqualTo(Level.WARN);
    assertThat(context.getLogger("io.javalin.Javalin").getEffectiveLevel()).isEqualTo(Level.WARN);
    assertThat(context.getLogger("io.fabric8.kubernetes").getEffectiveLevel())
        .isEqualTo(Level.WARN);
    assertThat(context.getLogger("com.tanhdev.pullsecret.app").getEffectiveLevel())
        .isEqualTo(Level.INFO);
  }

  @Test
  void the_level_variable_sets_the_level_in_any_case() {
    configure(Map.of("PULLSECRET_LOG_LEVEL", " debug "));

    assertThat(root().getLevel()).isEqualTo(Level.DEBUG);
  }

  @Test
  void an_unknown_level_logs_at_info_and_says_so_in_the_log() {
    ListAppender<ILoggingEvent> warnings = capture(JsonLogging.class.getName());

    configure(Map.of("PULLSECRET_LOG_LEVEL", "verbose"));

    assertThat(root().getLevel()).isEqualTo(Level.INFO);
    assertThat(warnings.list)
        .singleElement()
        .satisfies(
            warning -> {
              assertThat(warning.getLevel()).isEqualTo(Level.WARN);
              assertThat(warning.getFormattedMessage())
                  .isEqualTo(
                      "PULLSECRET_LOG_LEVEL=verbose is not a log level"
                          + " (one of [TRACE, DEBUG, INFO, WARN, ERROR, OFF]); logging at INFO");
            });
  }

  @Test
  void a_blank_level_variable_is_the_default_without_a_warning() {
    ListAppender<ILoggingEvent> warnings = capture(JsonLogging.class.getName());

    configure(Map.of("PULLSECRET_LOG_LEVEL", " "));

    assertThat(root().getLevel()).isEqualTo(Level.INFO);
    assertThat(warnings.list).isEmpty();
  }

  @Test
  void a_given_configuration_file_configures_logging_instead() {
    ExecutionStatus status = new JsonLogging(Map.of(), () -> true).configure(context);

    assertThat(status).isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
    assertThat(root().iteratorForAppenders().hasNext()).isFalse();
  }

  @Test
  void replacing_a_configuration_removes_its_appenders_and_levels() {
    ListAppender<ILoggingEvent> earlier = new ListAppender<>();
    earlier.start();
    root().addAppender(earlier);
    root().setLevel(Level.ERROR);

    JsonLogging.replace(context, Map.of());

    assertThat(root().getAppender("JSON")).isInstanceOf(ConsoleAppender.class);
    assertThat(root().iteratorForAppenders()).toIterable().hasSize(1);
    assertThat(root().getLevel()).isEqualTo(Level.INFO);
  }

  private void configure(Map<String, String> environment) {
    ExecutionStatus status = new JsonLogging(environment, () -> false).configure(context);
    assertThat(status).isEqualTo(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
  }

  private Logger root() {
    return context.getLogger(Logger.ROOT_LOGGER_NAME);
  }

  private ListAppender<ILoggingEvent> capture(String loggerName) {
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    context.getLogger(loggerName).addAppender(appender);
    return appender;
  }

  /** Points the JSON appender, which writes to stdout, at a buffer. */
  private ByteArrayOutputStream redirectStdout() {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    ((ConsoleAppender<ILoggingEvent>) root().getAppender("JSON")).setOutputStream(buffer);
    return buffer;
  }
}
