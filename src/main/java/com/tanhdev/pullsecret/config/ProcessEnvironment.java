package com.tanhdev.pullsecret.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The process's environment variables, read in this one place: the {@code PULLSECRET_*} overrides
 * the config loader applies, the config file ({@code PULLSECRET_CONFIG}) and the pod's own
 * namespace ({@code PULLSECRET_NAMESPACE}, set by the chart from {@code metadata.namespace}) and
 * name ({@code PULLSECRET_POD_NAME}, from {@code metadata.name}).
 */
public record ProcessEnvironment(Map<String, String> variables) {

  public ProcessEnvironment {
    variables = Map.copyOf(variables);
  }

  /** This process's environment. */
  public static ProcessEnvironment current() {
    return new ProcessEnvironment(System.getenv());
  }

  /** The config file {@code PULLSECRET_CONFIG} names, if it names one. */
  public Optional<Path> configFile() {
    return nonBlank("PULLSECRET_CONFIG").map(Path::of);
  }

  /**
   * The namespace the process runs in: {@code PULLSECRET_NAMESPACE}, else {@code fallback} (what
   * the Kubernetes client found in its service account or kubeconfig, may be null).
   *
   * @throws ConfigException when neither names one
   */
  public String podNamespace(String fallback, String why) {
    return nonBlank("PULLSECRET_NAMESPACE")
        .or(() -> Optional.ofNullable(fallback).filter(name -> !name.isBlank()))
        .orElseThrow(
            () ->
                new ConfigException(
                    "the environment",
                    List.of(
                        "PULLSECRET_NAMESPACE: "
                            + why
                            + " needs the pod's namespace (the chart sets it from"
                            + " metadata.namespace)")));
  }

  /** The pod's name, {@code PULLSECRET_POD_NAME}, if set. */
  public Optional<String> podName() {
    return nonBlank("PULLSECRET_POD_NAME").map(String::trim);
  }

  private Optional<String> nonBlank(String name) {
    return Optional.ofNullable(variables.get(name)).filter(value -> !value.isBlank());
  }
}
