package com.tanhdev.pullsecret.kube;

import com.tanhdev.pullsecret.kube.WebhookFixture.FailurePolicy;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One registered webhook per test class, on the run's shared control plane:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final WebhookExtension webhook = WebhookExtension.withConfig("mode: report");
 * }</pre>
 */
public final class WebhookExtension implements BeforeAllCallback, AfterAllCallback {

  private final WebhookConfigSource config;
  private final boolean needsControllers;
  private WebhookFixture fixture;

  private WebhookExtension(WebhookConfigSource config, boolean needsControllers) {
    this.config = config;
    this.needsControllers = needsControllers;
  }

  /** A webhook with this YAML config, registered with failurePolicy Fail. */
  public static WebhookExtension withConfig(String yaml) {
    return new WebhookExtension(WebhookConfigSource.yaml(yaml), false);
  }

  /**
   * The same webhook, registered with the run's control plane that runs kube-controller-manager,
   * for tests of what controllers create.
   */
  public WebhookExtension withControllerManager() {
    return new WebhookExtension(config, true);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    ControlPlane plane =
        needsControllers
            ? ControlPlaneExtension.sharedWithControllerManager(context)
            : ControlPlaneExtension.shared(context);
    fixture = WebhookFixture.start(plane, config, FailurePolicy.FAIL);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (fixture != null) {
      fixture.close();
    }
  }

  public WebhookFixture fixture() {
    if (fixture == null) {
      throw new IllegalStateException("the webhook starts before the first test of the class");
    }
    return fixture;
  }
}
