#!/usr/bin/env bash
# Runs every test: unit, golden, HTTP, chart and the integration tests through a real
# kube-apiserver. Builds the control-plane binaries, helm, kustomize and promtool on first use
# (cached afterwards). A tool path already set in the environment is used as it is.
set -euo pipefail
cd "$(dirname "$0")/.."

PULLSECRET_KUBE_BIN=${PULLSECRET_KUBE_BIN:-$(scripts/kube-binaries.sh | tail -n 1)}
PULLSECRET_HELM=${PULLSECRET_HELM:-$(scripts/helm.sh | tail -n 1)}
PULLSECRET_KUSTOMIZE=${PULLSECRET_KUSTOMIZE:-$(scripts/kustomize.sh | tail -n 1)}
PULLSECRET_PROMTOOL=${PULLSECRET_PROMTOOL:-$(scripts/promtool.sh | tail -n 1)}
# The image's command line is tested on the image's Java release (its JVM flags are that release's).
PULLSECRET_IMAGE_JAVA=${PULLSECRET_IMAGE_JAVA:-$(scripts/image-java.sh)}
export PULLSECRET_KUBE_BIN PULLSECRET_HELM PULLSECRET_KUSTOMIZE PULLSECRET_PROMTOOL PULLSECRET_IMAGE_JAVA

scripts/lint.sh
mvn -B verify "$@"
