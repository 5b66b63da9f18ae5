package com.tanhdev.pullsecret.provision;

import java.util.List;
import java.util.Set;

/**
 * The {@code provisioning:} section with the rules' sources: what {@code provision} copies where.
 *
 * @param secrets the rule secrets that have a source, one entry per secret name
 * @param namespaces which namespaces get copies (the release namespace is added at run time)
 * @param adoptExisting take over a same-named dockerconfigjson secret we did not create
 * @param deleteCopiesWithSource delete the copies when the source is deleted, instead of keeping
 *     them and reporting
 * @param leaseName the Lease that elects the one replica that writes
 */
public record ProvisioningSettings(
    List<ProvisionedSecret> secrets,
    NamespaceSelection namespaces,
    boolean adoptExisting,
    boolean deleteCopiesWithSource,
    String leaseName) {

  public static final List<String> DEFAULT_EXCLUDED =
      List.of("kube-system", "kube-public", "kube-node-lease");
  public static final String DEFAULT_LEASE_NAME = "pullsecret-webhook-provisioner";

  public ProvisioningSettings {
    secrets = List.copyOf(secrets);
  }

  /** Nothing to provision: no rule has a source. */
  public static ProvisioningSettings none() {
    return new ProvisioningSettings(
        List.of(),
        new NamespaceSelection(LabelSelector.EVERYTHING, null, Set.copyOf(DEFAULT_EXCLUDED)),
        false,
        false,
        DEFAULT_LEASE_NAME);
  }
}
