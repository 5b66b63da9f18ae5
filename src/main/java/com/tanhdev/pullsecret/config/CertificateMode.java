package com.tanhdev.pullsecret.config;

/** How the serving certificate is obtained. */
public enum CertificateMode {
  /** Read PEM files (cert-manager or a user-provided Secret mounted as a volume). */
  FILES,
  /** Keep a CA and serving certificate in a Secret and the webhook's caBundle up to date. */
  SELF_MANAGED
}
