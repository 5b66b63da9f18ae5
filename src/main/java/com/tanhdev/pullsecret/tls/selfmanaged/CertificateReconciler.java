package com.tanhdev.pullsecret.tls.selfmanaged;

import com.tanhdev.pullsecret.pki.TlsMaterialException;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One check: reads the Secret, makes the webhook configuration trust its CAs, and takes the steps
 * the planner asks for until it asks for none. Every replica runs this; a write is based on the
 * version just read, so when replicas act at once one write lands and the others read it back and
 * adopt it (one CA, whoever created it).
 */
public final class CertificateReconciler {

  private static final Logger log = LoggerFactory.getLogger(CertificateReconciler.class);
  // A first start needs two rounds (create, read back), a rotation step two more; the rest is
  // room for losing races to other replicas.
  private static final int MAX_ROUNDS = 8;

  private final SecretCertificateStore store;
  private final CaBundlePublisher publisher;
  private final RotationPlanner planner;
  private final BundleIssuer issuer;
  private final BundleSecretFormat format = new BundleSecretFormat();
  private final Clock clock;

  public CertificateReconciler(
      SecretCertificateStore store,
      CaBundlePublisher publisher,
      RotationPlanner planner,
      BundleIssuer issuer,
      Clock clock) {
    this.store = store;
    this.publisher = publisher;
    this.planner = planner;
    this.issuer = issuer;
    this.clock = clock;
  }

  /** The bundle as stored once nothing is left to do. */
  public CertificateBundle reconcile() throws TlsMaterialException {
    try {
      return reconcileRounds();
    } catch (KubernetesClientException e) {
      throw new TlsMaterialException("cannot read or write " + store + ": " + e.getMessage(), e);
    }
  }

  private CertificateBundle reconcileRounds() throws TlsMaterialException {
    for (int round = 0; round < MAX_ROUNDS; round++) {
      Optional<Secret> stored = store.read();
      if (stored.isEmpty()) {
        create();
        continue;
      }
      CertificateBundle bundle;
      try {
        bundle = format.read(stored.get());
      } catch (TlsMaterialException e) {
        // The Secret is this webhook's own: nothing else should write it, so what cannot be read
        // is replaced rather than left to block every start.
        log.error("{} holds no usable CA ({}); replacing it with a new CA", store, e.getMessage());
        write(stored.get(), issuer.create());
        continue;
      }
      boolean isTrustPublished = publisher.publish(bundle.caBundlePem());
      RotationPlan plan = planner.plan(bundle, clock.instant(), isTrustPublished);
      if (plan.step() == RotationStep.KEEP) {
        log.debug("{}: nothing to do ({})", store, plan.reason());
        return bundle;
      }
      log.info("{}: {} because {}", store, plan.step(), plan.reason());
      write(stored.get(), issuer.apply(plan.step(), bundle));
    }
    throw new TlsMaterialException(
        store + " was still changing after " + MAX_ROUNDS + " rounds; trying again later");
  }

  private void create() {
    CertificateBundle created = issuer.create();
    String namespace = store.namespace();
    if (store.create(format.newSecret(namespace, store.name(), created))) {
      log.info("Created {} with {}", store, created);
    } else {
      log.info("Another replica created {} first; adopting its CA", store);
    }
  }

  private void write(Secret stored, CertificateBundle next) {
    if (store.replace(format.replacing(stored, next))) {
      log.info("Wrote {} with {}", store, next);
    } else {
      log.info("Another replica changed {} first; reading it again", store);
    }
  }
}
