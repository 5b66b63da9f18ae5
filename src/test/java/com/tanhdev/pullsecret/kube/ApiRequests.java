package com.tanhdev.pullsecret.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Creates objects with a plain POST, for the tests that need what the fabric8 DSL hides: fabric8
 * only logs the API server's {@code Warning} headers, and it turns failures into exceptions. The
 * requests go through the client's own HTTP client, so they carry its credentials.
 */
public record ApiRequests(KubernetesClient client) {

  // RFC 7234 warn-value: code, agent, quoted text (the API server uses 299 and "-").
  private static final Pattern WARNING = Pattern.compile("^\\d{3} \\S+ \"((?:[^\"\\\\]|\\\\.)*)\"");

  public ApiAnswer create(HasMetadata object) {
    return post(object, false);
  }

  /** A server-side dry run ({@code kubectl create --dry-run=server}): admitted, never stored. */
  public ApiAnswer dryRunCreate(HasMetadata object) {
    return post(object, true);
  }

  private ApiAnswer post(HasMetadata object, boolean dryRun) {
    String json = client.getKubernetesSerialization().asJson(object);
    HttpRequest request =
        client
            .getHttpClient()
            .newHttpRequestBuilder()
            .uri(collectionUrl(object) + (dryRun ? "?dryRun=All" : ""))
            .post("application/json", json)
            .build();
    try {
      HttpResponse<String> response =
          client.getHttpClient().sendAsync(request, String.class).get(30, TimeUnit.SECONDS);
      return new ApiAnswer(
          response.code(),
          response.body(),
          warnings(response.headers("Warning")),
          client.getKubernetesSerialization());
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("POST " + request.uri() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during POST " + request.uri(), e);
    }
  }

  private String collectionUrl(HasMetadata object) {
    Class<? extends HasMetadata> type = object.getClass();
    String group = HasMetadata.getGroup(type);
    String version = HasMetadata.getVersion(type);
    String groupVersion = group.isEmpty() ? "api/" + version : "apis/" + group + "/" + version;
    return client.getMasterUrl()
        + groupVersion
        + "/namespaces/"
        + object.getMetadata().getNamespace()
        + "/"
        + HasMetadata.getPlural(type);
  }

  private static List<String> warnings(List<String> headers) {
    if (headers == null) {
      return List.of();
    }
    return headers.stream().map(ApiRequests::warningText).toList();
  }

  private static String warningText(String header) {
    Matcher matcher = WARNING.matcher(header);
    return matcher.find() ? matcher.group(1).replaceAll("\\\\(.)", "$1") : header;
  }
}
