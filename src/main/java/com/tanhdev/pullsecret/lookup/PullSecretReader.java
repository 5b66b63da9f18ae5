package com.tanhdev.pullsecret.lookup;

import io.fabric8.kubernetes.api.model.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a Secret into {@link SecretFacts}, parsing {@code .dockerconfigjson} as strictly as the
 * kubelet does: a config the kubelet rejects (an {@code auths} that is not an object, an {@code
 * auth} that is not base64 of {@code user:password}) makes it ignore the whole secret. The reasons
 * it gives are fixed sentences: a parser's message could quote the credential.
 */
public final class PullSecretReader {

  private static final String KEY = ".dockerconfigjson";

  private final JsonMapper json;

  public PullSecretReader(JsonMapper json) {
    this.json = json;
  }

  /** Reads the facts that matter for {@code registries}, the rules' registries for this name. */
  public SecretFacts read(Secret secret, Set<String> registries) {
    // The API server defaults an absent type to Opaque.
    String type = secret.getType() == null ? "Opaque" : secret.getType();
    if (!SecretFacts.DOCKER_CONFIG_JSON.equals(type)) {
      return new SecretFacts(type, null, Set.of());
    }
    // Facts live as long as the secret is cached, one per namespace: share the common type
    // string instead of keeping each secret's own copy.
    type = SecretFacts.DOCKER_CONFIG_JSON;
    Map<String, String> data = secret.getData();
    String encoded = data == null ? null : data.get(KEY);
    if (encoded == null) {
      return new SecretFacts(type, "it has no " + KEY + " key", Set.of());
    }
    JsonNode config;
    try {
      config = json.readTree(Base64.getDecoder().decode(encoded));
    } catch (IllegalArgumentException | JacksonException e) {
      return new SecretFacts(type, "it is not JSON", Set.of());
    }
    if (!config.isObject()) {
      return new SecretFacts(type, "it is not a JSON object", Set.of());
    }
    JsonNode auths = config.path("auths");
    if (auths.isMissingNode() || auths.isNull()) {
      return new SecretFacts(type, null, Set.of());
    }
    if (!auths.isObject()) {
      return new SecretFacts(type, "its auths is not an object", Set.of());
    }
    Set<String> covered = new LinkedHashSet<>();
    for (Map.Entry<String, JsonNode> entry : auths.properties()) {
      String problem = entryProblem(entry.getValue());
      if (problem != null) {
        return new SecretFacts(type, "the entry for " + entry.getKey() + " " + problem, Set.of());
      }
      RegistryKey key = RegistryKey.parse(entry.getKey());
      registries.stream().filter(key::matches).forEach(covered::add);
    }
    return new SecretFacts(type, null, covered);
  }

  private static String entryProblem(JsonNode entry) {
    if (!entry.isObject()) {
      return "is not an object";
    }
    JsonNode auth = entry.path("auth");
    if (auth.isMissingNode()
        || auth.isNull()
        || (auth.isString() && auth.stringValue().isEmpty())) {
      return null;
    }
    if (!auth.isString()) {
      return "has an auth that is not a string";
    }
    try {
      String decoded =
          new String(Base64.getDecoder().decode(auth.stringValue()), StandardCharsets.UTF_8);
      return decoded.indexOf(':') < 0 ? "has an auth that is not base64 of user:password" : null;
    } catch (IllegalArgumentException e) {
      return "has an auth that is not base64 of user:password";
    }
  }
}
