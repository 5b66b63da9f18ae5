#!/usr/bin/env bash
# Runs every test: unit, golden, HTTP, chart and the integration tests through a real
# kube-apiserver. Builds the control-plane binaries and helm on first use (cached afterwards).
set -euo pipefail
cd "$(dirname "$0")/.."

PULLSECRET_KUBE_BIN=$(scripts/kube-binaries.sh | tail -n 1)
PULLSECRET_HELM=$(scripts/helm.sh | tail -n 1)
export PULLSECRET_KUBE_BIN PULLSECRET_HELM

scripts/lint.sh
mvn -B verify "$@"
