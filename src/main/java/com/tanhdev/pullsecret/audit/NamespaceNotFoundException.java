package com.tanhdev.pullsecret.audit;

/** A namespace named on the command line does not exist. */
public final class NamespaceNotFoundException extends RuntimeException {

  NamespaceNotFoundException(String namespace) {
    super("namespace " + namespace + " does not exist");
  }
}
