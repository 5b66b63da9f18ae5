package com.tanhdev.pullsecret.admission;

import com.tanhdev.pullsecret.patch.PatchBuilder;
import com.tanhdev.pullsecret.podspec.OptOut;
import com.tanhdev.pullsecret.podspec.PodSpecFacts;
import com.tanhdev.pullsecret.podspec.PodSpecReader;
import com.tanhdev.pullsecret.podspec.WorkloadKind;
import com.tanhdev.pullsecret.policy.CurrentPolicy;
import com.tanhdev.pullsecret.policy.InjectionDecision;
import com.tanhdev.pullsecret.policy.InjectionPolicy;
import com.tanhdev.pullsecret.policy.Mode;
import com.tanhdev.pullsecret.policy.Operation;
import com.tanhdev.pullsecret.policy.Outcome;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Routes one admission request: which requests are looked at, opt-outs, then the policy's decision
 * turned into a response. It never sees HTTP, and it never throws: an unexpected failure is
 * answered "allowed, unchanged" with a warning, because blocking a pod over a webhook bug is worse
 * than a missing pull secret.
 */
public final class AdmissionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(AdmissionHandler.class);

  private final CurrentPolicy policy;
  private final PodSpecReader reader = new PodSpecReader();
  private final PatchBuilder patches = new PatchBuilder();

  public AdmissionHandler(CurrentPolicy policy) {
    this.policy = policy;
  }

  public Answer handle(AdmissionRequest request) {
    try {
      return route(request, policy.get());
    } catch (RuntimeException e) {
      LOG.error("decision failed for uid {}; allowing unchanged", request.uid(), e);
      return AdmissionResponses.unchanged(
          request.uid(),
          InjectionDecision.unchanged(
              Outcome.ERROR,
              List.of(
                  "internal error, object left unchanged (" + e.getClass().getSimpleName() + ")")));
    }
  }

  private Answer route(AdmissionRequest request, InjectionPolicy current) {
    Optional<WorkloadKind> kind = WorkloadKind.of(request.group(), request.kind());
    Operation operation = Operation.fromWire(request.operation());
    if (kind.isEmpty()
        || operation == null
        || !current.settings().handles(kind.get(), operation)
        || request.namespace().isEmpty()
        || !request.subResource().isEmpty()
        || !request.object().isObject()
        || MirrorPods.isMirrorPod(kind.get(), request.object())) {
      return AdmissionResponses.ignored(request.uid());
    }
    WorkloadKind workload = kind.get();
    if (OptOut.isOptedOut(workload, request.object())) {
      return AdmissionResponses.unchanged(
          request.uid(), InjectionDecision.unchanged(Outcome.OPTED_OUT, List.of()));
    }
    JsonNode podSpec = request.object().at(workload.podSpecPointer());
    if (!podSpec.isObject()) {
      return AdmissionResponses.unchanged(
          request.uid(),
          InjectionDecision.unchanged(
              Outcome.INVALID_POD_SPEC,
              List.of(workload.kind() + " has no pod spec at " + workload.podSpecPointer())));
    }
    PodSpecFacts facts = reader.read(podSpec, workload.isPod());
    InjectionDecision decision = current.decide(workload, request.namespace(), facts);
    return apply(request.uid(), current.settings().mode(), decision, workload, facts);
  }

  /**
   * The one place the mode is applied: report mode answers every decision without acting on it, so
   * no patch is built; enforce mode denies, patches or leaves the object as decided.
   */
  private Answer apply(
      String uid,
      Mode mode,
      InjectionDecision decision,
      WorkloadKind workload,
      PodSpecFacts facts) {
    if (mode == Mode.REPORT) {
      return AdmissionResponses.reported(uid, decision);
    }
    if (decision.isDenied()) {
      return AdmissionResponses.denied(uid, decision);
    }
    if (decision.secretsToAdd().isEmpty()) {
      return AdmissionResponses.unchanged(uid, decision);
    }
    return AdmissionResponses.patched(
        uid,
        decision,
        patches.addPullSecrets(
            workload.podSpecPointer(), facts.pullSecretsField(), decision.secretsToAdd()));
  }
}
