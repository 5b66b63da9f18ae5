package com.tanhdev.pullsecret.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How enum constants are spelled in config files: {@code SELF_MANAGED} is {@code selfManaged}. */
final class ConfigNames {

  private ConfigNames() {}

  static String wireName(Enum<?> constant) {
    String[] words = constant.name().toLowerCase(Locale.ROOT).split("_");
    StringBuilder name = new StringBuilder(words[0]);
    for (int i = 1; i < words.length; i++) {
      name.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
    }
    return name.toString();
  }

  static <E extends Enum<E>> String wireNames(Class<E> type) {
    List<String> names = new ArrayList<>();
    for (E constant : type.getEnumConstants()) {
      names.add(wireName(constant));
    }
    return String.join(", ", names);
  }
}
