package com.tanhdev.pullsecret.config;

import java.util.List;

/** The configuration is invalid; the message names every bad key. The process refuses to start. */
public final class ConfigException extends RuntimeException {

  private final List<String> problems;

  public ConfigException(String source, List<String> problems) {
    super("invalid configuration in " + source + ":\n  - " + String.join("\n  - ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
