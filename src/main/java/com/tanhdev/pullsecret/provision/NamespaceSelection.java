package com.tanhdev.pullsecret.provision;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which namespaces get copies: the label selector and the name pattern must both match, and the
 * name must not be excluded. The pattern is compiled once, when the config is loaded.
 */
public final class NamespaceSelection {

  private final LabelSelector selector;
  private final Pattern namePattern;
  private final Set<String> excluded;

  /**
   * @param namePattern a full-match regex on the name, or null for any name
   */
  public NamespaceSelection(LabelSelector selector, Pattern namePattern, Set<String> excluded) {
    this.selector = Objects.requireNonNull(selector, "selector");
    this.namePattern = namePattern;
    this.excluded = Set.copyOf(excluded);
  }

  /** The same selection with {@code namespace} excluded too (the release namespace). */
  public NamespaceSelection excluding(String namespace) {
    Set<String> more = new java.util.HashSet<>(excluded);
    more.add(namespace);
    return new NamespaceSelection(selector, namePattern, more);
  }

  /**
   * Whether the namespace gets a copy of {@code source}: the one answer to "is this namespace
   * provisioned", which the provisioner acts on and the webhook relies on when it adds a secret
   * that is not there yet. The source's own namespace never gets a copy.
   */
  public boolean receivesCopyOf(SourceRef source, String name, Map<String, String> labels) {
    return !name.equals(source.namespace()) && selects(name, labels);
  }

  /** Whether the label selector says anything: only then do namespace labels matter. */
  public boolean readsLabels() {
    return !selector.equals(LabelSelector.EVERYTHING);
  }

  /**
   * @throws BoundedNameMatch.TooCostly when the name pattern backtracks past its budget on this
   *     name
   */
  public boolean selects(String name, Map<String, String> labels) {
    return !excluded.contains(name)
        && (namePattern == null || BoundedNameMatch.matches(namePattern, name))
        && selector.matches(labels);
  }

  public LabelSelector selector() {
    return selector;
  }

  public Set<String> excluded() {
    return excluded;
  }

  /** The name pattern as written, or "" when there is none. */
  public String namePattern() {
    return namePattern == null ? "" : namePattern.pattern();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof NamespaceSelection that
        && selector.equals(that.selector)
        && namePattern().equals(that.namePattern())
        && excluded.equals(that.excluded);
  }

  @Override
  public int hashCode() {
    return Objects.hash(selector, namePattern(), excluded);
  }

  @Override
  public String toString() {
    return "NamespaceSelection{selector="
        + selector
        + ", namePattern="
        + namePattern()
        + ", excluded="
        + excluded
        + "}";
  }
}
