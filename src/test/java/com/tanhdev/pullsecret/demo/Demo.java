package com.tanhdev.pullsecret.demo;

import com.tanhdev.pullsecret.config.ConfigLoader;
import com.tanhdev.pullsecret.kube.ApiAnswer;
import com.tanhdev.pullsecret.kube.ControlPlane;
import com.tanhdev.pullsecret.kube.WebhookConfigSource;
import com.tanhdev.pullsecret.kube.WebhookFixture;
import com.tanhdev.pullsecret.kube.WebhookFixture.FailurePolicy;
import com.tanhdev.pullsecret.policy.RegistryRule;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The webhook's main job, end to end: a real API server, the webhook with its embedded default
 * config, and a GitOps repository of services applied through them. The table is read back from
 * what the API server stored. Everything it starts is stopped on exit, Ctrl-C included.
 */
public final class Demo {

  private static final String REPOSITORY = "/demo";

  private final PrintStream out;
  private final PrintStream progress;

  private Demo(PrintStream out, PrintStream progress) {
    this.out = out;
    this.progress = progress;
  }

  public static void main(String[] args) {
    new Demo(System.out, System.err).run();
  }

  private void run() {
    RegistryRule rule = new ConfigLoader().loadEmbedded(Map.of()).policy().rules().get(0);
    progress.println("demo: starting etcd and kube-apiserver on 127.0.0.1 ...");
    try (ControlPlane plane = ControlPlane.start()) {
      progress.println(
          "demo: starting the webhook (embedded default config) and registering it ...");
      try (WebhookFixture webhook =
          WebhookFixture.start(plane, WebhookConfigSource.embeddedDefault(), FailurePolicy.FAIL)) {
        GitOpsRepository repository = new GitOpsRepository(REPOSITORY);
        progress.println(
            "demo: applying " + repository.files().size() + " files of the GitOps repository ...");
        List<WorkloadOutcome> outcomes = apply(repository.objects(plane.client()), webhook, rule);
        out.println();
        out.print(new ResultTable(outcomes, rule.secret()).render());
      }
    }
  }

  private List<WorkloadOutcome> apply(
      List<HasMetadata> objects, WebhookFixture webhook, RegistryRule rule) {
    KubernetesClient client = webhook.client();
    List<WorkloadOutcome> outcomes = new ArrayList<>();
    for (HasMetadata object : objects) {
      if (object instanceof Namespace namespace) {
        client.resource(selectedBy(webhook, namespace)).create();
      } else if (object instanceof Secret) {
        client.resource(object).create();
      } else {
        ApiAnswer answer = webhook.api().create(object);
        if (!answer.succeeded()) {
          throw new IllegalStateException(
              "the API server refused " + describe(object) + ": " + answer.message());
        }
        HasMetadata stored = readBack(client, object);
        outcomes.add(WorkloadOutcome.of(object, answer, stored, rule));
      }
    }
    return outcomes;
  }

  /** The demo's namespaces get the label that routes them to this webhook registration. */
  private static Namespace selectedBy(WebhookFixture webhook, Namespace namespace) {
    return new NamespaceBuilder(namespace)
        .editMetadata()
        .addToLabels(webhook.namespaceLabels())
        .endMetadata()
        .build();
  }

  private static HasMetadata readBack(KubernetesClient client, HasMetadata object) {
    return client
        .resources(object.getClass())
        .inNamespace(object.getMetadata().getNamespace())
        .withName(object.getMetadata().getName())
        .get();
  }

  private static String describe(HasMetadata object) {
    return object.getKind()
        + " "
        + object.getMetadata().getNamespace()
        + "/"
        + object.getMetadata().getName();
  }
}
