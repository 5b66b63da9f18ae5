package com.tanhdev.pullsecret.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogbackFilesTest {

  /** A class path without logback files; the tests' own holds logback-test.xml. */
  private static final ClassLoader BARE = new URLClassLoader(new URL[0], null);

  private static final ClassLoader TESTS = LogbackFilesTest.class.getClassLoader();

  @TempDir Path dir;

  @Test
  void nothing_named_and_nothing_on_the_class_path_is_none() {
    assertThat(LogbackFiles.find(null, BARE)).isEqualTo(LogbackFiles.NONE);
    assertThat(LogbackFiles.find(" ", BARE)).isEqualTo(LogbackFiles.NONE);
  }

  @Test
  void a_logback_test_xml_on_the_class_path_is_found() {
    assertThat(LogbackFiles.find(null, TESTS).isAnyFound()).isTrue();
  }

  @Test
  void a_named_file_that_exists_is_found() throws IOException {
    Path file = Files.writeString(dir.resolve("logging.xml"), "<configuration/>");

    assertThat(LogbackFiles.find(file.toString(), BARE))
        .isEqualTo(new LogbackFiles(true, Optional.empty()));
    assertThat(LogbackFiles.find(file.toUri().toString(), BARE).isAnyFound()).isTrue();
  }

  @Test
  void a_named_class_path_resource_or_web_url_is_found() {
    assertThat(LogbackFiles.find("logback-test.xml", TESTS).unfound()).isEmpty();
    assertThat(LogbackFiles.find("https://config.example/logback.xml", BARE).isAnyFound()).isTrue();
  }

  @Test
  void a_named_file_that_does_not_exist_is_unfound() {
    String missing = dir.resolve("missing.xml").toString();

    assertThat(LogbackFiles.find(missing, BARE))
        .isEqualTo(new LogbackFiles(false, Optional.of(missing)));
    assertThat(LogbackFiles.find(dir.toString(), BARE).unfound()).contains(dir.toString());
    assertThat(LogbackFiles.find(dir.resolve("missing.xml").toUri().toString(), BARE).isAnyFound())
        .isFalse();
  }

  @Test
  void a_missing_named_file_leaves_the_class_path_files_to_logback() {
    String missing = dir.resolve("missing.xml").toString();

    assertThat(LogbackFiles.find(missing, TESTS))
        .isEqualTo(new LogbackFiles(true, Optional.of(missing)));
  }
}
