package com.tanhdev.pullsecret.provision;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a copy carries of its source: the type and the data, nothing else. {@link #toString()} never
 * shows the data, so a log line or an exception message cannot leak it.
 */
public final class CopyContent {

  private final String type;
  private final Map<String, String> data;
  private final String hash;

  /**
   * @param data the Secret's {@code data}, base64 values as the API returns them
   */
  public CopyContent(String type, Map<String, String> data) {
    this.type = type == null ? "Opaque" : type;
    this.data = data == null ? Map.of() : Map.copyOf(data);
    this.hash = hashOf(this.type, this.data);
  }

  public String type() {
    return type;
  }

  public Map<String, String> data() {
    return data;
  }

  /**
   * {@code sha256:<hex>} of the type and the data in key order: equal content, equal hash, however
   * the API server orders the keys.
   */
  public String hash() {
    return hash;
  }

  /** The hash of what a Secret holds, for comparing a copy with its source without keeping it. */
  public static String hashOf(String type, Map<String, String> data) {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
    update(digest, type == null ? "Opaque" : type);
    new TreeMap<>(data == null ? Map.<String, String>of() : data)
        .forEach(
            (key, value) -> {
              update(digest, key);
              update(digest, value == null ? "" : value);
            });
    return "sha256:" + HexFormat.of().formatHex(digest.digest());
  }

  // Each part is length-prefixed, so no two different contents hash the same text.
  private static void update(MessageDigest digest, String part) {
    byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
    digest.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
    digest.update(bytes);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CopyContent that && hash.equals(that.hash);
  }

  @Override
  public int hashCode() {
    return hash.hashCode();
  }

  @Override
  public String toString() {
    return "CopyContent{type=" + type + ", keys=" + data.keySet() + ", " + hash + "}";
  }
}
