package com.tanhdev.pullsecret.provision;

/**
 * What one reconcile of a (secret, namespace) pair does, and why.
 *
 * @param reason a sentence for the log line and Events; never secret data
 */
public record CopyPlan(Action action, CopyState state, String reason) {

  /** The one write (or none) that converges the pair. */
  public enum Action {
    NOTHING,
    CREATE,
    UPDATE,
    ADOPT,
    DELETE
  }

  static CopyPlan nothing(CopyState state, String reason) {
    return new CopyPlan(Action.NOTHING, state, reason);
  }

  public boolean writes() {
    return action != Action.NOTHING;
  }
}
