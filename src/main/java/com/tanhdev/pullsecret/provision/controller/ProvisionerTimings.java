package com.tanhdev.pullsecret.provision.controller;

import java.time.Duration;

/**
 * The provisioner's clocks.
 *
 * @param leaseDuration how long a Lease not renewed still counts (a crashed leader's replacement
 *     waits this long)
 * @param renewDeadline how long a leader keeps trying to renew before it stops writing
 * @param retryPeriod how often candidates try, and the leader renews
 * @param resync how often every pair is looked at again, whatever the watches said
 * @param reportEvery how often the fan-out summary is compared with the last Event
 */
public record ProvisionerTimings(
    Duration leaseDuration,
    Duration renewDeadline,
    Duration retryPeriod,
    Duration resync,
    Duration reportEvery) {

  /**
   * client-go's leader-election defaults. A resync every 5 minutes costs 1,000 namespaces a cache
   * read each and no API call when nothing drifted.
   */
  public static ProvisionerTimings defaults() {
    return new ProvisionerTimings(
        Duration.ofSeconds(15),
        Duration.ofSeconds(10),
        Duration.ofSeconds(2),
        Duration.ofMinutes(5),
        Duration.ofSeconds(2));
  }

  public ProvisionerTimings withResync(Duration every) {
    return new ProvisionerTimings(leaseDuration, renewDeadline, retryPeriod, every, reportEvery);
  }
}
