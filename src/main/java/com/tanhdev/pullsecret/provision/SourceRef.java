package com.tanhdev.pullsecret.provision;

/**
 * The Secret that copies are made of, written {@code namespace/name} in the config.
 *
 * @param namespace the source's namespace, which itself never gets a copy
 * @param name the source Secret's name
 */
public record SourceRef(String namespace, String name) {

  @Override
  public String toString() {
    return namespace + "/" + name;
  }
}
