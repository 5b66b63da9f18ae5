package com.tanhdev.pullsecret.demo;

import com.tanhdev.pullsecret.config.WebhookConfig;
import com.tanhdev.pullsecret.kube.ControlPlane;
import com.tanhdev.pullsecret.kube.WebhookConfigSource;
import com.tanhdev.pullsecret.kube.WebhookFixture;
import com.tanhdev.pullsecret.kube.WebhookFixture.FailurePolicy;
import com.tanhdev.pullsecret.provision.ProvisionedSecret;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The whole story, end to end: a real API server with kube-controller-manager, the webhook and the
 * provisioner sharing one config, and a GitOps repository of services. The pull secret lives once,
 * in {@code infrastructure}; {@code search-dev} has none; the provisioner copies it (and takes over
 * the hand-made ones), the workloads and the Pods their controllers make get it, and a rotated
 * source reaches every copy. Everything is read back from the API server. Everything it starts is
 * stopped on exit, Ctrl-C included.
 */
public final class Demo {

  private static final String REPOSITORY = "/demo";
  private static final String CONFIG = "/demo/pullsecret-webhook.yaml";
  private static final String STORY_NAMESPACE = "search-dev";
  private static final String ROTATED =
      "{\"auths\":{\"registry-api.tanhdev.com\":{\"auth\":\"Y2ktcHVsbDpyb3RhdGVkLXRva2Vu\"}}}";

  private final PrintStream out;
  private final PrintStream progress;

  Demo(PrintStream out, PrintStream progress) {
    this.out = out;
    this.progress = progress;
  }

  public static void main(String[] args) {
    PrintStream progress = System.err;
    progress.println("demo: starting etcd, kube-apiserver and kube-controller-manager ...");
    try (ControlPlane plane = ControlPlane.startWithControllerManager()) {
      new Demo(System.out, progress).run(plane);
    }
  }

  /** Tells the story on {@code plane}, which must run kube-controller-manager. */
  void run(ControlPlane plane) {
    WebhookConfigSource source = WebhookConfigSource.yaml(configText());
    WebhookConfig config = source.load(Map.of());
    ProvisionedSecret secret = config.provisioning().secrets().get(0);
    progress.println("demo: starting the webhook and registering it ...");
    try (WebhookFixture webhook = WebhookFixture.start(plane, source, FailurePolicy.FAIL)) {
      GitOpsRepository repository = new GitOpsRepository(REPOSITORY);
      List<HasMetadata> objects = repository.objects(plane.client());
      progress.println("demo: applying the platform: namespaces, the source, hand-made secrets");
      RepositorySync sync = new RepositorySync(webhook, config.policy().rules().get(0));
      sync.applyPlatform(objects);
      SourceCopies copies =
          new SourceCopies(
              plane.client(), secret.secret(), secret.source(), selected(objects, config));
      out.println();
      out.println(
          "Source: secret "
              + secret.source().name()
              + " in namespace "
              + secret.source().namespace()
              + " (the SealedSecret's output)");
      out.println(
          "Before: "
              + String.join(", ", copies.lacking())
              + " has no "
              + secret.secret()
              + "; "
              + copies.handMade().size()
              + " namespaces hold one made by hand");
      progress.println("demo: starting the provisioner (the same config, adoptExisting: true) ...");
      int handMade = copies.handMade().size();
      long started = System.nanoTime();
      try (DemoConfigFile file = DemoConfigFile.write(configText());
          ProvisionerRun provisioner = ProvisionerRun.start(plane.client(), file.path())) {
        long tookMillis = copies.awaitInSync(started).toMillis();
        out.println(
            "Provisioned: "
                + copies.namespaces().size()
                + " namespaces hold a copy "
                + tookMillis
                + " ms after the provisioner started ("
                + handMade
                + " hand-made secrets adopted, the others copied)");
        progress.println("demo: applying the services of the GitOps repository ...");
        out.println();
        out.print(new ResultTable(sync.applyWorkloads(objects), secret.secret()).render());
        out.println();
        out.println("Pods made by kube-controller-manager in " + STORY_NAMESPACE + ":");
        out.print(
            new ControllerMadePods(plane.client())
                .render(STORY_NAMESPACE, RepositorySync.workloadsIn(objects, STORY_NAMESPACE)));
        out.println();
        copies.rotate(ROTATED);
        long rotated = System.nanoTime();
        long followMillis = copies.awaitInSync(rotated).toMillis();
        out.println(
            "Rotated "
                + secret.source()
                + ": all "
                + copies.namespaces().size()
                + " copies followed in "
                + followMillis
                + " ms");
      }
    }
  }

  /** The namespaces the provisioner selects, by the provisioner's own rule. */
  private static List<String> selected(List<HasMetadata> objects, WebhookConfig config) {
    return objects.stream()
        .filter(Namespace.class::isInstance)
        .map(ns -> ns.getMetadata().getName())
        .filter(
            name ->
                config
                    .policy()
                    .provisioned()
                    .isProvisioned(config.provisioning().secrets().get(0).secret(), name, Map.of()))
        .toList();
  }

  private static String configText() {
    try (InputStream in = Demo.class.getResourceAsStream(CONFIG)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + CONFIG, e);
    }
  }
}
