package com.tanhdev.pullsecret.chart;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * Objects of the chart as {@code helm template} renders them, for tests outside this package that
 * install part of the chart into a test API server themselves.
 */
public final class ChartObjects {

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private ChartObjects() {}

  /**
   * The one object of {@code kind} in the chart rendered with {@code --set} {@code assignments}
   * (release {@value PullsecretChart#RELEASE} in {@value PullsecretChart#NAMESPACE}).
   */
  public static <T> T rendered(String kind, Class<T> type, String... assignments) {
    RenderedManifests manifests = PullsecretChart.fromEnvironment().renderSetting(assignments);
    return SERIALIZATION.unmarshal(manifests.one(kind).toString(), type);
  }

  /** The namespace the chart is rendered into. */
  public static String releaseNamespace() {
    return PullsecretChart.NAMESPACE;
  }
}
