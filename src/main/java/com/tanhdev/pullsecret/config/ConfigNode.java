package com.tanhdev.pullsecret.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * A cursor over one level of a YAML config tree that knows its own key path, so every problem is
 * reported as {@code rules[1].secret: ...}. Problems are collected, not thrown, so one run of the
 * validator reports every bad key at once.
 */
final class ConfigNode {

  private final JsonNode node;
  private final String path;
  private final List<String> problems;

  ConfigNode(JsonNode node, String path, List<String> problems) {
    this.node = node;
    this.path = path;
    this.problems = problems;
  }

  /** Reports keys the schema does not know: a typo must not be silently ignored. */
  void rejectUnknownKeys(Set<String> known) {
    for (String key : node.propertyNames()) {
      if (!known.contains(key)) {
        problems.add(at(key) + ": unknown key (known keys: " + String.join(", ", known) + ")");
      }
    }
  }

  boolean has(String key) {
    JsonNode value = node.get(key);
    return value != null && !value.isNull();
  }

  String string(String key, String fallback) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return fallback;
    }
    if (!value.isValueNode() || value.isBoolean()) {
      problems.add(at(key) + ": must be a string");
      return fallback;
    }
    return value.asString();
  }

  int integer(String key, int fallback, int min, int max) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return fallback;
    }
    if (!value.isIntegralNumber() || value.asLong() < min || value.asLong() > max) {
      problems.add(at(key) + ": must be a whole number from " + min + " to " + max);
      return fallback;
    }
    return value.asInt();
  }

  boolean bool(String key, boolean fallback) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return fallback;
    }
    if (!value.isBoolean()) {
      problems.add(at(key) + ": must be true or false");
      return fallback;
    }
    return value.asBoolean();
  }

  <E extends Enum<E>> E choice(String key, E fallback, Class<E> type) {
    String text = string(key, null);
    if (text == null) {
      return fallback;
    }
    for (E constant : type.getEnumConstants()) {
      if (ConfigNames.wireName(constant).equals(text)) {
        return constant;
      }
    }
    problems.add(
        at(key) + ": must be one of " + ConfigNames.wireNames(type) + ", got \"" + text + "\"");
    return fallback;
  }

  /** The child object at {@code key}, or null (with a problem) when it is not an object. */
  ConfigNode object(String key) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isObject()) {
      problems.add(at(key) + ": must be a mapping");
      return null;
    }
    return new ConfigNode(value, at(key), problems);
  }

  /** Like {@link #object} but an absent key reads as an empty mapping, so defaults apply. */
  ConfigNode objectOrEmpty(String key) {
    ConfigNode child = object(key);
    return child != null
        ? child
        : new ConfigNode(JsonNodeFactory.instance.objectNode(), at(key), problems);
  }

  /** Visits each element of the list at {@code key} as an object. */
  void eachObject(String key, Consumer<ConfigNode> visitor) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return;
    }
    if (!value.isArray()) {
      problems.add(at(key) + ": must be a list");
      return;
    }
    for (int i = 0; i < value.size(); i++) {
      String elementPath = at(key) + "[" + i + "]";
      if (value.get(i).isObject()) {
        visitor.accept(new ConfigNode(value.get(i), elementPath, problems));
      } else {
        problems.add(elementPath + ": must be a mapping");
      }
    }
  }

  /** The string elements of the list at {@code key}, as written. */
  List<String> strings(String key) {
    List<String> result = new ArrayList<>();
    JsonNode value = node.get(key);
    if (value == null || !value.isArray()) {
      problems.add(at(key) + ": must be a list of strings");
      return result;
    }
    value.forEach(element -> result.add(element.asString()));
    return result;
  }

  /** Where this node is in the file: {@code rules[1]}. */
  String path() {
    return path;
  }

  Iterable<String> keys() {
    return node.propertyNames();
  }

  void problem(String key, String message) {
    problems.add(at(key) + ": " + message);
  }

  private String at(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }
}
