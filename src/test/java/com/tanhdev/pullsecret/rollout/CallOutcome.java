package com.tanhdev.pullsecret.rollout;

import com.tanhdev.pullsecret.kube.ApiAnswer;
import com.tanhdev.pullsecret.kube.PodSpecs;
import io.fabric8.kubernetes.api.model.HasMetadata;

/** What one create through the API server came to. */
enum CallOutcome {
  /** Stored, with the pull secret. */
  INJECTED,
  /** Stored without the pull secret: the failure a user meets later as ImagePullBackOff. */
  STORED_WITHOUT_SECRET,
  /** Refused because the API server could not get an answer from the webhook. */
  WEBHOOK_FAILED,
  /** The API server itself did not answer or refused for its own reasons (restarting). */
  API_SERVER_UNAVAILABLE;

  static CallOutcome of(ApiAnswer answer, Class<? extends HasMetadata> type, String secret) {
    if (answer.succeeded()) {
      return PodSpecs.pullSecretNames(answer.object(type)).contains(secret)
          ? INJECTED
          : STORED_WITHOUT_SECRET;
    }
    if (isServiceNotLoadedYet(answer.message())) {
      return API_SERVER_UNAVAILABLE;
    }
    return answer.message().contains("webhook") ? WEBHOOK_FAILED : API_SERVER_UNAVAILABLE;
  }

  /**
   * A kube-apiserver that has just restarted takes requests before its Service informer has synced
   * (its /readyz still fails its informer-sync check, so a load balancer in front of it would not
   * send them yet), and then cannot resolve the webhook's Service, which exists all along: {@code
   * service "pullsecret-webhook" not found}. That is the API server not ready, not a webhook that
   * failed; RolloutIT met it once, in the API server restart scenario.
   */
  private static boolean isServiceNotLoadedYet(String message) {
    return message.contains("service \"") && message.contains("\" not found");
  }
}
