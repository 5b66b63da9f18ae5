package com.tanhdev.pullsecret.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Parses a list of namespace names, which are DNS-1123 labels. */
final class NamespaceNames {

  private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

  static boolean isName(String name) {
    return LABEL.matcher(name).matches();
  }

  List<String> parse(ConfigNode top, String key) {
    List<String> names = new ArrayList<>();
    for (String name : top.strings(key)) {
      if (LABEL.matcher(name).matches()) {
        names.add(name);
      } else {
        top.problem(key, "must list namespace names (DNS labels), got \"" + name + "\"");
      }
    }
    return names;
  }
}
