#!/usr/bin/env bash
# Install (once) and cache the promtool binary that checks the chart's alerting rules with
# Prometheus's own PromQL parser.
#
# promtool is built from its Go module through the module proxy, the only network the
# project's machines reach. The result is cached outside the repository, keyed by version:
#
#   ${PULLSECRET_PROMTOOL_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pullsecret-webhook/promtool}/
#     <PROMETHEUS_MODULE_VERSION>/promtool
#
# Usage:
#   scripts/promtool.sh               install if needed; progress on stderr,
#                                     the binary path alone as the last stdout line
#   scripts/promtool.sh --print-path  print the binary path, install nothing
#
#   export PULLSECRET_PROMTOOL=$(scripts/promtool.sh | tail -1)
#
# Environment:
#   PROMETHEUS_MODULE_VERSION   version of github.com/prometheus/prometheus (default below)
#   PULLSECRET_PROMTOOL_CACHE   cache root (default above)
#   GOPROXY                     taken from `go env`; any "direct" fallback is dropped
#
# A cold build takes a few minutes on 2 cores; a warm run returns at once.

set -euo pipefail

# Pinned: Prometheus publishes its Go module as v0.<major*100+minor>.<patch>, so v0.316.0 is
# Prometheus 3.16.0, the newest release the module proxy served when this was written.
PROMETHEUS_MODULE_VERSION="${PROMETHEUS_MODULE_VERSION:-v0.316.0}"

CACHE_ROOT="${PULLSECRET_PROMTOOL_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pullsecret-webhook/promtool}"
BIN_DIR="${CACHE_ROOT}/${PROMETHEUS_MODULE_VERSION}"
PROMTOOL_BIN="${BIN_DIR}/promtool"

log() { printf 'promtool.sh: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

case "${1:-}" in
  "") ;;
  --print-path) printf '%s\n' "$PROMTOOL_BIN"; exit 0 ;;
  -h | --help) sed -n '2,/^set -euo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//' >&2; exit 0 ;;
  *) die "unknown argument: $1" ;;
esac

works() { [[ -x "$PROMTOOL_BIN" ]] && "$PROMTOOL_BIN" --version >/dev/null 2>&1; }

if works; then
  log "cached: ${PROMTOOL_BIN}"
  printf '%s\n' "$PROMTOOL_BIN"
  exit 0
fi

mkdir -p "$BIN_DIR"

# One install at a time per cache (parallel test runs may call this).
if command -v flock >/dev/null 2>&1; then
  exec 9>"${CACHE_ROOT}/.lock"
  flock 9
  if works; then
    log "installed meanwhile by another run: ${PROMTOOL_BIN}"
    printf '%s\n' "$PROMTOOL_BIN"
    exit 0
  fi
fi

command -v go >/dev/null 2>&1 || die "go is not on PATH"
proxy="$(go env GOPROXY)"
proxy="$(printf '%s' "$proxy" | sed -E 's/[,|]direct//g; s/^direct[,|]?//; s/[,|]off//g')"
[[ -n "$proxy" && "$proxy" != off ]] || proxy="https://proxy.golang.org"
export GOPROXY="$proxy" GOFLAGS=-mod=mod CGO_ENABLED=0

start=$SECONDS
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

module="github.com/prometheus/prometheus/cmd/promtool@${PROMETHEUS_MODULE_VERSION}"
log "go install ${module} ($(go env GOVERSION), GOPROXY=${proxy})"
# The version is stamped the way Prometheus's own build does, so `promtool --version` says
# which release checked the rules.
ldflags="-s -w -X github.com/prometheus/common/version.Version=${PROMETHEUS_MODULE_VERSION}"
GOBIN="$tmp/gobin" go install -trimpath -ldflags "$ldflags" "$module" >&2 \
  || die "go install ${module} failed"
mv -f "$tmp/gobin/promtool" "${PROMTOOL_BIN}.tmp"
"${PROMTOOL_BIN}.tmp" --version >/dev/null 2>&1 || die "the installed promtool does not run"
mv -f "${PROMTOOL_BIN}.tmp" "$PROMTOOL_BIN"
log "installed in $((SECONDS - start))s: ${PROMTOOL_BIN}"
printf '%s\n' "$PROMTOOL_BIN"
