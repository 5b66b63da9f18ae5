package com.tanhdev.pullsecret.provision.controller;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaderElectionRecord;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import java.time.Clock;
import java.time.ZonedDateTime;

/**
 * fabric8's Lease lock with two changes:
 *
 * <ul>
 *   <li>it renews with an update instead of a patch, so the provisioner's Role needs only {@code
 *       get, update} on its Lease (and {@code create}), as the chart grants. The update carries the
 *       resource version the elector last read, so it fails, exactly like the patch it replaces,
 *       when another replica wrote the Lease in between;
 *   <li>a Lease counts as expired when it has not changed for its duration <em>by this replica's
 *       clock</em>, as in client-go. fabric8 compares its own clock with the holder's {@code
 *       renewTime}, so a replica whose clock ran a lease duration ahead of the leader's took over a
 *       leader that was renewing, again and again.
 * </ul>
 */
final class ProvisionerLeaseLock extends LeaseLock {

  private final Clock clock;
  private volatile String lastReadVersion;
  private LeaderElectionRecord lastRead; // guarded by this
  private ZonedDateTime lastChangeSeen; // guarded by this

  ProvisionerLeaseLock(String namespace, String name, String identity, Clock clock) {
    super(namespace, name, identity);
    this.clock = clock;
  }

  @Override
  protected synchronized LeaderElectionRecord toRecord(Lease lease) {
    lastReadVersion = lease.getMetadata().getResourceVersion();
    LeaderElectionRecord read = super.toRecord(lease);
    if (!read.equals(lastRead)) {
      lastRead = read;
      lastChangeSeen = ZonedDateTime.now(clock);
    }
    // The elector reads renewTime only to decide whether the Lease expired.
    return read.toBuilder().renewTime(lastChangeSeen).build();
  }

  @Override
  public synchronized void update(KubernetesClient client, LeaderElectionRecord record) {
    client.resource(toResource(record, getObjectMeta(lastReadVersion))).update();
  }
}
