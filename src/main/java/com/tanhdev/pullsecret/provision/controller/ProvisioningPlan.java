package com.tanhdev.pullsecret.provision.controller;

import com.tanhdev.pullsecret.provision.CopyPlanner;
import com.tanhdev.pullsecret.provision.ProvisionedSecret;
import com.tanhdev.pullsecret.provision.ProvisioningSettings;
import com.tanhdev.pullsecret.provision.SourceRef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings in the form the workers use, swapped whole on a config reload so a reconcile never
 * sees half of an old config and half of a new one.
 */
record ProvisioningPlan(Map<String, ProvisionedSecret> secrets, CopyPlanner planner) {

  static ProvisioningPlan of(ProvisioningSettings settings, String releaseNamespace) {
    Map<String, ProvisionedSecret> bySecret = new LinkedHashMap<>();
    settings.secrets().forEach(secret -> bySecret.put(secret.secret(), secret));
    return new ProvisioningPlan(
        Map.copyOf(bySecret),
        new CopyPlanner(
            settings.namespaces().excluding(releaseNamespace),
            settings.secrets().stream()
                .map(ProvisionedSecret::source)
                .collect(java.util.stream.Collectors.toSet()),
            settings.adoptExisting(),
            settings.deleteCopiesWithSource()));
  }

  List<ProvisionedSecret> withSource(SourceRef source) {
    return secrets.values().stream().filter(s -> s.source().equals(source)).toList();
  }
}
