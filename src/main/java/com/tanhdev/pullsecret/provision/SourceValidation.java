package com.tanhdev.pullsecret.provision;

import com.tanhdev.pullsecret.lookup.PullSecretReader;
import com.tanhdev.pullsecret.lookup.SecretFacts;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.Optional;

/**
 * Judges a source as the webhook judges a pull secret (the same reader): of type {@code
 * kubernetes.io/dockerconfigjson}, a {@code .dockerconfigjson} the kubelet can read, and
 * credentials for every registry the rules pair with the secret. A bad source is never copied.
 */
public final class SourceValidation {

  private final PullSecretReader reader;

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
