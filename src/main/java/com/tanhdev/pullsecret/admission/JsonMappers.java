package com.tanhdev.pullsecret.admission;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;
import tools.jackson.databind.json.JsonMapper;

/** Builds the one JSON mapper the process uses; it is created once and passed around. */
public final class JsonMappers {

  /** Parser buffers kept for reuse: about one per review decided at once. */
  private static final int POOLED_PARSER_BUFFERS = 64;

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
   * that no request budget accounts for; a review's names are few and short to decode anyway. For
   * the same reason the parsers' buffers are pooled up to a bound: Jackson's default pool keeps
   * every buffer ever given back, and a parser lives as long as its body takes to arrive, so an
   * overload with hundreds of reviews in progress at once (up to the connection limit) left their
   * buffers, about 13 KiB each, held for good (18 MiB after a 4,000/s burst, and a heap exhausted).
   */
  static JsonFactory reviewTokens() {
    return JsonFactory.builder()
        .disable(TokenStreamFactory.Feature.CANONICALIZE_PROPERTY_NAMES)
        .recyclerPool(JsonRecyclerPools.newBoundedPool(POOLED_PARSER_BUFFERS))
        .build();
  }
}
