package com.tanhdev.pullsecret.policy;

import com.tanhdev.pullsecret.imageref.ImageReference;
import com.tanhdev.pullsecret.imageref.RegistryHost;

/**
 * Maps a registry ({@code host[:port]}) to the dockerconfigjson secret that pulls from it.
 *
 * @param registry lower-case host with optional port, as {@link ImageReference#registry()} gives it
 * @param secret the Secret's name in the workload's namespace
 */
public record RegistryRule(String registry, String secret) {

  public RegistryRule {
    registry = RegistryHost.normalise(registry);
  }

  /** True when the image is pulled from exactly this registry (never by prefix). */
  public boolean matches(ImageReference image) {
    return image.isOnRegistry(registry);
  }
}
