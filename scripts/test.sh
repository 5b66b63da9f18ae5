#!/usr/bin/env bash
# Runs every test: unit, golden, HTTP, chart and the integration tests through a real
# kube-apiserver. Builds the control-plane binaries, helm and promtool on first use (cached
# afterwards).
set -euo pipefail
cd "$(dirname "$0")/.."

PULLSECRET_KUBE_BIN=$(scripts/kube-binaries.sh | tail -n 1)
PULLSECRET_HELM=$(scripts/helm.sh | tail -n 1)
# A preset PULLSECRET_PROMTOOL (a promtool already installed) skips the build.
PULLSECRET_PROMTOOL=${PULLSECRET_PROMTOOL:-$(scripts/promtool.sh | tail -n 1)}
export PULLSECRET_KUBE_BIN PULLSECRET_HELM PULLSECRET_PROMTOOL

scripts/lint.sh
mvn -B verify "$@"
