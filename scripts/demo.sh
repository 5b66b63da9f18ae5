#!/usr/bin/env bash
# The webhook's main job, end to end, on this machine alone: starts etcd and kube-apiserver on
# 127.0.0.1, runs the webhook with its embedded default config, registers it, applies a GitOps
# repository of services (src/test/resources/demo/) through the API server, and prints what the
# API server stored for every workload, and why.
#
# Usage: scripts/demo.sh
#
# The first run builds kube-apiserver and etcd from source (scripts/kube-binaries.sh, about
# 10-20 minutes, progress below); later runs start in seconds. Everything the demo starts is
# stopped when it ends, also on Ctrl-C.

set -euo pipefail

cd "$(dirname "$0")/.."

echo "demo: making sure kube-apiserver and etcd are built (cached after the first run) ..." >&2
bin_dir="$(scripts/kube-binaries.sh | tail -n 1)"
export PULLSECRET_KUBE_BIN="$bin_dir"

echo "demo: compiling ..." >&2
exec mvn -B -q -DskipTests test-compile exec:java \
  -Dexec.mainClass=com.tanhdev.pullsecret.demo.Demo \
  -Dexec.classpathScope=test
