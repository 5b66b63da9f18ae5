#!/usr/bin/env bash
# Install (once) and cache the helm binary that the chart tests run, built from its Go module
# (scripts/lib/go-tool.sh):
#
#   ${PULLSECRET_HELM_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pullsecret-webhook/helm}/
#     <HELM_VERSION>/helm
#
# Usage:
#   scripts/helm.sh               install if needed; progress on stderr,
#                                 the binary path alone as the last stdout line
#   scripts/helm.sh --print-path  print the binary path, install nothing
#
#   export PULLSECRET_HELM=$(scripts/helm.sh | tail -1)
#
# Environment:
#   HELM_VERSION            helm release (default below)
#   PULLSECRET_HELM_CACHE   cache root (default above)
#
# A cold build takes a few minutes on 2 cores; a warm run returns at once.

set -euo pipefail

# Pinned: the newest 3.19 patch the module proxy served when this was written.
HELM_VERSION="${HELM_VERSION:-v3.19.5}"

TOOL=helm
TOOL_VERSION="$HELM_VERSION"
TOOL_PACKAGE=helm.sh/helm/v3/cmd/helm
TOOL_CACHE="${PULLSECRET_HELM_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pullsecret-webhook/helm}"

tool_version() { "$1" version --short; }

# helm's Makefile sets these variables; a plain `go install` would leave `helm version` without
# its patch release and make `helm template` assume Kubernetes v1.20, below the chart's
# kubeVersion. The Kubernetes version follows helm's own rule: client-go v0.N.x means
# Kubernetes 1.N.
tool_ldflags() {
  local download gomod minor
  if ! download="$(cd "$1" && go mod download -json "helm.sh/helm/v3@${HELM_VERSION}")"; then
    sed -n 's/^[[:space:]]*"Error": "\(.*\)",\{0,1\}$/\1/p' <<<"$download" >&2
    return 1
  fi
  gomod="$(sed -n 's/^[[:space:]]*"GoMod": "\(.*\)",\{0,1\}$/\1/p' <<<"$download")"
  [[ -f "$gomod" ]] || return 1
  minor="$(awk '$1 == "k8s.io/client-go" { print $2 }' "$gomod" | cut -d. -f2)"
  [[ "$minor" =~ ^[0-9]+$ ]] || return 1
  local ldflags="-s -w -X helm.sh/helm/v3/internal/version.version=${HELM_VERSION}" pkg
  for pkg in helm.sh/helm/v3/pkg/chartutil helm.sh/helm/v3/pkg/lint/rules; do
    ldflags+=" -X ${pkg}.k8sVersionMajor=1 -X ${pkg}.k8sVersionMinor=${minor}"
  done
  printf '%s\n' "$ldflags"
}

# shellcheck source=scripts/lib/go-tool.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/go-tool.sh"
go_tool_main "$@"
