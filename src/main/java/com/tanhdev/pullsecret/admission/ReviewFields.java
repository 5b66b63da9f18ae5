package com.tanhdev.pullsecret.admission;

import com.tanhdev.pullsecret.podspec.OptOut;
import java.util.HashMap;
import java.util.Map;

/**
 * The parts of an AdmissionReview this webhook reads; {@link ReviewDecoder} keeps these and drops
 * everything else as it parses. A review can carry megabytes the decision never looks at (env
 * values, volumes, the old object), and a tree of all of it would cost many times the body's size
 * in memory. The fields listed here are the union for every {@code WorkloadKind}: a Pod's {@code
 * /spec}, a workload's {@code /spec/template/spec} and a CronJob's {@code
 * /spec/jobTemplate/spec/template/spec}, plus the metadata that opt-outs and mirror pods are read
 * from. A kept field keeps its JSON type even when it is the wrong one, so type problems are still
 * reported; a container it holds whose members are not listed here stays empty.
 */
final class ReviewFields {

  /** A value kept as it is; an object or array in its place is kept empty. */
  private static final ReviewFields VALUE = new ReviewFields(Map.of(), null);

  /** The whole review, from its root. */
  static final ReviewFields REVIEW = review();

  private final Map<String, ReviewFields> members;
  private final ReviewFields elements;

  private ReviewFields(Map<String, ReviewFields> members, ReviewFields elements) {
    this.members = members;
    this.elements = elements;
  }

  /** What to keep of the member {@code name} of an object kept with these fields, or null. */
  ReviewFields member(String name) {
    return members.get(name);
  }

  /** What to keep of each element of an array kept with these fields, or null. */
  ReviewFields elements() {
    return elements;
  }

  private static ReviewFields review() {
    ReviewFields container = object(Map.of("name", VALUE, "image", VALUE));
    ReviewFields containers = new ReviewFields(Map.of(), container);
    ReviewFields pullSecrets = new ReviewFields(Map.of(), object(Map.of("name", VALUE)));
    Map<String, ReviewFields> podSpec =
        Map.of(
            "containers", containers,
            "initContainers", containers,
            "ephemeralContainers", containers,
            "imagePullSecrets", pullSecrets);
    ReviewFields template =
        object(
            Map.of(
                "metadata", annotations(Map.of(OptOut.ANNOTATION, VALUE)),
                "spec", object(podSpec)));
    Map<String, ReviewFields> spec = new HashMap<>(podSpec);
    spec.put("template", template);
    spec.put("jobTemplate", object(Map.of("spec", object(Map.of("template", template)))));
    ReviewFields metadata =
        object(
            Map.of(
                "name", VALUE,
                "generateName", VALUE,
                "annotations",
                    object(
                        Map.of(
                            OptOut.ANNOTATION, VALUE,
                            MirrorPods.ANNOTATION, VALUE))));
    ReviewFields request =
        object(
            Map.of(
                "uid", VALUE,
                "kind", object(Map.of("group", VALUE, "kind", VALUE)),
                "subResource", VALUE,
                "namespace", VALUE,
                "name", VALUE,
                "operation", VALUE,
                "dryRun", VALUE,
                "object", object(Map.of("metadata", metadata, "spec", object(spec)))));
    return object(Map.of("apiVersion", VALUE, "kind", VALUE, "request", request));
  }

  private static ReviewFields annotations(Map<String, ReviewFields> keys) {
    return object(Map.of("annotations", object(keys)));
  }

  private static ReviewFields object(Map<String, ReviewFields> members) {
    return new ReviewFields(Map.copyOf(members), null);
  }
}
