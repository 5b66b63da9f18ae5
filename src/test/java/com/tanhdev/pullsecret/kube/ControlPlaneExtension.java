package com.tanhdev.pullsecret.kube;

import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests the one {@link ControlPlane} of this test run. It lives in the root context's store,
 * so every test class shares it and JUnit closes it after the last one. A failed start is
 * remembered too: the remaining classes fail at once with the same cause instead of each waiting
 * for a control plane that will not come up.
 *
 * <p>Tests that need controllers to act (Pods made by Deployments and Jobs, namespaces that finish
 * deleting) share a second control plane that also runs kube-controller-manager ({@link
 * #sharedWithControllerManager}). It is separate because controllers change what other tests
 * observe: a Deployment gets ReplicaSets and Pods, an object whose owner does not exist is
 * collected.
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

  /** The run's control plane without controllers, started on first use. */
  public static ControlPlane shared(ExtensionContext context) {
    return shared(context, Kind.PLAIN, ControlPlane::start);
  }

  /** The run's control plane with kube-controller-manager, started on first use. */
  public static ControlPlane sharedWithControllerManager(ExtensionContext context) {
    return shared(context, Kind.WITH_CONTROLLER_MANAGER, ControlPlane::startWithControllerManager);
  }

  private enum Kind {
    PLAIN,
    WITH_CONTROLLER_MANAGER
  }

  private static ControlPlane shared(
      ExtensionContext context, Kind kind, Supplier<ControlPlane> start) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .computeIfAbsent(kind, ignored -> StartAttempt.run(start), StartAttempt.class)
        .controlPlane();
  }

  private record StartAttempt(ControlPlane started, RuntimeException failure)
      implements AutoCloseable {

    static StartAttempt run(Supplier<ControlPlane> start) {
      try {
        return new StartAttempt(start.get(), null);
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
