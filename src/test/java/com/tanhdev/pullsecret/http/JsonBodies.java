package com.tanhdev.pullsecret.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.tanhdev.pullsecret.admission.JsonMappers;
import tools.jackson.databind.json.JsonMapper;

/** Answers compared whole: the body is the contract, so tests compare JSON trees, not fragments. */
final class JsonBodies {

  private static final JsonMapper MAPPER = JsonMappers.strict();

  private JsonBodies() {}

  /** Both texts parse to the same JSON tree: member order and spacing aside, equal. */
  static void assertJson(String actual, String expected) {
    assertThat(MAPPER.readTree(actual)).isEqualTo(MAPPER.readTree(expected));
  }

  /** The transport's error body. */
  static String error(int code, String message) {
    return MAPPER.createObjectNode().put("code", code).put("error", message).toString();
  }
}
