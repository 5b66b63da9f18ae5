#!/usr/bin/env bash
# The roll-out drill: two webhook replicas (the image's command line on the image's Java release)
# behind the chart's Service, called by a real kube-apiserver through an EndpointSlice, with
# failurePolicy Fail, while pods and deployments are created at 50 per second. First with
# certificate files: rolling restarts, a SIGKILL, a certificate renewal, a CA rotation and an API
# server restart; then in the self-managed certificate mode: 5 rolling restarts and its own CA
# rotation. Prints the markdown tables of docs/benchmarks.md ("Roll-outs") and writes
# target/rollout-files.json and target/rollout-selfManaged.json. Runs in a network namespace of
# its own (unshare --net, so as root), whose loopback carries the pod addresses 192.0.2.11-250;
# nothing leaves it. About 15 minutes with the default 20 restarts, on a quiet machine.
# Options (of the first run):
#   --restarts N        rolling restarts of both replicas (default 20)
#   --rate PER_SECOND   creates per second (default 50)
set -euo pipefail
cd "$(dirname "$0")/.."

PULLSECRET_KUBE_BIN="${PULLSECRET_KUBE_BIN:-$(scripts/kube-binaries.sh | tail -1)}"
PULLSECRET_HELM="${PULLSECRET_HELM:-$(scripts/helm.sh | tail -1)}"
PULLSECRET_IMAGE_JAVA="${PULLSECRET_IMAGE_JAVA:-$(scripts/image-java.sh)}"
export PULLSECRET_KUBE_BIN PULLSECRET_HELM PULLSECRET_IMAGE_JAVA

mvn -B -q -DskipTests package dependency:build-classpath \
  -Dmdep.outputFile=target/load.classpath -Dmdep.includeScope=test
drill() {
  local certificates=$1
  shift
  java -cp "target/test-classes:target/classes:$(cat target/load.classpath)" \
    com.tanhdev.pullsecret.rollout.IsolatedNetwork --certificates "$certificates" \
    --report "target/rollout-$certificates.json" "$@"
}
drill files "$@"
drill selfManaged --restarts 5
