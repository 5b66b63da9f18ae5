package com.tanhdev.pullsecret.load;

import com.tanhdev.pullsecret.provision.cluster.CopyMarker;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * When each copy arrived, as the benchmark's own watch sees it: an informer on the copies (the
 * provisioner's label and the rule's secret name), stamping the moment each namespace's copy first
 * carries a given source hash. The watch, not polling, so an arrival is timed to the event.
 */
final class CopyWatch implements AutoCloseable {

  private final SharedIndexInformer<Secret> informer;
  private final Map<String, Long> firstSeenNanos = new ConcurrentHashMap<>();

  private CopyWatch(SharedIndexInformer<Secret> informer) {
    this.informer = informer;
  }

  static CopyWatch start(KubernetesClient client, String secretName) {
    SharedIndexInformer<Secret> informer =
        client
            .secrets()
            .inAnyNamespace()
            .withLabel(CopyMarker.MANAGED_BY, CopyMarker.MANAGER)
            .withField("metadata.name", secretName)
            .runnableInformer(0);
    CopyWatch watch = new CopyWatch(informer);
    informer.addEventHandler(
        new ResourceEventHandler<Secret>() {
          @Override
          public void onAdd(Secret copy) {
            watch.seen(copy);
          }

          @Override
          public void onUpdate(Secret before, Secret after) {
            watch.seen(after);
          }

          @Override
          public void onDelete(Secret copy, boolean finalStateUnknown) {}
        });
    informer.run();
    return watch;
  }

  private void seen(Secret copy) {
    long now = System.nanoTime();
    String hash = copy.getMetadata().getAnnotations().get(CopyMarker.SOURCE_HASH);
    firstSeenNanos.putIfAbsent(key(copy.getMetadata().getNamespace(), hash), now);
  }

  /**
   * Waits until the copy in each of {@code namespaces} has carried {@code hash}, and returns the
   * moments ({@link System#nanoTime()}) it first did, in the order of {@code namespaces}.
   */
  long[] await(Collection<String> namespaces, String hash, Duration limit)
      throws InterruptedException, TimeoutException {
    long giveUp = System.nanoTime() + limit.toNanos();
    long[] seen = new long[namespaces.size()];
    int i = 0;
    for (String namespace : namespaces) {
      Long at;
      while ((at = firstSeenNanos.get(key(namespace, hash))) == null) {
        if (System.nanoTime() > giveUp) {
          throw new TimeoutException(
              "no copy with " + hash + " in " + namespace + " after " + limit.toSeconds() + " s");
        }
        TimeUnit.MILLISECONDS.sleep(
            20); // only the wait polls; the arrival was stamped by the watch
      }
      seen[i++] = at;
    }
    return seen;
  }

  private static String key(String namespace, String hash) {
    return namespace + "|" + hash;
  }

  @Override
  public void close() {
    informer.close();
  }
}
