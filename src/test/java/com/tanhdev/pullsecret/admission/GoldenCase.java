package com.tanhdev.pullsecret.admission;

import com.tanhdev.pullsecret.config.ConfigLoader;
import com.tanhdev.pullsecret.lookup.FakeSecretLookup;
import com.tanhdev.pullsecret.lookup.PullSecretReader;
import com.tanhdev.pullsecret.lookup.SecretFacts;
import com.tanhdev.pullsecret.lookup.SecretLookup;
import com.tanhdev.pullsecret.policy.PolicySettings;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;

/**
 * One folder under {@code golden/}: a request, its expected answer, optional config and secrets.
 */
record GoldenCase(Path folder) {

  String name() {
    return folder.getFileName().toString();
  }

  byte[] request() throws IOException {
    return Files.readAllBytes(folder.resolve("request.json"));
  }

  Path expected() {
    return folder.resolve("expected.json");
  }

  PolicySettings policy() throws IOException {
    Path config = folder.resolve("config.yaml");
    ConfigLoader loader = new ConfigLoader();
    return Files.exists(config)
        ? loader.load(config, Map.of()).policy()
        : loader.loadEmbedded(Map.of()).policy();
  }

  /**
   * The secrets that exist for this case, as a lookup. A line may name a Secret manifest in the
   * folder after the secret ({@code auth-dev/registry-api-tanhdev opaque-secret.yaml}); its content
   * is then read as the webhook reads it, for the registries the rules pair with it.
   */
  SecretLookup secrets() throws IOException {
    Path file = folder.resolve("secrets.txt");
    List<String> lines =
        Files.exists(file) ? Files.readAllLines(file) : List.of("auth-dev/registry-api-tanhdev");
    Map<String, Set<String>> registries = policy().registriesBySecret();
    FakeSecretLookup lookup = new FakeSecretLookup();
    for (String line : lines) {
      String[] fields = line.trim().split("\\s+");
      String entry = fields[0];
      if (entry.equals("error")) {
        lookup.failing();
      } else if (!entry.isEmpty()) {
        String[] parts = entry.split("/", 2);
        SecretFacts facts =
            fields.length > 1
                ? READER.read(
                    storedSecret(folder.resolve(fields[1])),
                    registries.getOrDefault(parts[1], Set.of()))
                : null;
        lookup.present(parts[0], parts[1], facts);
      }
    }
    return lookup;
  }

  /** The Secret as the API server stores it: stringData moved into base64 data. */
  private static Secret storedSecret(Path manifest) throws IOException {
    Secret secret =
        new KubernetesSerialization().unmarshal(Files.readString(manifest), Secret.class);
    Map<String, String> data = new HashMap<>();
    if (secret.getData() != null) {
      data.putAll(secret.getData());
    }
    if (secret.getStringData() != null) {
      secret
          .getStringData()
          .forEach(
              (key, value) ->
                  data.put(
                      key,
                      Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8))));
    }
    secret.setData(data);
    secret.setStringData(null);
    return secret;
  }

  private static final PullSecretReader READER = new PullSecretReader(JsonMapper.builder().build());
}
