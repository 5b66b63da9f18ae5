#!/usr/bin/env bash
# Install (once) and cache the kustomize binary that the GitOps repository
# tests run (`kustomize build apps/<service>/overlays/<env> | check -`).
#
# Kustomize is built from its Go module through the Go module proxy, because
# that is the only network the project's machines reach (no release
# downloads).
#
# The result is cached outside the repository, keyed by version:
#
#   ${PULLSECRET_KUSTOMIZE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pullsecret-webhook/kustomize}/
#     <KUSTOMIZE_VERSION>/kustomize
#
# Usage:
#   scripts/kustomize.sh               install if needed; progress on stderr,
#                                      the binary path alone as the last stdout line
#   scripts/kustomize.sh --print-path  print the binary path, install nothing
#
#   export PULLSECRET_KUSTOMIZE=$(scripts/kustomize.sh | tail -1)
#
# Environment:
#   KUSTOMIZE_VERSION            kustomize release (default below)
#   PULLSECRET_KUSTOMIZE_CACHE   cache root (default above)
#   GOPROXY                      taken from `go env`; any "direct" fallback is
#                                dropped (only the proxy is reachable)
#
# A cold build (empty Go module and build caches) took 56 s on 2 cores and leaves about
# 100 MB of module cache and 180 MB of build cache; a warm run returns at once.

set -euo pipefail

# Pinned: the newest release the module proxy served whose go.mod the Go toolchain here builds
# (v5.8.3 needs Go 1.27).
KUSTOMIZE_VERSION="${KUSTOMIZE_VERSION:-v5.8.2}"
MODULE="sigs.k8s.io/kustomize/kustomize/v5"

CACHE_ROOT="${PULLSECRET_KUSTOMIZE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pullsecret-webhook/kustomize}"
BIN_DIR="${CACHE_ROOT}/${KUSTOMIZE_VERSION}"
KUSTOMIZE_BIN="${BIN_DIR}/kustomize"

log() { printf 'kustomize.sh: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

case "${1:-}" in
  "") ;;
  --print-path) printf '%s\n' "$KUSTOMIZE_BIN"; exit 0 ;;
  -h | --help) sed -n '2,/^set -euo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//' >&2; exit 0 ;;
  *) die "unknown argument: $1" ;;
esac

works() { [[ -x "$KUSTOMIZE_BIN" ]] && "$KUSTOMIZE_BIN" version >/dev/null 2>&1; }

if works; then
  log "cached: kustomize $("$KUSTOMIZE_BIN" version) at ${KUSTOMIZE_BIN}"
  printf '%s\n' "$KUSTOMIZE_BIN"
  exit 0
fi

mkdir -p "$BIN_DIR"

# One install at a time per cache (parallel test runs may call this).
if command -v flock >/dev/null 2>&1; then
  exec 9>"${CACHE_ROOT}/.lock"
  flock 9
  if works; then
    log "installed meanwhile by another run: ${KUSTOMIZE_BIN}"
    printf '%s\n' "$KUSTOMIZE_BIN"
    exit 0
  fi
fi

start=$SECONDS
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

command -v go >/dev/null 2>&1 || die "go is not on PATH; it is needed to build kustomize"
proxy="$(go env GOPROXY)"
proxy="$(printf '%s' "$proxy" | sed -E 's/[,|]direct//g; s/^direct[,|]?//; s/[,|]off//g')"
[[ -n "$proxy" && "$proxy" != off ]] || proxy="https://proxy.golang.org"
export GOPROXY="$proxy" GOTOOLCHAIN=local GOFLAGS=-mod=mod CGO_ENABLED=0
log "go install ${MODULE}@${KUSTOMIZE_VERSION} ($(go env GOVERSION), GOPROXY=${proxy})"

# `kustomize version` reads the module version from the binary's build info, so a plain
# `go install` of the tagged module reports the right release without extra -X flags.
GOBIN="$tmp/gobin" go install -trimpath -ldflags "-s -w" "${MODULE}@${KUSTOMIZE_VERSION}" >&2 \
  || die "go install ${MODULE}@${KUSTOMIZE_VERSION} failed"
mv -f "$tmp/gobin/kustomize" "${KUSTOMIZE_BIN}.tmp"

"${KUSTOMIZE_BIN}.tmp" version >/dev/null 2>&1 || die "the installed kustomize does not run"
mv -f "${KUSTOMIZE_BIN}.tmp" "$KUSTOMIZE_BIN"
log "installed kustomize $("$KUSTOMIZE_BIN" version) in $((SECONDS - start))s: ${KUSTOMIZE_BIN}"
printf '%s\n' "$KUSTOMIZE_BIN"
