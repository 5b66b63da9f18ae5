# syntax=docker/dockerfile:1

# Container image of the pullsecret-webhook admission webhook.
#
#   docker build -t pullsecret-webhook:0.1.0 --build-arg VERSION=0.1.0 .
#
# Three stages: Maven builds the shaded jar, jlink cuts a Java runtime down to the modules the
# webhook uses, and a distroless base without a shell or package manager runs it as a numeric
# non-root user, which is what Pod Security "restricted" and runAsNonRoot check.

ARG JAVA_VERSION=25

# ---- build: the shaded jar --------------------------------------------------------------------
FROM maven:3.9-eclipse-temurin-${JAVA_VERSION} AS build
WORKDIR /src
# The pom alone first, so the dependency download is cached until the pom changes.
COPY pom.xml ./
RUN --mount=type=cache,target=/root/.m2 mvn -B -q dependency:resolve dependency:resolve-plugins
COPY src ./src
RUN --mount=type=cache,target=/root/.m2 mvn -B -q package -DskipTests \
    && cp target/pullsecret-webhook.jar /pullsecret-webhook.jar

# ---- runtime: a trimmed Java ------------------------------------------------------------------
# A pristine JDK image for jlink: since JDK 24 Temurin links from its own runtime image instead
# of jmods, which jlink refuses if any JDK file was changed after installation.
FROM eclipse-temurin:${JAVA_VERSION}-jdk AS runtime
# Module list from `jdeps --print-module-deps --ignore-missing-deps` on the shaded jar, minus
# the modules only reached by code paths the webhook never takes (Jetty webapp, JAAS and
# SPNEGO, servlet leak preventers, Vert.x verticle compilation, JTA), plus two that are only
# loaded reflectively:
#   java.logging, java.xml    logback, and an operator's own logback file (-Dlogback.configurationFile)
#   java.net.http             the Kubernetes client's HTTP transport (the JDK's HttpClient)
#   java.management,          micrometer JVM and process metrics (com.sun.management beans)
#     jdk.management
#   java.naming,              logback and Netty's DNS server discovery (JNDI "dns:" context)
#     jdk.naming.dns
#   java.sql                  Jackson and fabric8 date types (java.sql.Timestamp)
#   jdk.unsupported           sun.misc.Unsafe for Netty, Jackson and Kotlin
# java.desktop is left out on purpose: Jackson only uses java.beans when present, and the AWT
# stack would add megabytes and CVEs. jdk.crypto.ec is not needed: since JDK 22 the EC
# algorithms (the ECDSA P-256 serving certificate) live in java.base.
RUN jlink \
      --add-modules java.base,java.logging,java.management,java.naming,java.net.http,java.sql,java.xml,jdk.management,jdk.naming.dns,jdk.unsupported \
      --strip-debug \
      --no-man-pages \
      --no-header-files \
      --compress=zip-6 \
      --output /opt/java

# ---- final image --------------------------------------------------------------------------------
# glibc, zlib, CA certificates and a passwd entry for 65532, no shell and no Java of its own.
FROM gcr.io/distroless/java-base-debian12:nonroot

ARG VERSION=0.1.0
LABEL org.opencontainers.image.title="pullsecret-webhook" \
      org.opencontainers.image.description="Kubernetes mutating admission webhook that adds registry imagePullSecrets to pods and workloads." \
      org.opencontainers.image.source="https://github.com/tanhdev/pullsecret-webhook" \
      org.opencontainers.image.licenses="Apache-2.0" \
      org.opencontainers.image.version="${VERSION}"

COPY --from=runtime /opt/java /opt/java
COPY --from=build /pullsecret-webhook.jar /app/pullsecret-webhook.jar

# The AOT cache (JDK 25: classes loaded and linked ahead of time, and method profiles): a training
# run of the webhook (com.tanhdev.pullsecret.training.TrainingRun: a generated certificate, a
# stand-in API server for the informers, reviews over HTTPS, probes) records what serve loads and
# how its hot code behaves; serve then starts from it, and the JIT compiles the request path from
# the recorded profiles instead of waiting to collect its own. The JVM refuses a cache made by
# another Java, for another jar or with other flags, so it is made here, by this runtime, with
# the jar at its final path and the ENTRYPOINT's flags. Exec form, as the base has no shell; as
# root, since /app is root's (the cache stays read-only for the app's user).
USER 0:0
RUN ["/opt/java/bin/java", "-XX:AOTCacheOutput=/app/pullsecret-webhook.aot", "-Xmx96m", "-Xmn8m", "-XX:+UseSerialGC", "-XX:+UseCompactObjectHeaders", "-XX:+ExitOnOutOfMemoryError", "-XX:TrimNativeHeapInterval=1000", "-Xlog:aot=error", "-cp", "/app/pullsecret-webhook.jar", "com.tanhdev.pullsecret.training.TrainingRun"]

# Numeric, so the kubelet can verify runAsNonRoot without reading /etc/passwd.
USER 65532:65532

# 8443: HTTPS admission endpoint; 8080: plain HTTP health and metrics.
EXPOSE 8443 8080

# Start from the AOT cache made above (start to ready in a third of the time, see
# docs/benchmarks.md). A fixed 96 MiB heap: the live set is about 30 MiB, and the rest of the
# process (class metadata, JIT code, threads) does not scale with the limit, so a percentage of the
# limit would only waste memory. An 8 MiB young generation instead of a third of the heap: every
# page of it is touched between two collections, so a larger one is resident memory that holds
# only garbage (8 MiB instead of 16 took 8-10 MiB off idle memory, for collections twice as
# frequent and a third shorter, a few milliseconds each at 4,000 reviews/s). Compact object
# headers (8 bytes instead of 12) make every object smaller. The serial collector keeps young
# pauses to a few milliseconds on this heap; exiting on OutOfMemoryError lets the kubelet restart a
# broken JVM. Trimming the native heap every second gives back to the system what the JIT
# compilers' arenas freed, which glibc would otherwise keep. The Helm chart spells out this same
# command so its jvmOptions value can replace these flags; the training run above must use the
# same ones.
ENTRYPOINT ["/opt/java/bin/java", "-XX:AOTCache=/app/pullsecret-webhook.aot", "-Xmx96m", "-Xmn8m", "-XX:+UseSerialGC", "-XX:+UseCompactObjectHeaders", "-XX:+ExitOnOutOfMemoryError", "-XX:TrimNativeHeapInterval=1000", "-jar", "/app/pullsecret-webhook.jar"]
CMD ["serve", "--config", "/etc/pullsecret-webhook/config.yaml"]
