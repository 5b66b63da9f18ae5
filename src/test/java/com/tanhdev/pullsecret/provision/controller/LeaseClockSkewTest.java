package com.tanhdev.pullsecret.provision.controller;

import static org.awaitility.Awaitility.await;

import com.tanhdev.pullsecret.provision.ProvisioningSettings;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A leader whose clock runs an hour behind writes renew times an hour old. It still renews, so a
 * candidate must not take the Lease from it: a Lease expires when it stops changing, by the
 * candidate's own clock.
 */
@ExtendWith(ProvisioningExtension.class)
class LeaseClockSkewTest {

  private static final ProvisionerTimings QUICK =
      new ProvisionerTimings(
          Duration.ofSeconds(3),
          Duration.ofSeconds(2),
          Duration.ofMillis(500),
          Duration.ofMinutes(5),
          Duration.ofSeconds(2));

  private static ZonedDateTime anHourAgo() {
    return ZonedDateTime.now(ZoneOffset.UTC).minusHours(1);
  }

  @Test
  void a_renewing_leader_with_a_slow_clock_keeps_its_lease_until_it_stops_renewing(
      ProvisioningScenario scenario) {
    ScheduledExecutorService slowLeader = Executors.newSingleThreadScheduledExecutor();
    try {
      Resource<Lease> lease =
          scenario
              .admin
              .leases()
              .inNamespace(scenario.release.name())
              .resource(
                  new LeaseBuilder()
                      .withNewMetadata()
                      .withName(ProvisioningSettings.DEFAULT_LEASE_NAME)
                      .withNamespace(scenario.release.name())
                      .endMetadata()
                      .withNewSpec()
                      .withHolderIdentity("slow-clock-leader")
                      .withLeaseDurationSeconds(3)
                      .withAcquireTime(anHourAgo())
                      .withRenewTime(anHourAgo())
                      .endSpec()
                      .build());
      lease.create();
      slowLeader.scheduleWithFixedDelay(
          () ->
              lease.edit(
                  l -> new LeaseBuilder(l).editSpec().withRenewTime(anHourAgo()).endSpec().build()),
          500,
          500,
          TimeUnit.MILLISECONDS);

      ProvisionerProcess candidate =
          scenario.startProvisioner(scenario.admin, "provisioner-0", QUICK);

      await("the candidate stands by while the Lease is renewed")
          .during(Duration.ofSeconds(7))
          .atMost(Duration.ofSeconds(10))
          .until(() -> !candidate.isLeader());

      slowLeader.shutdownNow();

      await("the candidate takes over once renewals stop")
          .atMost(ProvisioningScenario.PATIENCE)
          .until(candidate::isLeader);
    } finally {
      slowLeader.shutdownNow();
    }
  }
}
