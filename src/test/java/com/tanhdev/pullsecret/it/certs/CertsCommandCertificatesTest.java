package com.tanhdev.pullsecret.it.certs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tanhdev.pullsecret.cli.CertsCommand;
import com.tanhdev.pullsecret.kube.ApiAnswer;
import com.tanhdev.pullsecret.kube.ControlPlane;
import com.tanhdev.pullsecret.kube.ControlPlaneExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code certs} command's output used as the README says, checked by the one client that
 * matters: kube-apiserver, which verifies the chain against the pasted caBundle and the host name
 * of the URL it dials against the certificate's names.
 */
@ExtendWith(ControlPlaneExtension.class)
class CertsCommandCertificatesTest {

  @TempDir Path dir;

  private WebhookScenario scenario;

  @BeforeEach
  void newScenario(ControlPlane plane) {
    scenario = new WebhookScenario(plane, "certs-command");
  }

  @AfterEach
  void cleanUp() {
    scenario.close();
  }

  @Test
  void a_certificate_made_with_ip_is_accepted_when_the_api_server_dials_that_address()
      throws Exception {
    String caBundle = certs("--ip", "127.0.0.1");
    LoopbackWebhook webhook = serveCertsOutput();

    scenario.register(caBundle, List.of("https://127.0.0.1:" + webhook.port() + "/mutate"));

    scenario.awaitAdmissionsWork();
    ApiAnswer answer = scenario.createPod();
    assertThat(WebhookScenario.isInjected(answer)).as(answer.toString()).isTrue();
  }

  @Test
  void a_certificate_made_with_dns_is_accepted_when_the_api_server_dials_that_name()
      throws Exception {
    String caBundle = certs("--dns", "localhost");
    LoopbackWebhook webhook = serveCertsOutput();

    scenario.register(caBundle, List.of("https://localhost:" + webhook.port() + "/mutate"));

    scenario.awaitAdmissionsWork();
    ApiAnswer answer = scenario.createPod();
    assertThat(WebhookScenario.isInjected(answer)).as(answer.toString()).isTrue();
  }

  @Test
  void a_certificate_without_the_dialled_address_makes_the_api_server_reject_the_pod()
      throws Exception {
    String caBundle = certs("--dns", "localhost");
    LoopbackWebhook webhook = serveCertsOutput();

    scenario.register(caBundle, List.of("https://127.0.0.1:" + webhook.port() + "/mutate"));

    // Until the API server has loaded the new configuration, pods are created without a call.
    ApiAnswer rejected =
        await("the API server applies the webhook configuration")
            .atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(100))
            .until(scenario::createPod, answer -> !answer.succeeded());
    assertThat(rejected.message())
        .contains("failed calling webhook")
        .contains("x509: cannot validate certificate for 127.0.0.1")
        .contains("doesn't contain any IP SANs");
  }

  /** Runs {@code certs ARGS --out DIR} and returns the caBundle line it prints for the manifest. */
  private String certs(String... args) {
    List<String> arguments = new ArrayList<>(List.of(args));
    arguments.addAll(List.of("--out", dir.toString()));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exitCode =
        new CertsCommand()
            .run(
                arguments,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(exitCode).as(err.toString(StandardCharsets.UTF_8)).isZero();
    return out.toString(StandardCharsets.UTF_8)
        .lines()
        .filter(line -> line.startsWith("caBundle: "))
        .map(line -> line.substring("caBundle: ".length()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("certs printed no caBundle line: " + out));
  }

  /** Serves tls.crt and tls.key as {@code serve} does from the mounted Secret. */
  private LoopbackWebhook serveCertsOutput() throws Exception {
    return scenario.track(
        LoopbackWebhook.servingFiles(
            scenario.client(), dir.resolve("tls.crt"), dir.resolve("tls.key")));
  }
}
