package com.tanhdev.pullsecret.check;

import java.util.Optional;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;

/**
 * Words a parse error as one line that names the place, for CI logs. The YAML parser's own message
 * spans several lines and calls the file "reader".
 */
final class SyntaxErrorMessage {

  private SyntaxErrorMessage() {}

  static String of(String file, JacksonException e) {
    if (e.getCause() instanceof MarkedYamlEngineException yaml) {
      String context =
          yaml.getContext() == null
              ? ""
              : " ("
                  + yaml.getContext()
                  + where(yaml.getContextMark()).map(at -> " at " + at).orElse("")
                  + ")";
      return file
          + ": "
          + where(yaml.getProblemMark()).map(at -> at + ": ").orElse("")
          + "not valid YAML: "
          + yaml.getProblem()
          + context;
    }
    TokenStreamLocation location = e.getLocation();
    String at =
        location == null || location.getLineNr() < 1
            ? ""
            : "line " + location.getLineNr() + ", column " + location.getColumnNr() + ": ";
    return file + ": " + at + "not valid YAML: " + e.getOriginalMessage();
  }

  private static Optional<String> where(Optional<Mark> mark) {
    return mark.map(m -> "line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1));
  }
}
