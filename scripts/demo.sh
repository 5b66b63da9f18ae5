#!/usr/bin/env bash
# The whole story, end to end, on this machine alone: starts etcd, kube-apiserver and
# kube-controller-manager on 127.0.0.1, runs the webhook and the provisioner with one config
# (src/test/resources/demo/pullsecret-webhook.yaml), applies a GitOps repository of services
# (src/test/resources/demo/) through the API server and prints what it stored: the copies of the
# pull secret, every workload and why, the Pods the controllers made, and a rotation.
#
# Usage: scripts/demo.sh
#
# The first run builds kube-apiserver, kube-controller-manager and etcd from source
# (scripts/kube-binaries.sh, about
# 10-20 minutes, progress below); later runs start in seconds. Everything the demo starts is
# stopped when it ends, also on Ctrl-C.

set -euo pipefail

cd "$(dirname "$0")/.."

echo "demo: making sure the control-plane binaries are built (cached after the first run) ..." >&2
bin_dir="$(scripts/kube-binaries.sh | tail -n 1)"
export PULLSECRET_KUBE_BIN="$bin_dir"

echo "demo: compiling ..." >&2
exec mvn -B -q -DskipTests test-compile exec:java \
  -Dexec.mainClass=com.tanhdev.pullsecret.demo.Demo \
  -Dexec.classpathScope=test
