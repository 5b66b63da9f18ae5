package com.tanhdev.pullsecret.policy;

import com.tanhdev.pullsecret.imageref.ImageReference;
import com.tanhdev.pullsecret.imageref.ParsedImage;
import com.tanhdev.pullsecret.podspec.ContainerImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Finds which secrets a set of images needs, by parsing each image and matching its registry. */
public final class RuleMatcher {

  /**
   * The result of matching.
   *
   * @param needed needed secrets in order of first use, each once
   * @param invalidImages warnings for images that are not valid references (they never match)
   */
  public record Matches(List<NeededSecret> needed, List<String> invalidImages) {}

  private final List<RegistryRule> rules;

  public RuleMatcher(List<RegistryRule> rules) {
    this.rules = List.copyOf(rules);
  }

  public Matches match(List<ContainerImage> images) {
    Map<String, NeededSecret> needed = new LinkedHashMap<>();
    List<String> invalid = new ArrayList<>();
    for (ContainerImage image : images) {
      ParsedImage parsed = ImageReference.parse(image.image());
      if (parsed instanceof ParsedImage.Invalid bad) {
        invalid.add(
            "image \""
                + bad.raw()
                + "\" of container "
                + image.container()
                + " is invalid ("
                + bad.reason()
                + ")");
        continue;
      }
      ImageReference reference = ((ParsedImage.Valid) parsed).reference();
      for (RegistryRule rule : rules) {
        if (rule.matches(reference)) {
          needed.putIfAbsent(
              rule.secret(), new NeededSecret(rule.secret(), rule.registry(), image));
        }
      }
    }
    return new Matches(List.copyOf(needed.values()), invalid);
  }
}
