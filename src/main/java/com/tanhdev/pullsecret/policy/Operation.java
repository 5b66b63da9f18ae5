package com.tanhdev.pullsecret.policy;

/** The admission operations the API server sends. */
public enum Operation {
  CREATE,
  UPDATE,
  DELETE,
  CONNECT;

  /** Parses the wire value; null when the text is not a known operation. */
  public static Operation fromWire(String text) {
    for (Operation operation : values()) {
      if (operation.name().equals(text)) {
        return operation;
      }
    }
    return null;
  }
}
