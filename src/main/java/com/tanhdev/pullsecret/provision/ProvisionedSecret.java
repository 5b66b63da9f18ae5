package com.tanhdev.pullsecret.provision;

import java.util.Set;

/**
 * One rule secret that the provisioner copies into the selected namespaces.
 *
 * @param secret the copies' name, the rules' {@code secret}
 * @param source where the copies come from
 * @param registries every registry the rules pair with this secret; the source must hold
 *     credentials for each, or it is not copied
 */
public record ProvisionedSecret(String secret, SourceRef source, Set<String> registries) {

  public ProvisionedSecret {
    registries = Set.copyOf(registries);
  }
}
