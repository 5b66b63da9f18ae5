package com.tanhdev.pullsecret.provision;

import static com.tanhdev.pullsecret.provision.PlannerFixture.AUTH_DEV;
import static com.tanhdev.pullsecret.provision.PlannerFixture.CONTENT;
import static com.tanhdev.pullsecret.provision.PlannerFixture.DEV_AND_PRODUCTION;
import static com.tanhdev.pullsecret.provision.PlannerFixture.SECRET;
import static com.tanhdev.pullsecret.provision.PlannerFixture.SOURCE;
import static com.tanhdev.pullsecret.provision.PlannerFixture.VALID;
import static com.tanhdev.pullsecret.provision.PlannerFixture.handMade;
import static org.assertj.core.api.Assertions.assertThat;

import com.tanhdev.pullsecret.provision.CopyPlan.Action;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The planner against secrets that others made, altered or dressed up as ours: a secret is ours
 * only by its whole marker, and what the API server cannot update is made again.
 */
class CopyPlannerTamperingTest {

  private final CopyPlanner planner =
      new CopyPlanner(DEV_AND_PRODUCTION, Set.of(SOURCE), false, false);

  @Test
  void our_copy_replaced_by_one_of_another_type_is_deleted_to_be_made_again() {
    ObservedCopy opaque =
        new ObservedCopy(
            "auth-dev",
            "uid-4",
            "12",
            "Opaque",
            true,
            SOURCE.toString(),
            CONTENT.hash(),
            "x",
            false,
            List.of());

    CopyPlan plan = planner.plan(SECRET, AUTH_DEV, VALID, opaque);

    assertThat(plan.action()).isEqualTo(Action.DELETE);
    assertThat(plan.state()).isEqualTo(CopyState.OUT_OF_SYNC);
    assertThat(planner.plan(SECRET, AUTH_DEV, VALID, null).action()).isEqualTo(Action.CREATE);
  }

  @Test
  void an_immutable_copy_of_ours_is_remade_when_stale_and_an_immutable_stranger_is_not_adopted() {
    ObservedCopy frozen =
        new ObservedCopy(
            "auth-dev",
            "uid-5",
            "13",
            "kubernetes.io/dockerconfigjson",
            true,
            SOURCE.toString(),
            "sha256:old",
            "sha256:old",
            true,
            List.of());
    ObservedCopy frozenStranger =
        new ObservedCopy(
            "auth-dev",
            "uid-6",
            "14",
            "kubernetes.io/dockerconfigjson",
            false,
            null,
            null,
            "sha256:theirs",
            true,
            List.of());

    assertThat(planner.plan(SECRET, AUTH_DEV, VALID, frozen).action()).isEqualTo(Action.DELETE);
    CopyPlan stranger =
        new CopyPlanner(DEV_AND_PRODUCTION, Set.of(SOURCE), true, false)
            .plan(SECRET, AUTH_DEV, VALID, frozenStranger);
    assertThat(stranger.action()).isEqualTo(Action.NOTHING);
    assertThat(stranger.state()).isEqualTo(CopyState.CONFLICTED);
  }

  private static ObservedCopy labelled(String sourceAnnotation, String hashAnnotation) {
    return new ObservedCopy(
        "auth-dev",
        "uid-3",
        "11",
        "kubernetes.io/dockerconfigjson",
        true,
        sourceAnnotation,
        hashAnnotation,
        CONTENT.hash(),
        false,
        List.of());
  }

  @Test
  void our_label_alone_or_a_marker_naming_another_source_does_not_make_a_secret_ours() {
    NamespaceState staging = new NamespaceState("auth-staging", Map.of(), false);
    List<ObservedCopy> notOurs =
        List.of(
            labelled(null, null),
            labelled(SOURCE.toString(), null),
            labelled(null, CONTENT.hash()),
            labelled("platform-secrets/registry-api-tanhdev", "sha256:old"));

    for (ObservedCopy copy : notOurs) {
      CopyPlan selected = planner.plan(SECRET, AUTH_DEV, VALID, copy);
      assertThat(selected.action()).as(copy.toString()).isEqualTo(Action.NOTHING);
      assertThat(selected.state()).as(copy.toString()).isEqualTo(CopyState.CONFLICTED);
      assertThat(selected.reason()).contains("labelled as pullsecret-webhook's but not marked");
      assertThat(planner.plan(SECRET, staging, VALID, copy).action())
          .as(copy.toString())
          .isEqualTo(Action.NOTHING);
      assertThat(
              new CopyPlanner(DEV_AND_PRODUCTION, Set.of(SOURCE), false, true)
                  .plan(SECRET, AUTH_DEV, SourceState.missing(SOURCE), copy)
                  .action())
          .as(copy.toString())
          .isEqualTo(Action.NOTHING);
      assertThat(
              new CopyPlanner(DEV_AND_PRODUCTION, Set.of(SOURCE), true, false)
                  .plan(SECRET, AUTH_DEV, VALID, copy)
                  .action())
          .as(copy.toString())
          .isEqualTo(Action.ADOPT);
    }
  }

  @Test
  void another_rules_source_of_the_same_name_is_never_adopted_or_deleted() {
    SourceRef mirrorSource = new SourceRef("platform-secrets", SECRET.secret());
    CopyPlanner adoptingAndDeleting =
        new CopyPlanner(DEV_AND_PRODUCTION, Set.of(SOURCE, mirrorSource), true, true);
    NamespaceState platformDev = new NamespaceState("platform-secrets", Map.of(), false);
    NamespaceSelection everything =
        new NamespaceSelection(LabelSelector.EVERYTHING, null, Set.of());
    CopyPlanner everywhere = new CopyPlanner(everything, Set.of(SOURCE, mirrorSource), true, true);

    for (CopyPlanner planner : List.of(adoptingAndDeleting, everywhere)) {
      for (SourceState source : List.of(VALID, SourceState.missing(SOURCE))) {
        CopyPlan plan =
            planner.plan(SECRET, platformDev, source, handMade("kubernetes.io/dockerconfigjson"));
        assertThat(plan.action()).isEqualTo(Action.NOTHING);
        assertThat(plan.reason()).isEqualTo("the secret there is another rule's source");
      }
    }
  }
}
