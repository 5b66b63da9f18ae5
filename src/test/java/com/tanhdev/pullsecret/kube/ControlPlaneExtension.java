package com.tanhdev.pullsecret.kube;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests the one {@link ControlPlane} of this test run. It lives in the root context's store,
 * so every test class shares it and JUnit closes it after the last one. A failed start is
 * remembered too: the remaining classes fail at once with the same cause instead of each waiting
 * for a control plane that will not come up.
 */
public final class ControlPlaneExtension implements ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(ControlPlaneExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == ControlPlane.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return shared(context);
  }

  /** The run's control plane, started on first use. */
  public static ControlPlane shared(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .computeIfAbsent(StartAttempt.class, ignored -> StartAttempt.run(), StartAttempt.class)
        .controlPlane();
  }

  private record StartAttempt(ControlPlane started, RuntimeException failure)
      implements AutoCloseable {

    static StartAttempt run() {
      try {
        return new StartAttempt(ControlPlane.start(), null);
      } catch (RuntimeException e) {
        return new StartAttempt(null, e);
      }
    }

    ControlPlane controlPlane() {
      if (failure != null) {
        throw new IllegalStateException(
            "the shared control plane did not start: " + failure.getMessage(), failure);
      }
      return started;
    }

    @Override
    public void close() {
      if (started != null) {
        started.close();
      }
    }
  }
}
