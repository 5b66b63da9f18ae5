package com.tanhdev.pullsecret.audit;

import com.tanhdev.pullsecret.lookup.SecretProblem;

/** The closed list of {@code problem} values of an audit finding. */
public enum FindingProblem {
  SECRET_MISSING("secret-missing"),
  SECRET_WRONG_TYPE(SecretProblem.WRONG_TYPE.label()),
  SECRET_UNPARSABLE(SecretProblem.UNPARSABLE.label()),
  SECRET_LACKS_REGISTRY(SecretProblem.LACKS_REGISTRY.label()),
  NOT_INJECTED("not-injected"),
  PULL_FAILING("pull-failing");

  private final String label;

  FindingProblem(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  static FindingProblem of(SecretProblem problem) {
    return switch (problem) {
      case WRONG_TYPE -> SECRET_WRONG_TYPE;
      case UNPARSABLE -> SECRET_UNPARSABLE;
      case LACKS_REGISTRY -> SECRET_LACKS_REGISTRY;
    };
  }
}
