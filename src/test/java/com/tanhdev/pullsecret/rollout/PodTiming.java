package com.tanhdev.pullsecret.rollout;

import com.tanhdev.pullsecret.chart.ChartObjects;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.time.Duration;

/**
 * How long the kubelet gives a webhook pod: the chart's preStop sleep and termination grace period,
 * and how soon the kubelet notices a dead container (its pod lifecycle relist runs every second).
 */
record PodTiming(Duration preStopSleep, Duration gracePeriod, Duration deathNoticed) {

  private static final Duration KUBELET_RELIST = Duration.ofSeconds(1);

  /** The chart's defaults, read from its rendered Deployment. */
  static PodTiming fromChart() {
    PodSpec pod =
        ChartObjects.rendered("Deployment", Deployment.class).getSpec().getTemplate().getSpec();
    long preStop = pod.getContainers().get(0).getLifecycle().getPreStop().getSleep().getSeconds();
    return new PodTiming(
        Duration.ofSeconds(preStop),
        Duration.ofSeconds(pod.getTerminationGracePeriodSeconds()),
        KUBELET_RELIST);
  }
}
