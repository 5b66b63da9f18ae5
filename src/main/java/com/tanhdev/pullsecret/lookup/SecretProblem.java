package com.tanhdev.pullsecret.lookup;

import java.util.Locale;

/**
 * Why a secret that exists still cannot pull from a registry. {@link #label()} is the name that
 * metrics and {@code audit} findings use.
 */
public enum SecretProblem {
  /** Not of type {@code kubernetes.io/dockerconfigjson}: the kubelet does not read it as such. */
  WRONG_TYPE,
  /** Its {@code .dockerconfigjson} is missing or does not parse the way the kubelet parses it. */
  UNPARSABLE,
  /** It parses, but no {@code auths} key matches the registry. */
  LACKS_REGISTRY;

  public String label() {
    return "secret-" + name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
