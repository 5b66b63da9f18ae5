package com.tanhdev.pullsecret.chart;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The chart under test, rendered the way a user would install it: release {@code
 * pullsecret-webhook} in namespace {@code pullsecret-system}, against a fixed Kubernetes version so
 * that the result does not depend on which helm build runs it.
 */
final class PullsecretChart {

  static final String RELEASE = "pullsecret-webhook";
  static final String NAMESPACE = "pullsecret-system";
  static final String KUBE_VERSION = "1.34.0";

  private final Helm helm;
  private final Path chartDirectory;
  private final YAMLMapper yaml = YAMLMapper.builder().build();

  private PullsecretChart(Helm helm, Path chartDirectory) {
    this.helm = helm;
    this.chartDirectory = chartDirectory;
  }

  static PullsecretChart fromEnvironment() {
    String basedir = System.getProperty("project.basedir", System.getProperty("user.dir"));
    Path chart = Path.of(basedir, "charts", "pullsecret-webhook");
    if (!Files.isRegularFile(chart.resolve("Chart.yaml"))) {
      throw new IllegalStateException("no Chart.yaml in " + chart);
    }
    return new PullsecretChart(Helm.fromEnvironment(), chart);
  }

  /** Renders with the given values files from {@code src/test/resources/chart}; must succeed. */
  RenderedManifests render(String... valuesFiles) {
    List<String> arguments = new ArrayList<>();
    for (String file : valuesFiles) {
      arguments.add("--values");
      arguments.add(valuesFile(file).toString());
    }
    return renderOrFail(arguments);
  }

  /** Renders with {@code --set key=value} assignments; must succeed. */
  RenderedManifests renderSetting(String... assignments) {
    return renderOrFail(setFlags(assignments));
  }

  Helm.Result template(List<String> arguments) {
    List<String> command = new ArrayList<>(List.of("template", RELEASE, chartDirectory.toString()));
    command.addAll(List.of("--namespace", NAMESPACE, "--kube-version", KUBE_VERSION));
    command.addAll(arguments);
    return helm.run(command);
  }

  Helm.Result lint(List<String> arguments) {
    List<String> command = new ArrayList<>(List.of("lint", "--strict", chartDirectory.toString()));
    command.addAll(List.of("--namespace", NAMESPACE, "--kube-version", KUBE_VERSION));
    command.addAll(arguments);
    return helm.run(command);
  }

  Path chartDirectory() {
    return chartDirectory;
  }

  static List<String> setFlags(String... assignments) {
    List<String> flags = new ArrayList<>();
    for (String assignment : assignments) {
      flags.add("--set");
      flags.add(assignment);
    }
    return flags;
  }

  static Path valuesFile(String name) {
    String resource = "/chart/" + name;
    URL url = PullsecretChart.class.getResource(resource);
    if (url == null) {
      throw new IllegalArgumentException("no test values file " + resource);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(resource, e);
    }
  }

  private RenderedManifests renderOrFail(List<String> arguments) {
    Helm.Result result = template(arguments);
    if (!result.succeeded()) {
      throw new AssertionError("helm template " + arguments + " failed: " + result.describe());
    }
    return RenderedManifests.parse(yaml, result.stdout());
  }
}
