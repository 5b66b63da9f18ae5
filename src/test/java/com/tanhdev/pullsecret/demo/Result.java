package com.tanhdev.pullsecret.demo;

/** What happened to one workload, as the demo's RESULT column shows it. */
enum Result {
  INJECTED("injected"),
  ALREADY_PRESENT("already present"),
  NO_REGISTRY_IMAGE("skipped: no registry image"),
  SECRET_MISSING("skipped: secret missing"),
  UNEXPECTED("unexpected");

  private final String label;

  Result(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }
}
