package com.tanhdev.pullsecret.provision.controller;

import com.tanhdev.pullsecret.kube.ControlPlaneExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.support.TypeBasedParameterResolver;

/**
 * Gives a test (or its {@code @BeforeEach}) a fresh {@link ProvisioningScenario} on the shared
 * control plane, and closes it after the test: its provisioners stop and its config file goes.
 */
final class ProvisioningExtension extends TypeBasedParameterResolver<ProvisioningScenario> {

  @Override
  public ProvisioningScenario resolveParameter(
      ParameterContext parameter, ExtensionContext context) {
    // One per test: the test method and its @BeforeEach get the same scenario.
    return context
        .getStore(ExtensionContext.Namespace.create(ProvisioningExtension.class))
        .computeIfAbsent(ProvisioningScenario.class, ignored -> Started.in(context), Started.class)
        .scenario();
  }

  private record Started(ProvisioningScenario scenario, Path dir) implements AutoCloseable {

    static Started in(ExtensionContext context) {
      try {
        Path dir = Files.createTempDirectory("provisioning-scenario");
        return new Started(
            ProvisioningScenario.create(ControlPlaneExtension.shared(context).client(), dir), dir);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() throws IOException {
      scenario.close();
      Files.deleteIfExists(scenario.configFile);
      Files.delete(dir);
    }
  }
}
