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
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class JsonLoggingTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final LoggerContext context = new LoggerContext();
  private final PrintStream realStdout = System.out;
  private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();

  JsonLoggingTest() {
    context.setMDCAdapter(new LogbackMDCAdapter());
    // The JSON appender writes to whatever System.out is when it writes.
    System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restoreStdout() {
    System.setOut(realStdout);
    System.clearProperty(JsonLogging.LEVEL_VARIABLE);
  }

  @Test
  void logback_finds_it_as_a_configurator_on_the_class_path() {
    assertThat(ServiceLoader.load(Configurator.class).stream().map(ServiceLoader.Provider::type))
        .contains(JsonLogging.class);
  }

  @Test
  void every_line_is_one_json_object_with_time_level_logger_and_message() {
    configure(null);

    context.getLogger("pullsecret.admission").info("admission reviewed");

    JsonNode line = single(stdoutLines());
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
    configure(null);

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
  void the_level_is_any_of_logbacks_in_any_case() {
    configure(" debug ");
    assertThat(root().getLevel()).isEqualTo(Level.DEBUG);

    configure("all");
    assertThat(root().getLevel()).isEqualTo(Level.ALL);
  }

  @Test
  void a_system_property_names_the_level_before_the_environment() {
    Map<String, String> environment = Map.of("PULLSECRET_LOG_LEVEL", "WARN");
    assertThat(JsonLogging.levelName(environment)).isEqualTo("WARN");

    System.setProperty("PULLSECRET_LOG_LEVEL", "ERROR");

    assertThat(JsonLogging.levelName(environment)).isEqualTo("ERROR");
  }

  @Test
  void an_unknown_level_logs_at_info_and_says_so_in_the_log() {
    configure("verbose");

    assertThat(root().getLevel()).isEqualTo(Level.INFO);
    JsonNode warning = single(stdoutLines());
    assertThat(warning.path("level").asString()).isEqualTo("WARN");
    assertThat(warning.path("message").asString())
        .isEqualTo(
            "PULLSECRET_LOG_LEVEL=verbose is not a log level"
                + " (one of [ALL, TRACE, DEBUG, INFO, WARN, ERROR, OFF]); logging at INFO");
  }

  @Test
  void a_blank_level_is_the_default_without_a_warning() {
    configure(" ");

    assertThat(root().getLevel()).isEqualTo(Level.INFO);
    assertThat(stdoutLines()).isEmpty();
  }

  @Test
  void a_configuration_file_found_configures_logging_instead() {
    ExecutionStatus status =
        new JsonLogging(null, new LogbackFiles(true, Optional.empty())).configure(context);

    assertThat(status).isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
    assertThat(root().iteratorForAppenders().hasNext()).isFalse();
  }

  @Test
  void a_named_file_that_is_missing_keeps_the_json_lines_and_says_so() {
    ExecutionStatus status =
        new JsonLogging(null, new LogbackFiles(false, Optional.of("/etc/logging/logback.xml")))
            .configure(context);

    assertThat(status).isEqualTo(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
    JsonNode warning = single(stdoutLines());
    assertThat(warning.path("level").asString()).isEqualTo("WARN");
    assertThat(warning.path("message").asString())
        .isEqualTo(
            "-Dlogback.configurationFile=/etc/logging/logback.xml names no URL, class-path"
                + " resource or file; logging JSON lines instead");
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

  private void configure(String levelName) {
    context.reset();
    ExecutionStatus status = new JsonLogging(levelName, LogbackFiles.NONE).configure(context);
    assertThat(status).isEqualTo(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
  }

  private Logger root() {
    return context.getLogger(Logger.ROOT_LOGGER_NAME);
  }

  private List<JsonNode> stdoutLines() {
    return stdout.toString(StandardCharsets.UTF_8).lines().map(JSON::readTree).toList();
  }

  private static JsonNode single(List<JsonNode> lines) {
    assertThat(lines).hasSize(1);
    return lines.get(0);
  }
}
