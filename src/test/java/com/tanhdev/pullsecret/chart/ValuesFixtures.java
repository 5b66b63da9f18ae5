package com.tanhdev.pullsecret.chart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The values files under {@code src/test/resources/chart}: valid setups at the top, values the
 * chart must refuse under {@code invalid/}. Adding a case means adding a file.
 */
final class ValuesFixtures {

  private static final String EXPECTED_ERROR_PREFIX = "# error: ";

  private ValuesFixtures() {}

  /** Names of the valid values files, for example {@code single-replica.yaml}. */
  static List<String> valid() {
    return yamlFilesIn(PullsecretChart.valuesFile("single-replica.yaml").getParent()).stream()
        .map(path -> path.getFileName().toString())
        .toList();
  }

  /** The values files helm must refuse, each with the text its error must contain. */
  static List<Rejected> invalid() {
    return yamlFilesIn(PullsecretChart.valuesFile("invalid")).stream()
        .map(ValuesFixtures::rejected)
        .toList();
  }

  /** A values file that helm must refuse, and what its error message must say. */
  record Rejected(Path file, String expectedError) {
    @Override
    public String toString() {
      return file.getFileName().toString();
    }
  }

  private static Rejected rejected(Path file) {
    try {
      String firstLine = Files.readAllLines(file).get(0);
      if (!firstLine.startsWith(EXPECTED_ERROR_PREFIX)) {
        throw new IllegalStateException(file + " must start with '" + EXPECTED_ERROR_PREFIX + "'");
      }
      return new Rejected(file, firstLine.substring(EXPECTED_ERROR_PREFIX.length()).strip());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Path> yamlFilesIn(Path directory) {
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(path -> path.toString().endsWith(".yaml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
