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

class CopyPlannerTest {

  private final CopyPlanner planner =
      new CopyPlanner(DEV_AND_PRODUCTION, Set.of(SOURCE), false, false);

  private static ObservedCopy ours(String hashAnnotation, String contentHash) {
    return new ObservedCopy(
        "auth-dev",
        "uid-1",
        "7",
        "kubernetes.io/dockerconfigjson",
        true,
        SOURCE.toString(),
        hashAnnotation,
        contentHash,
        false,
        List.of());
  }

  @Test
  void a_selected_namespace_without_a_copy_gets_one() {
    assertThat(planner.plan(SECRET, AUTH_DEV, VALID, null).action()).isEqualTo(Action.CREATE);
  }

  @Test
  void a_copy_that_matches_the_source_is_left_as_it_is() {
    CopyPlan plan = planner.plan(SECRET, AUTH_DEV, VALID, ours(CONTENT.hash(), CONTENT.hash()));

    assertThat(plan.action()).isEqualTo(Action.NOTHING);
    assertThat(plan.state()).isEqualTo(CopyState.IN_SYNC);
  }

  @Test
  void a_rotated_source_updates_the_copy() {
    CopyPlan plan = planner.plan(SECRET, AUTH_DEV, VALID, ours("sha256:old", "sha256:old"));

    assertThat(plan.action()).isEqualTo(Action.UPDATE);
    assertThat(plan.reason()).isEqualTo("the source changed");
  }

  @Test
  void a_hand_edited_copy_is_repaired_even_though_its_hash_annotation_is_current() {
    CopyPlan plan = planner.plan(SECRET, AUTH_DEV, VALID, ours(CONTENT.hash(), "sha256:edited"));

    assertThat(plan.action()).isEqualTo(Action.UPDATE);
    assertThat(plan.reason()).isEqualTo("the copy was edited");
  }

  @Test
  void a_same_named_secret_we_did_not_create_is_a_conflict_and_left_alone() {
    CopyPlan plan =
        planner.plan(SECRET, AUTH_DEV, VALID, handMade("kubernetes.io/dockerconfigjson"));

    assertThat(plan.action()).isEqualTo(Action.NOTHING);
    assertThat(plan.state()).isEqualTo(CopyState.CONFLICTED);
  }

  @Test
  void adopt_existing_takes_over_only_dockerconfigjson_secrets() {
    CopyPlanner adopting = new CopyPlanner(DEV_AND_PRODUCTION, Set.of(SOURCE), true, false);

    assertThat(
            adopting
                .plan(SECRET, AUTH_DEV, VALID, handMade("kubernetes.io/dockerconfigjson"))
                .action())
        .isEqualTo(Action.ADOPT);
    CopyPlan opaque = adopting.plan(SECRET, AUTH_DEV, VALID, handMade("Opaque"));
    assertThat(opaque.action()).isEqualTo(Action.NOTHING);
    assertThat(opaque.state()).isEqualTo(CopyState.CONFLICTED);
  }

  @Test
  void a_namespace_that_stops_matching_loses_only_our_copy() {
    NamespaceState staging = new NamespaceState("auth-staging", Map.of(), false);

    assertThat(planner.plan(SECRET, staging, VALID, ours("x", "x")).action())
        .isEqualTo(Action.DELETE);
    assertThat(planner.plan(SECRET, staging, VALID, handMade("Opaque")).action())
        .isEqualTo(Action.NOTHING);
  }

  @Test
  void terminating_absent_excluded_and_source_namespaces_are_never_written() {
    List<NamespaceState> untouchable =
        List.of(
            new NamespaceState("auth-dev", Map.of(), true),
            new NamespaceState("infrastructure", Map.of(), false),
            new NamespaceState("pullsecret-system", Map.of(), false),
            new NamespaceState("kube-system", Map.of(), false));
    for (NamespaceState namespace : untouchable) {
      CopyPlan plan = planner.plan(SECRET, namespace, VALID, null);
      assertThat(plan.action()).as(namespace.name()).isEqualTo(Action.NOTHING);
      assertThat(plan.state()).as(namespace.name()).isEqualTo(CopyState.NOT_SELECTED);
    }
    assertThat(planner.plan(SECRET, null, VALID, null).action()).isEqualTo(Action.NOTHING);
  }

  @Test
  void the_source_itself_is_never_deleted_even_when_it_carries_our_marker() {
    NamespaceState infrastructure = new NamespaceState("infrastructure", Map.of(), false);

    assertThat(planner.plan(SECRET, infrastructure, VALID, ours("x", "x")).action())
        .isEqualTo(Action.NOTHING);
  }

  @Test
  void a_missing_or_invalid_source_keeps_existing_copies_and_makes_no_new_ones() {
    SourceState missing = SourceState.missing(SOURCE);
    SourceState invalid = SourceState.invalid("source secret x is of type Opaque");

    for (SourceState source : List.of(missing, invalid)) {
      assertThat(planner.plan(SECRET, AUTH_DEV, source, null).action()).isEqualTo(Action.NOTHING);
      CopyPlan kept = planner.plan(SECRET, AUTH_DEV, source, ours("x", "x"));
      assertThat(kept.action()).isEqualTo(Action.NOTHING);
      assertThat(kept.state()).isEqualTo(CopyState.SOURCE_PROBLEM);
      assertThat(kept.reason()).endsWith("; the copy is kept");
    }
  }

  @Test
  void delete_copies_with_source_deletes_only_our_copies_and_only_when_the_source_is_gone() {
    CopyPlanner deleting = new CopyPlanner(DEV_AND_PRODUCTION, Set.of(SOURCE), false, true);

    assertThat(
            deleting.plan(SECRET, AUTH_DEV, SourceState.missing(SOURCE), ours("x", "x")).action())
        .isEqualTo(Action.DELETE);
    assertThat(
            deleting
                .plan(SECRET, AUTH_DEV, SourceState.missing(SOURCE), handMade("Opaque"))
                .action())
        .isEqualTo(Action.NOTHING);
    assertThat(deleting.plan(SECRET, AUTH_DEV, SourceState.invalid("bad"), ours("x", "x")).action())
        .isEqualTo(Action.NOTHING);
  }

  @Test
  void the_hash_covers_type_and_data_but_not_key_order() {
    String one = CopyContent.hashOf("kubernetes.io/dockerconfigjson", Map.of("a", "1", "b", "2"));
    String same =
        CopyContent.hashOf(
            "kubernetes.io/dockerconfigjson", new java.util.TreeMap<>(Map.of("b", "2", "a", "1")));

    assertThat(one).isEqualTo(same).startsWith("sha256:");
    assertThat(CopyContent.hashOf("Opaque", Map.of("a", "1", "b", "2"))).isNotEqualTo(one);
    assertThat(CopyContent.hashOf("kubernetes.io/dockerconfigjson", Map.of("a", "12", "b", "")))
        .isNotEqualTo(
            CopyContent.hashOf("kubernetes.io/dockerconfigjson", Map.of("a", "1", "b", "2")));
  }

  @Test
  void content_never_shows_its_data_when_printed() {
    CopyContent content =
        new CopyContent("kubernetes.io/dockerconfigjson", Map.of(".dockerconfigjson", "c2VjcmV0"));

    assertThat(content.toString()).doesNotContain("c2VjcmV0").contains(".dockerconfigjson");
  }
}
