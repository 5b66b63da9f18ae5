package com.tanhdev.pullsecret.bench;

import com.tanhdev.pullsecret.admission.AdmissionCodec;
import com.tanhdev.pullsecret.admission.AdmissionHandler;
import com.tanhdev.pullsecret.admission.AdmissionRequest;
import com.tanhdev.pullsecret.admission.JsonMappers;
import com.tanhdev.pullsecret.lookup.FakeSecretLookup;
import com.tanhdev.pullsecret.policy.CurrentPolicy;
import com.tanhdev.pullsecret.policy.PolicySettings;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The in-process decision path for one realistic review: a 6 KB Deployment with three containers
 * and one init container, two of them on the registry. Bytes in, bytes out: parse the review,
 * decide (cache-hit lookup), build the patch, serialise the response.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 2,
    jvmArgs = {"-Xmx256m", "-XX:+UseSerialGC"})
public class DecisionPathBenchmark {

  private byte[] review;
  private AdmissionCodec codec;
  private AdmissionHandler handler;

  @Setup
  public void load() throws IOException {
    try (InputStream in =
        DecisionPathBenchmark.class.getResourceAsStream("/bench/deployment-review.json")) {
      review = in.readAllBytes();
    }
    codec = new AdmissionCodec(JsonMappers.strict());
    FakeSecretLookup lookup =
        new FakeSecretLookup().present("payment-production", "registry-api-tanhdev");
    handler = new AdmissionHandler(new CurrentPolicy(PolicySettings.defaults(), lookup));
  }

  @Benchmark
  public byte[] reviewDeployment() {
    AdmissionRequest request = codec.decode(review);
    return codec.encode(request.apiVersion(), handler.handle(request).response());
  }
}
