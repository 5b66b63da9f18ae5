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
    return answer.message().contains("webhook") ? WEBHOOK_FAILED : API_SERVER_UNAVAILABLE;
  }
}
