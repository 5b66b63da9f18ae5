package com.tanhdev.pullsecret.tls.selfmanaged;

import com.tanhdev.pullsecret.testing.MutableClock;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Webhook replicas sharing one API server and one clock the test moves, all closed after each test.
 * Register it with {@code @RegisterExtension} on an instance field, given the client field that
 * {@code @EnableKubernetesMockClient} fills in before each test.
 */
final class Replicas implements AfterEachCallback {

  private final Supplier<KubernetesClient> client;
  private final MutableClock clock;
  private final List<SelfManagedCertificateSource> created = new ArrayList<>();

  Replicas(Supplier<KubernetesClient> client, MutableClock clock) {
    this.client = client;
    this.clock = clock;
  }

  /** A replica not yet started. */
  SelfManagedCertificateSource create() {
    SelfManagedCertificateSource replica =
        SelfManagedCertificateSource.create(client.get(), TestSettings.clockDriven(), clock);
    created.add(replica);
    return replica;
  }

  SelfManagedCertificateSource start() throws Exception {
    SelfManagedCertificateSource replica = create();
    replica.start();
    return replica;
  }

  @Override
  public void afterEach(ExtensionContext context) {
    created.forEach(SelfManagedCertificateSource::close);
    created.clear();
  }
}
