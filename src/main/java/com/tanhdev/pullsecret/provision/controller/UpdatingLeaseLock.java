package com.tanhdev.pullsecret.provision.controller;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaderElectionRecord;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;

/**
 * fabric8's Lease lock, renewing with an update instead of a patch, so the provisioner's Role needs
 * only {@code get, update} on its Lease (and {@code create}), as the chart grants. The update
 * carries the resource version the elector last read, so it fails, exactly like the patch it
 * replaces, when another replica wrote the Lease in between.
 */
final class UpdatingLeaseLock extends LeaseLock {

  private volatile String lastReadVersion;

  UpdatingLeaseLock(String namespace, String name, String identity) {
    super(namespace, name, identity);
  }

  @Override
  protected LeaderElectionRecord toRecord(Lease lease) {
    lastReadVersion = lease.getMetadata().getResourceVersion();
    return super.toRecord(lease);
  }

  @Override
  public synchronized void update(KubernetesClient client, LeaderElectionRecord record) {
    client.resource(toResource(record, getObjectMeta(lastReadVersion))).update();
  }
}
