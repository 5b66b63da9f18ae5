package com.tanhdev.pullsecret.provision.cluster;

import com.tanhdev.pullsecret.provision.CopyContent;
import com.tanhdev.pullsecret.provision.ObservedCopy;
import com.tanhdev.pullsecret.provision.SourceRef;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.util.List;
import java.util.Map;

/**
 * How a copy says it is ours: one label (watches and people can filter on it) and two annotations
 * naming the source and the hash of what was copied. A copy carries these and the source's type and
 * data, nothing else: never the source's labels, annotations or owner references, which would make
 * Argo CD or Helm claim the copies.
 */
public final class CopyMarker {

  public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
  public static final String MANAGER = "pullsecret-webhook";
  public static final String SOURCE = "pullsecret.tanhdev.com/source";
  public static final String SOURCE_HASH = "pullsecret.tanhdev.com/source-hash";

  private CopyMarker() {}

  /**
   * The copy as it should be.
   *
   * @param replaced the secret an update replaces, null for a create: its resource version is the
   *     update's precondition, and its finalizers stay (another controller put them there for a
   *     reason; an update that dropped them would release what they hold)
   */
  public static Secret desired(
      String name, String namespace, SourceRef source, CopyContent content, ObservedCopy replaced) {
    return new SecretBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(namespace)
        .withResourceVersion(replaced == null ? null : replaced.resourceVersion())
        .withFinalizers(replaced == null ? List.of() : replaced.finalizers())
        .withLabels(Map.of(MANAGED_BY, MANAGER))
        .withAnnotations(Map.of(SOURCE, source.toString(), SOURCE_HASH, content.hash()))
        .endMetadata()
        .withType(content.type())
        .withData(content.data())
        .build();
  }

  /** What the cache keeps of a secret standing where a copy belongs. */
  public static ObservedCopy observe(Secret secret) {
    Map<String, String> labels = secret.getMetadata().getLabels();
    Map<String, String> annotations = secret.getMetadata().getAnnotations();
    Map<String, String> notes = annotations == null ? Map.of() : annotations;
    return new ObservedCopy(
        secret.getMetadata().getNamespace(),
        secret.getMetadata().getUid(),
        secret.getMetadata().getResourceVersion(),
        secret.getType() == null ? "Opaque" : secret.getType(),
        labels != null && MANAGER.equals(labels.get(MANAGED_BY)),
        notes.get(SOURCE),
        notes.get(SOURCE_HASH),
        CopyContent.hashOf(secret.getType(), secret.getData()),
        Boolean.TRUE.equals(secret.getImmutable()),
        secret.getMetadata().getFinalizers());
  }
}
