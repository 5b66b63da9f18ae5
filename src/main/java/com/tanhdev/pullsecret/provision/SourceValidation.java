package com.tanhdev.pullsecret.provision;

import com.tanhdev.pullsecret.lookup.PullSecretReader;
import com.tanhdev.pullsecret.lookup.SecretFacts;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Judges a source as the webhook judges a pull secret (the same reader): of type {@code
 * kubernetes.io/dockerconfigjson}, a {@code .dockerconfigjson} the kubelet can read, and
 * credentials for every registry the rules pair with the secret. A bad source is never copied.
 */
public final class SourceValidation {

  private final PullSecretReader reader;
  private final Map<String, Judged> lastJudged = new ConcurrentHashMap<>();

  /** A verdict, valid while the source keeps this resource version and the rule its registries. */
  private record Judged(String resourceVersion, ProvisionedSecret secret, SourceState state) {}

  public SourceValidation(PullSecretReader reader) {
    this.reader = reader;
  }

  /**
   * @param source the source Secret, or null when it does not exist
   */
  public SourceState judge(ProvisionedSecret secret, Secret source) {
    if (source == null) {
      return SourceState.missing(secret.source());
    }
    // A rotation queues every namespace: the source is read once, not once per namespace.
    String version = source.getMetadata().getResourceVersion();
    Judged last = lastJudged.get(secret.secret());
    if (last != null && last.secret().equals(secret) && last.resourceVersion().equals(version)) {
      return last.state();
    }
    SourceState state = read(secret, source);
    if (version != null) {
      lastJudged.put(secret.secret(), new Judged(version, secret, state));
    }
    return state;
  }

  private SourceState read(ProvisionedSecret secret, Secret source) {
    SecretFacts facts = reader.read(source, secret.registries());
    for (String registry : secret.registries().stream().sorted().toList()) {
      Optional<String> problem = facts.describeProblemFor(registry);
      if (problem.isPresent()) {
        return SourceState.invalid("source secret " + secret.source() + " " + problem.get());
      }
    }
    return SourceState.valid(new CopyContent(source.getType(), source.getData()));
  }
}
