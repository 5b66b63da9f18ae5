package com.tanhdev.pullsecret.provision;

/**
 * A Secret with a rule secret's name in some namespace, as the cache holds it: its marker and the
 * hash of its content, never the content itself.
 *
 * @param isOurs it carries our managed-by label, so we created or adopted it
 * @param sourceAnnotation our source annotation, or null
 * @param hashAnnotation our source-hash annotation, or null
 * @param contentHash the hash of its actual type and data ({@link CopyContent#hashOf})
 */
public record ObservedCopy(
    String namespace,
    String uid,
    String resourceVersion,
    String type,
    boolean isOurs,
    String sourceAnnotation,
    String hashAnnotation,
    String contentHash) {}
