package com.tanhdev.pullsecret.load;

/**
 * How much the provisioning benchmark creates.
 *
 * @param namespaces namespaces created at a steady rate, and again in one burst
 * @param perSecond the steady rate
 * @param rotations source rotations over the steadily created namespaces
 * @param unrelatedPerNamespace Secrets the provisioner must not cache, in every selected namespace
 * @param unrelatedBytes the size of each one's data
 */
record ProvisioningSizes(
    int namespaces,
    double perSecond,
    int rotations,
    int unrelatedPerNamespace,
    int unrelatedBytes) {

  /** 500 namespaces twice (1,000 selected), then 10,000 Secrets of 2 KiB (20 MiB). */
  static ProvisioningSizes full() {
    return new ProvisioningSizes(500, 20, 3, 10, 2048);
  }

  /** A smoke run: 50 namespaces twice, then 1,000 Secrets. */
  static ProvisioningSizes quick() {
    return new ProvisioningSizes(50, 20, 3, 10, 2048);
  }
}
