package com.tanhdev.pullsecret.tls.selfmanaged;

/**
 * Where a bundle stands in a CA rotation. A rotation moves the trust ahead of the certificate at
 * every step, so that whatever certificate a replica serves, the caBundle already trusts its CA:
 *
 * <ol>
 *   <li>{@link #STEADY}: one CA, trusted and issuing; the serving certificate is its own.
 *   <li>{@link #NEW_CA_TRUSTED}: a new CA is in the caBundle next to the old one, but every replica
 *       still serves a certificate from the old CA, while the API servers learn the new caBundle.
 *   <li>{@link #NEW_CA_SERVING}: the serving certificate comes from the new CA; the old CA stays
 *       trusted until every replica has reloaded the Secret. Then it is dropped: back to steady.
 * </ol>
 */
public enum RotationPhase {
  STEADY,
  NEW_CA_TRUSTED,
  NEW_CA_SERVING
}
