#!/usr/bin/env bash
# Install (once) and cache the vegeta HTTP load generator that `scripts/load.sh --only vegeta`
# drives the webhook with: Go's net/http client, the one kube-apiserver calls webhooks with, as an
# independent check on the Java generator. Built from its Go module (scripts/lib/go-tool.sh):
#
#   ${PULLSECRET_VEGETA_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pullsecret-webhook/vegeta}/
#     <VEGETA_VERSION>/vegeta
#
# Usage:
#   scripts/vegeta.sh               install if needed; progress on stderr,
#                                   the binary path alone as the last stdout line
#   scripts/vegeta.sh --print-path  print the binary path, install nothing
#
#   export PULLSECRET_VEGETA=$(scripts/vegeta.sh | tail -1)
#
# Environment:
#   PULLSECRET_VEGETA         a vegeta binary to use as it is: printed (also by --print-path),
#                             nothing installed
#   VEGETA_VERSION            vegeta release (default below)
#   PULLSECRET_VEGETA_CACHE   cache root (default above)

set -euo pipefail

if [[ -n "${PULLSECRET_VEGETA:-}" && ( -z "${1:-}" || "$1" == --print-path ) ]]; then
  [[ -x "$PULLSECRET_VEGETA" ]] || { echo "vegeta.sh: error: PULLSECRET_VEGETA=${PULLSECRET_VEGETA} is not executable" >&2; exit 1; }
  printf '%s\n' "$PULLSECRET_VEGETA"
  exit 0
fi

# Pinned: the newest release the module proxy served, which the Go toolchain here builds.
VEGETA_VERSION="${VEGETA_VERSION:-v12.13.0}"

TOOL=vegeta
TOOL_VERSION="$VEGETA_VERSION"
TOOL_PACKAGE=github.com/tsenart/vegeta/v12
TOOL_CACHE="${PULLSECRET_VEGETA_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pullsecret-webhook/vegeta}"

tool_version() { "$1" -version | head -1; }

# vegeta's Makefile stamps the release into main.Version; a plain `go install` would report
# "unknown".
tool_ldflags() { printf '%s\n' "-s -w -X main.Version=${VEGETA_VERSION}"; }

# shellcheck source=scripts/lib/go-tool.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/go-tool.sh"
go_tool_main "$@"
