package com.tanhdev.pullsecret.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a container of the image runs: the ENTRYPOINT and CMD of the Dockerfile's final stage, read
 * from the file so that a test of the command cannot drift from the image, and the final stage's
 * last RUN, the AOT cache's training run (empty when there is none).
 */
public record DockerfileCommand(List<String> entrypoint, List<String> cmd, List<String> training) {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  public static DockerfileCommand read(Path dockerfile) throws IOException {
    List<String> finalStage = finalStage(instructions(Files.readAllLines(dockerfile)));
    boolean trains = finalStage.stream().anyMatch(i -> keyword(i).equals("RUN"));
    return new DockerfileCommand(
        execForm(finalStage, "ENTRYPOINT"),
        execForm(finalStage, "CMD"),
        trains ? execForm(finalStage, "RUN") : List.of());
  }

  /**
   * ENTRYPOINT then CMD, each container path replaced by its local stand-in. A container path
   * without one is refused, so a path added to the Dockerfile fails here instead of being run as an
   * argument that means nothing outside the image.
   */
  public List<String> withLocalPaths(Map<String, Path> localPaths) {
    List<String> command = new ArrayList<>(entrypoint);
    command.addAll(cmd);
    return localised(command, localPaths);
  }

  /** The training run, its container paths replaced as in {@link #withLocalPaths}. */
  public List<String> trainingWithLocalPaths(Map<String, Path> localPaths) {
    return localised(training, localPaths);
  }

  /** Replaces each path, whole or as the value of an option ({@code -XX:AOTCache=/app/x}). */
  private static List<String> localised(List<String> arguments, Map<String, Path> localPaths) {
    return arguments.stream()
        .map(
            argument -> {
              int equals = argument.startsWith("-") ? argument.indexOf("=/") : -1;
              String option = equals < 0 ? "" : argument.substring(0, equals + 1);
              String value = argument.substring(option.length());
              if (localPaths.containsKey(value)) {
                return option + localPaths.get(value);
              }
              if (value.startsWith("/")) {
                throw new IllegalArgumentException("no local stand-in for " + value);
              }
              return argument;
            })
        .toList();
  }

  /** One entry per instruction: comment lines dropped, continued lines joined. */
  static List<String> instructions(List<String> lines) {
    List<String> instructions = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : lines) {
      String trimmed = line.strip();
      if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.isEmpty())) {
        continue;
      }
      if (trimmed.endsWith("\\")) {
        current.append(trimmed, 0, trimmed.length() - 1).append(' ');
        continue;
      }
      instructions.add(current.append(trimmed).toString().strip());
      current.setLength(0);
    }
    if (!current.isEmpty()) {
      instructions.add(current.toString().strip());
    }
    return instructions;
  }

  private static List<String> finalStage(List<String> instructions) {
    int lastFrom = -1;
    for (int i = 0; i < instructions.size(); i++) {
      if (keyword(instructions.get(i)).equals("FROM")) {
        lastFrom = i;
      }
    }
    return instructions.subList(lastFrom + 1, instructions.size());
  }

  /**
   * The arguments of the last {@code name} instruction, the one that takes effect. Only the exec
   * form is accepted: the shell form runs under /bin/sh, which the distroless base does not have.
   */
  private static List<String> execForm(List<String> instructions, String name) {
    String argument =
        instructions.stream()
            .filter(instruction -> keyword(instruction).equals(name))
            .reduce((first, second) -> second)
            .map(instruction -> instruction.substring(name.length()).strip())
            .orElseThrow(() -> new IllegalStateException("the final stage has no " + name));
    if (!argument.startsWith("[")) {
      throw new IllegalStateException(name + " is not in exec form: " + argument);
    }
    return List.of(JSON.readValue(argument, String[].class));
  }

  private static String keyword(String instruction) {
    return instruction.split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
  }
}
