package com.tanhdev.pullsecret.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;

/**
 * What the API server answered to one write, as a user of {@code kubectl} would see it: whether it
 * worked, the object or the error message, and the warnings printed above the result.
 */
public final class ApiAnswer {

  private final int code;
  private final String body;
  private final List<String> warnings;
  private final KubernetesSerialization serialization;

  ApiAnswer(int code, String body, List<String> warnings, KubernetesSerialization serialization) {
    this.code = code;
    this.body = body;
    this.warnings = List.copyOf(warnings);
    this.serialization = serialization;
  }

  public boolean succeeded() {
    return code >= 200 && code < 300;
  }

  /** The texts of the {@code Warning} headers, in order. */
  public List<String> warnings() {
    return warnings;
  }

  /** The object returned on success, typed. */
  public <T extends HasMetadata> T object(Class<T> type) {
    if (!succeeded()) {
      throw new IllegalStateException("the request failed with " + code + ": " + message());
    }
    return serialization.unmarshal(body, type);
  }

  /** The error message of a failed request, as kubectl prints it after "Error from server". */
  public String message() {
    return succeeded() ? "" : serialization.unmarshal(body, Status.class).getMessage();
  }

  @Override
  public String toString() {
    return code + " " + (succeeded() ? "" : message() + " ") + "warnings=" + warnings;
  }
}
