package com.tanhdev.pullsecret.tls.selfmanaged;

import com.tanhdev.pullsecret.testing.MutableClock;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;

/** Webhook replicas sharing one API server and one clock the test moves; closes them all. */
final class Replicas implements AutoCloseable {

  private final KubernetesClient client;
  private final MutableClock clock;
  private final List<SelfManagedCertificateSource> created = new ArrayList<>();

  Replicas(KubernetesClient client, MutableClock clock) {
    this.client = client;
    this.clock = clock;
  }

  /** A replica not yet started. */
  SelfManagedCertificateSource create() {
    SelfManagedCertificateSource replica =
        SelfManagedCertificateSource.create(client, TestSettings.clockDriven(), clock);
    created.add(replica);
    return replica;
  }

  SelfManagedCertificateSource start() throws Exception {
    SelfManagedCertificateSource replica = create();
    replica.start();
    return replica;
  }

  @Override
  public void close() {
    created.forEach(SelfManagedCertificateSource::close);
  }
}
