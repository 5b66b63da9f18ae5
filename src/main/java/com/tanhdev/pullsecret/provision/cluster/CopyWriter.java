package com.tanhdev.pullsecret.provision.cluster;

import com.tanhdev.pullsecret.provision.CopyContent;
import com.tanhdev.pullsecret.provision.CopyPlan;
import com.tanhdev.pullsecret.provision.ObservedCopy;
import com.tanhdev.pullsecret.provision.ProvisionedSecret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * The provisioner's only writes. Each is conditional on what the decision saw: an update carries
 * the observed resource version and a delete the observed resource version as its precondition, so
 * a secret that someone replaced in the meantime (say, by a hand-made one) is never overwritten or
 * deleted; the API server answers 409 and the key is reconciled again from the fresh cache.
 */
public final class CopyWriter {

  private final KubernetesClient client;

  public CopyWriter(KubernetesClient client) {
    this.client = client;
  }

  /**
   * Performs {@code plan} in {@code namespace}.
   *
   * @param content the source's content (null only for a delete or nothing)
   * @param observed the secret standing there (null only for a create)
   * @throws WriteFailure when the API server refuses; its message holds no secret data
   */
  public void apply(
      CopyPlan plan,
      ProvisionedSecret secret,
      String namespace,
      CopyContent content,
      ObservedCopy observed) {
    try {
      switch (plan.action()) {
        case NOTHING -> {}
        case CREATE ->
            client
                .secrets()
                .inNamespace(namespace)
                .resource(
                    CopyMarker.desired(secret.secret(), namespace, secret.source(), content, null))
                .create();
        case UPDATE, ADOPT ->
            client
                .secrets()
                .inNamespace(namespace)
                .resource(
                    CopyMarker.desired(
                        secret.secret(), namespace, secret.source(), content, observed))
                .update();
        case DELETE ->
            client
                .secrets()
                .inNamespace(namespace)
                .withName(secret.secret())
                .lockResourceVersion(observed.resourceVersion())
                .delete();
      }
    } catch (KubernetesClientException e) {
      // The client's message can quote the request body, which holds the data: keep only the
      // status code and the API server's reason.
      throw new WriteFailure(
          plan.action(),
          namespace,
          e.getCode(),
          e.getStatus() == null ? null : e.getStatus().getReason());
    }
  }

  /** A refused write, described without the request body. */
  public static final class WriteFailure extends RuntimeException {

    private final int code;

    WriteFailure(CopyPlan.Action action, String namespace, int code, String reason) {
      super(
          action.name().toLowerCase(java.util.Locale.ROOT)
              + " in namespace "
              + namespace
              + " failed: "
              + (code <= 0 ? "no answer from the API server" : "HTTP " + code)
              + (reason == null || reason.isEmpty() ? "" : " " + reason),
          null,
          false,
          false);
      this.code = code;
    }

    /** 409: the object changed since the cache saw it; the next reconcile sees the new one. */
    public boolean isConflict() {
      return code == 409;
    }

    public int code() {
      return code;
    }
  }
}
