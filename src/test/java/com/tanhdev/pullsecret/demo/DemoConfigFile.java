package com.tanhdev.pullsecret.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The demo's config as a file, the way the provision command reads it; deleted on close. */
record DemoConfigFile(Path path) implements AutoCloseable {

  static DemoConfigFile write(String yaml) {
    try {
      Path file = Files.createTempFile("pullsecret-demo-", ".yaml");
      return new DemoConfigFile(Files.writeString(file, yaml));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the demo's config file", e);
    }
  }

  @Override
  public void close() {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + path, e);
    }
  }
}
