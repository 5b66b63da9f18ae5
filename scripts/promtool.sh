#!/usr/bin/env bash
# Install (once) and cache the promtool binary that checks the chart's alerting rules with
# Prometheus's own PromQL parser, built from its Go module (scripts/lib/go-tool.sh):
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
#
# A cold build takes a few minutes on 2 cores; a warm run returns at once.

set -euo pipefail

# Pinned: Prometheus publishes its Go module as v0.<major*100+minor>.<patch>, so v0.316.0 is
# Prometheus 3.16.0, the newest release the module proxy served when this was written.
PROMETHEUS_MODULE_VERSION="${PROMETHEUS_MODULE_VERSION:-v0.316.0}"

TOOL=promtool
TOOL_VERSION="$PROMETHEUS_MODULE_VERSION"
TOOL_PACKAGE=github.com/prometheus/prometheus/cmd/promtool
TOOL_CACHE="${PULLSECRET_PROMTOOL_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pullsecret-webhook/promtool}"

tool_version() { "$1" --version | head -n 1; }

# The version is stamped the way Prometheus's own build does, so `promtool --version` says which
# release checked the rules.
tool_ldflags() {
  printf '%s\n' "-s -w -X github.com/prometheus/common/version.Version=${PROMETHEUS_MODULE_VERSION}"
}

# shellcheck source=scripts/lib/go-tool.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/go-tool.sh"
go_tool_main "$@"
