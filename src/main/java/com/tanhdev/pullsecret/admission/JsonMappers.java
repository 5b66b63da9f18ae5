package com.tanhdev.pullsecret.admission;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.json.JsonFactory;
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

  /**
   * The token factory for admission reviews read by {@link ReviewDecoder}. Property names are not
   * canonicalised: the shared symbol table would keep every distinct name a client sends, memory
   * that no request budget accounts for; a review's names are few and short to decode anyway.
   */
  static JsonFactory reviewTokens() {
    return JsonFactory.builder()
        .disable(TokenStreamFactory.Feature.CANONICALIZE_PROPERTY_NAMES)
        .build();
  }
}
