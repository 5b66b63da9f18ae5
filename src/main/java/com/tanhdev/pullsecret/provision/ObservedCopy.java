package com.tanhdev.pullsecret.provision;

import java.util.List;

/**
 * A Secret with a rule secret's name in some namespace, as the cache holds it: its marker and the
 * hash of its content, never the content itself.
 *
 * @param hasOurLabel it carries our managed-by label; alone that proves nothing, anyone can set it
 * @param sourceAnnotation our source annotation, or null
 * @param hashAnnotation our source-hash annotation, or null
 * @param contentHash the hash of its actual type and data ({@link CopyContent#hashOf})
 * @param isImmutable {@code immutable: true}: its data can no longer be updated
 * @param finalizers finalizers someone else put on it, kept when it is updated
 */
public record ObservedCopy(
    String namespace,
    String uid,
    String resourceVersion,
    String type,
    boolean hasOurLabel,
    String sourceAnnotation,
    String hashAnnotation,
    String contentHash,
    boolean isImmutable,
    List<String> finalizers) {

  public ObservedCopy {
    finalizers = finalizers == null ? List.of() : List.copyOf(finalizers);
  }

  /**
   * Whether this is our copy of {@code source}: the label and both annotations, the source one
   * naming exactly this source. Only such a secret is ever updated or deleted as ours. A label
   * without the annotations is someone's imitation, and a marker naming another source is another
   * install's copy (or one of this rule's source before a change): either is someone else's.
   */
  public boolean isCopyOf(SourceRef source) {
    return hasOurLabel && source.toString().equals(sourceAnnotation) && hashAnnotation != null;
  }
}
