package com.tanhdev.pullsecret.admission;

import com.tanhdev.pullsecret.config.ConfigLoader;
import com.tanhdev.pullsecret.lookup.LookupResult;
import com.tanhdev.pullsecret.lookup.SecretLookup;
import com.tanhdev.pullsecret.policy.PolicySettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

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
    Set<String> present = new HashSet<>();
    if (!Files.exists(file)) {
      present.add("auth-dev/registry-api-tanhdev");
    } else {
      for (String line : Files.readAllLines(file)) {
        if (!line.isBlank()) {
          present.add(line.trim());
        }
      }
    }
    boolean failing = present.contains("error");
    return new SecretLookup() {
      @Override
      public LookupResult find(String namespace, String secretName) {
        if (failing) {
          return LookupResult.ERROR;
        }
        return present.contains(namespace + "/" + secretName)
            ? LookupResult.CACHE_HIT
            : LookupResult.MISS;
      }

      @Override
      public boolean isSynced() {
        return true;
      }
    };
  }
}
