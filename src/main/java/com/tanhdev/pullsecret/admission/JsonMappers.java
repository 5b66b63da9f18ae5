package com.tanhdev.pullsecret.admission;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.json.JsonMapper;

/** Builds the one JSON mapper the process uses; it is created once and passed around. */
public final class JsonMappers {

  private JsonMappers() {}

  /**
   * A mapper that rejects duplicate keys: the API server's decoder would take the last one, and a
   * webhook that reads the first could be tricked into patching what the server will not store.
   */
  public static JsonMapper strict() {
    return JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
  }
}
