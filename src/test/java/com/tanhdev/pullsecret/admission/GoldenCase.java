package com.tanhdev.pullsecret.admission;

import com.tanhdev.pullsecret.config.ConfigLoader;
import com.tanhdev.pullsecret.lookup.FakeSecretLookup;
import com.tanhdev.pullsecret.lookup.SecretLookup;
import com.tanhdev.pullsecret.policy.PolicySettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

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

  /** The secrets that exist for this case, as a lookup. */
  SecretLookup secrets() throws IOException {
    Path file = folder.resolve("secrets.txt");
    List<String> lines =
        Files.exists(file) ? Files.readAllLines(file) : List.of("auth-dev/registry-api-tanhdev");
    FakeSecretLookup lookup = new FakeSecretLookup();
    for (String line : lines) {
      String entry = line.trim();
      if (entry.equals("error")) {
        lookup.failing();
      } else if (!entry.isEmpty()) {
        String[] parts = entry.split("/", 2);
        lookup.present(parts[0], parts[1]);
      }
    }
    return lookup;
  }
}
