package com.tanhdev.pullsecret.provision;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The rule, source and namespaces the planner tests decide about. */
final class PlannerFixture {

  static final SourceRef SOURCE = new SourceRef("infrastructure", "registry-api-tanhdev");
  static final ProvisionedSecret SECRET =
      new ProvisionedSecret("registry-api-tanhdev", SOURCE, Set.of("registry-api.tanhdev.com"));
  static final CopyContent CONTENT =
      new CopyContent("kubernetes.io/dockerconfigjson", Map.of(".dockerconfigjson", "e30="));
  static final SourceState VALID = SourceState.valid(CONTENT);
  static final NamespaceState AUTH_DEV = new NamespaceState("auth-dev", Map.of(), false);

  /** The platform team's selection: {@code {service}-{env}} names, the release namespace out. */
  static final NamespaceSelection DEV_AND_PRODUCTION =
      new NamespaceSelection(
              LabelSelector.EVERYTHING,
              Pattern.compile(".*-(dev|production)"),
              Set.of("kube-system"))
          .excluding("pullsecret-system");

  private PlannerFixture() {}

  /** A secret in auth-dev under the rule's name that the provisioner did not make. */
  static ObservedCopy handMade(String type) {
    return new ObservedCopy(
        "auth-dev",
        "uid-2",
        "9",
        type,
        false,
        null,
        null,
        CopyContent.hashOf(type, Map.of()),
        false,
        List.of());
  }
}
