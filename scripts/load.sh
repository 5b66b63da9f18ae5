#!/usr/bin/env bash
# Load test of the webhook over HTTPS, shaped like kube-apiserver's webhook client, next to the
# same load against a no-op handler on the same server stack. Prints markdown for
# docs/benchmarks.md; takes about twenty minutes (--quick: about seven). The container image runs
# JDK 25, so measure with a JDK 25 (LOAD_JAVA=/path/to/bin/java); it needs JDK 21 or later for
# virtual threads, and warns otherwise. Options:
#   --quick                  shorter runs, to check that everything works
#   --only LIST              ceiling,webhook,burst,startup,vegeta,lowrate,apiserver (default: all)
#   --key ec-p256|rsa-2048   the serving certificate's key (default: ec-p256)
#   --server-java PATH       the java that runs the servers (default: the generator's, which is
#                            $LOAD_JAVA or else java on the PATH)
#   --server-flag FLAG       a JVM flag added after the container's (repeatable)
#   --out FILE               also write the markdown to FILE
# Server logs and ports files go to target/load/.
set -euo pipefail
cd "$(dirname "$0")/.."

java_bin="${LOAD_JAVA:-java}"
feature=$("$java_bin" -XshowSettings:properties -version 2>&1 \
  | sed -n 's/^ *java.specification.version = //p')
if [ "${feature:-0}" -lt 21 ] 2>/dev/null; then
  echo "warning: $java_bin is Java $feature; the generator falls back to platform threads," \
    "whose scheduling inflates what overload costs. Set LOAD_JAVA to a JDK 21 or later." >&2
fi

# vegeta (scripts/vegeta.sh) is the independent generator of the vegeta scenario; a preset
# PULLSECRET_VEGETA is used as it is.
PULLSECRET_VEGETA=$(scripts/vegeta.sh | tail -n 1)
# etcd and kube-apiserver (scripts/kube-binaries.sh) for the apiserver scenario, which creates
# Pods through a real API server.
PULLSECRET_KUBE_BIN=${PULLSECRET_KUBE_BIN:-$(scripts/kube-binaries.sh | tail -n 1)}
# The small Go injector (scripts/go-injector.sh) the apiserver scenario compares the webhook with.
PULLSECRET_GO_INJECTOR=$(scripts/go-injector.sh | tail -n 1)
export PULLSECRET_VEGETA PULLSECRET_KUBE_BIN PULLSECRET_GO_INJECTOR

# The shaded jar too: the apiserver scenario runs the webhook from it, with the image's AOT cache.
mvn -B -q -DskipTests package dependency:build-classpath \
  -Dmdep.outputFile=target/load.classpath -Dmdep.includeScope=test
# The generator's own pauses would count as server latency: a young generation large enough
# that it collects every few seconds, and small thread stacks for thousands of waiting senders.
# Like kube-apiserver's Go client, which sends an X25519 key share (and a post-quantum hybrid one
# that JDK servers ignore), the generator offers X25519 alone: by default the JDK client would
# also compute a P-256 share for every dial, CPU the real client does not spend.
exec "$java_bin" -XX:+UseSerialGC -Xms1g -Xmx1g -Xmn768m -Xss256k \
  -Djdk.tls.namedGroups=x25519 \
  -cp "target/test-classes:target/classes:$(cat target/load.classpath)" \
  com.tanhdev.pullsecret.load.LoadRun "$@"
