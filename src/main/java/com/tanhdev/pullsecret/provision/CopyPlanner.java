package com.tanhdev.pullsecret.provision;

import com.tanhdev.pullsecret.lookup.SecretFacts;
import com.tanhdev.pullsecret.provision.CopyPlan.Action;
import java.util.Set;

/**
 * The pure decision of the provisioner: from what is observed now (the namespace, the source, the
 * secret standing where the copy belongs) to the one write that converges, or none. Running it
 * again on its own result plans nothing, which is what makes the controller level-based.
 */
public final class CopyPlanner {

  private final NamespaceSelection selection;
  private final Set<SourceRef> sources;
  private final boolean adoptExisting;
  private final boolean deleteCopiesWithSource;

  /**
   * @param selection the configured selection with the release namespace already excluded
   * @param sources every rule's source: none is ever a copy's place
   */
  public CopyPlanner(
      NamespaceSelection selection,
      Set<SourceRef> sources,
      boolean adoptExisting,
      boolean deleteCopiesWithSource) {
    this.selection = selection;
    this.sources = Set.copyOf(sources);
    this.adoptExisting = adoptExisting;
    this.deleteCopiesWithSource = deleteCopiesWithSource;
  }

  /**
   * @param namespace null when the namespace does not exist (any more)
   * @param copy the secret named {@code secret.secret()} in that namespace, or null
   */
  public CopyPlan plan(
      ProvisionedSecret secret, NamespaceState namespace, SourceState source, ObservedCopy copy) {
    if (namespace == null) {
      return CopyPlan.nothing(CopyState.NOT_SELECTED, "the namespace does not exist");
    }
    if (namespace.isTerminating()) {
      // The namespace controller deletes everything in it; a write now would only race it.
      return CopyPlan.nothing(CopyState.NOT_SELECTED, "the namespace is terminating");
    }
    SourceRef ref = secret.source();
    if (namespace.name().equals(ref.namespace())) {
      // The source's own namespace: the secret standing there may be the source itself.
      return CopyPlan.nothing(CopyState.NOT_SELECTED, "the namespace holds the source");
    }
    if (sources.contains(new SourceRef(namespace.name(), secret.secret()))) {
      // Another rule's source has this name here: adopting or deleting it would corrupt the
      // copies made from it.
      return CopyPlan.nothing(CopyState.NOT_SELECTED, "the secret there is another rule's source");
    }
    boolean isOurs = copy != null && copy.isCopyOf(ref);
    if (!selection.receivesCopyOf(ref, namespace.name(), namespace.labels())) {
      return isOurs
          ? new CopyPlan(Action.DELETE, CopyState.NOT_SELECTED, "the namespace is not selected")
          : CopyPlan.nothing(CopyState.NOT_SELECTED, "the namespace is not selected");
    }
    if (source.status() == SourceState.Status.MISSING && deleteCopiesWithSource) {
      return isOurs
          ? new CopyPlan(Action.DELETE, CopyState.SOURCE_PROBLEM, source.problem())
          : CopyPlan.nothing(CopyState.SOURCE_PROBLEM, source.problem());
    }
    if (source.status() != SourceState.Status.VALID) {
      return CopyPlan.nothing(
          CopyState.SOURCE_PROBLEM,
          source.problem() + (copy == null ? "; no copy made" : "; the copy is kept"));
    }
    if (copy == null) {
      return new CopyPlan(Action.CREATE, CopyState.OUT_OF_SYNC, "the copy is missing");
    }
    if (!isOurs) {
      return foreign(copy, ref);
    }
    if (!copy.type().equals(source.content().type())) {
      // A Secret's type cannot be updated (the API server answers 422 for ever): the copy goes,
      // and the reconcile its deletion triggers makes it again.
      return new CopyPlan(
          Action.DELETE,
          CopyState.OUT_OF_SYNC,
          "the copy was replaced by one of type "
              + copy.type()
              + "; it is deleted to be made again");
    }
    if (isInSync(copy, source.content())) {
      return CopyPlan.nothing(CopyState.IN_SYNC, "the copy matches the source");
    }
    if (copy.isImmutable()) {
      // Nor can an immutable Secret's data: same way out.
      return new CopyPlan(
          Action.DELETE,
          CopyState.OUT_OF_SYNC,
          "the copy was made immutable and is out of date; it is deleted to be made again");
    }
    return new CopyPlan(Action.UPDATE, CopyState.OUT_OF_SYNC, outOfSyncReason(copy, source));
  }

  private CopyPlan foreign(ObservedCopy copy, SourceRef ref) {
    if (!adoptExisting) {
      return CopyPlan.nothing(
          CopyState.CONFLICTED,
          (copy.hasOurLabel()
                  ? "a secret of that name labelled as pullsecret-webhook's but not marked as a"
                      + " copy of "
                      + ref
                      + " is in the way"
                  : "a secret of that name not created by pullsecret-webhook is in the way")
              + "; it is left alone (provisioning.adoptExisting: true takes it over)");
    }
    if (copy.isImmutable()) {
      return CopyPlan.nothing(
          CopyState.CONFLICTED,
          "an immutable secret of that name is in the way; it cannot be adopted, only deleted by"
              + " its owner");
    }
    if (!SecretFacts.DOCKER_CONFIG_JSON.equals(copy.type())) {
      return CopyPlan.nothing(
          CopyState.CONFLICTED,
          "a secret of that name of type "
              + copy.type()
              + " is in the way; only "
              + SecretFacts.DOCKER_CONFIG_JSON
              + " secrets are adopted");
    }
    return new CopyPlan(Action.ADOPT, CopyState.OUT_OF_SYNC, "adopting the existing secret");
  }

  private static boolean isInSync(ObservedCopy copy, CopyContent content) {
    return content.hash().equals(copy.contentHash())
        && content.hash().equals(copy.hashAnnotation());
  }

  private static String outOfSyncReason(ObservedCopy copy, SourceState source) {
    if (!source.content().hash().equals(copy.hashAnnotation())) {
      return "the source changed";
    }
    return "the copy was edited";
  }
}
