package com.tanhdev.pullsecret.source;

import java.util.List;
import java.util.stream.Collectors;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Writes new {@code imagePullSecrets} text in the quoting its neighbours use: a file that quotes
 * every string (or is JSON) gets quoted names, a plain file gets plain ones.
 */
record EntryText(String quote) {

  static final String KEY = "imagePullSecrets";

  /** Quotes like {@code like}; block scalars and plain ones are answered with no quotes. */
  static EntryText like(ScalarNode like) {
    if (like == null) {
      return new EntryText("");
    }
    ScalarStyle style = like.getScalarStyle();
    if (style == ScalarStyle.DOUBLE_QUOTED) {
      return new EntryText("\"");
    }
    return new EntryText(style == ScalarStyle.SINGLE_QUOTED ? "'" : "");
  }

  String quoted(String value) {
    return quote + value + quote;
  }

  /** {@code {name: a}}, or {@code {"name": "a"}} in a JSON file. */
  String flowEntry(String secret, EntryText keyStyle) {
    return "{" + keyStyle.quoted("name") + ": " + quoted(secret) + "}";
  }

  String flowList(List<String> secrets, EntryText keyStyle) {
    return secrets.stream()
        .map(secret -> flowEntry(secret, keyStyle))
        .collect(Collectors.joining(", ", "[", "]"));
  }
}
