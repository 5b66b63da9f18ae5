package com.tanhdev.pullsecret.provision.cluster;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.URL;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

/**
 * An informer could not list its objects at start: the API server is unreachable, or refuses
 * (RBAC). Says which list and what the API server answered; a failed list carries no object, so no
 * secret data.
 */
public final class CacheStartFailure extends RuntimeException {

  CacheStartFailure(String what, URL apiServer, Throwable cause) {
    super(
        "could not list "
            + what
            + " from the API server at "
            + apiServer
            + ": "
            + describe(cause)
            + hint(cause),
        null,
        false,
        false);
  }

  static String describe(Throwable failure) {
    Throwable cause = failure;
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof KubernetesClientException api && api.getCode() > 0) {
      return "HTTP "
          + api.getCode()
          + (api.getStatus() == null || api.getStatus().getMessage() == null
              ? ""
              : " " + api.getStatus().getMessage());
    }
    if (cause instanceof TimeoutException) {
      return "no answer in time";
    }
    // A refused connection is a ConnectException without a message, wrapping the channel's.
    return cause.getMessage() == null ? cause.getClass().getName() : cause.toString();
  }

  private static String hint(Throwable failure) {
    Throwable cause = failure;
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause instanceof KubernetesClientException api && api.getCode() == 403
        ? " (the ServiceAccount lacks the RBAC the chart grants with provisioner.enabled=true)"
        : "";
  }
}
