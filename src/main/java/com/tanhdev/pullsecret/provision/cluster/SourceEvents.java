package com.tanhdev.pullsecret.provision.cluster;

import com.tanhdev.pullsecret.provision.FanOutSummary;
import com.tanhdev.pullsecret.provision.SourceRef;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts the fan-out summary as an Event on the source Secret, where {@code kubectl describe secret}
 * shows it to whoever manages the credential. The message holds counts, namespace names and the
 * validity sentence, never secret data.
 */
public final class SourceEvents {

  private static final Logger LOG = LoggerFactory.getLogger(SourceEvents.class);
  private static final String COMPONENT = "pullsecret-webhook-provisioner";

  private final KubernetesClient client;
  private final Clock clock;
  private final String reportingInstance;

  public SourceEvents(KubernetesClient client, Clock clock, String reportingInstance) {
    this.client = client;
    this.clock = clock;
    this.reportingInstance = reportingInstance;
  }

  /**
   * The source's name and a random suffix, as kubectl's recorders name Events; a long source name
   * is cut so that the whole stays a valid name of at most 253 characters, or the API server
   * refuses the Event.
   */
  static String eventName(SourceRef ref, long random) {
    String prefix = ref.name().length() > 200 ? ref.name().substring(0, 200) : ref.name();
    // A cut name may end in '-' or '.', which cannot precede the suffix's dot.
    prefix = prefix.replaceAll("[-.]+$", "");
    return prefix + "." + Long.toHexString(random & Long.MAX_VALUE);
  }

  /**
   * @param source the source Secret when it exists (its uid ties the Event to it), else null
   */
  public void post(SourceRef ref, Secret source, FanOutSummary summary) {
    String now =
        DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.SECONDS));
    Event event =
        new EventBuilder()
            .withNewMetadata()
            .withName(eventName(ref, ThreadLocalRandom.current().nextLong()))
            .withNamespace(ref.namespace())
            .endMetadata()
            .withNewInvolvedObject()
            .withApiVersion("v1")
            .withKind("Secret")
            .withNamespace(ref.namespace())
            .withName(ref.name())
            .withUid(source == null ? null : source.getMetadata().getUid())
            .endInvolvedObject()
            .withType(summary.isWarning() ? "Warning" : "Normal")
            .withReason(summary.reason())
            .withMessage(summary.message())
            .withNewSource()
            .withComponent(COMPONENT)
            .endSource()
            .withReportingComponent(COMPONENT)
            .withReportingInstance(reportingInstance)
            .withFirstTimestamp(now)
            .withLastTimestamp(now)
            .withCount(1)
            .build();
    try {
      client.v1().events().inNamespace(ref.namespace()).resource(event).create();
    } catch (KubernetesClientException e) {
      // An Event is a report, not a duty: the metrics and the log carry the same facts.
      LOG.warn("could not post an Event on source {}: HTTP {}", ref, e.getCode());
    }
  }
}
