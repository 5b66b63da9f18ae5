#!/usr/bin/env bash
# Benchmark of the provisioner: a real etcd and kube-apiserver on loopback, the `provision`
# command in its own JVM (the image's Java release and JVM flags, the shaded jar), and a driver
# that creates namespaces (at a steady rate, then in one burst), rotates the source and adds
# unrelated Secrets, timing each copy's arrival with its own watch and reading the provisioner's
# memory and CPU time from /proc. Prints markdown for docs/benchmarks.md; takes about two
# minutes (--quick: 50 namespaces instead of 500, about 40 s). Leaves no process behind: the
# control plane and the provisioner are stopped at the end, or killed if it is interrupted.
# Options:
#   --quick       a smoke run
#   --out FILE    also write the markdown to FILE
# The provisioner's log and config go to target/load/.
set -euo pipefail
cd "$(dirname "$0")/.."

PULLSECRET_KUBE_BIN="${PULLSECRET_KUBE_BIN:-$(scripts/kube-binaries.sh | tail -1)}"
PULLSECRET_IMAGE_JAVA="${PULLSECRET_IMAGE_JAVA:-$(scripts/image-java.sh)}"
export PULLSECRET_KUBE_BIN PULLSECRET_IMAGE_JAVA

mvn -B -q -DskipTests package dependency:build-classpath \
  -Dmdep.outputFile=target/load.classpath -Dmdep.includeScope=test
exec "$PULLSECRET_IMAGE_JAVA" -XX:+UseSerialGC -Xmx1g \
  -cp "target/test-classes:target/classes:$(cat target/load.classpath)" \
  com.tanhdev.pullsecret.load.ProvisionBench "$@"
