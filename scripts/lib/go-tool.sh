# shellcheck shell=bash
# Builds one Go tool from its module through the Go module proxy, the only network the project's
# machines reach (no release downloads), and caches the binary outside the repository, keyed by
# version:
#
#   <TOOL_CACHE>/<TOOL_VERSION>/<TOOL>
#
# Sourced by helm.sh, kustomize.sh and promtool.sh, each of which sets
#   TOOL            the binary's name (also the log prefix)
#   TOOL_VERSION    the pinned module version
#   TOOL_PACKAGE    the package `go install` builds, without @version
#   TOOL_CACHE      the cache root
# and defines
#   tool_version BIN   prints BIN's version on one line; fails when BIN does not run
#   tool_ldflags DIR   prints the linker flags (DIR is a scratch directory; GOPROXY is set)
# and then calls go_tool_main "$@":
#   (no argument)   install if needed; progress on stderr, the binary path alone as the last
#                   stdout line
#   --print-path    print the binary path, install nothing
#   --help          print the calling script's header comment
#
# GOPROXY is taken from `go env` with any "direct" or "off" entry dropped (only the proxy is
# reachable); GOTOOLCHAIN=local, so the installed Go builds it or the build fails, rather than
# fetching another toolchain.

go_tool_log() { printf '%s.sh: %s\n' "$TOOL" "$*" >&2; }
go_tool_die() { go_tool_log "error: $*"; exit 1; }

go_tool_main() {
  local bin="${TOOL_CACHE}/${TOOL_VERSION}/${TOOL}"
  case "${1:-}" in
    "") ;;
    --print-path) printf '%s\n' "$bin"; return ;;
    -h | --help) sed -n '2,/^set -euo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//' >&2; return ;;
    *) go_tool_die "unknown argument: $1" ;;
  esac

  if go_tool_runs "$bin"; then
    go_tool_log "cached: $(tool_version "$bin") at ${bin}"
    printf '%s\n' "$bin"
    return
  fi
  mkdir -p "$(dirname "$bin")"
  # One install at a time per cache (parallel test runs may call this).
  if command -v flock >/dev/null 2>&1; then
    exec 9>"${TOOL_CACHE}/.lock"
    flock 9
    if go_tool_runs "$bin"; then
      go_tool_log "installed meanwhile by another run: ${bin}"
      printf '%s\n' "$bin"
      return
    fi
  fi
  local start=$SECONDS
  go_tool_build "$bin"
  go_tool_log "installed $(tool_version "$bin") in $((SECONDS - start))s: ${bin}"
  printf '%s\n' "$bin"
}

go_tool_runs() { [[ -x "$1" ]] && tool_version "$1" >/dev/null 2>&1; }

go_tool_build() {
  local bin="$1"
  command -v go >/dev/null 2>&1 || go_tool_die "go is not on PATH; it is needed to build ${TOOL}"
  local proxy
  proxy="$(go env GOPROXY | sed -E 's/[,|]direct//g; s/^direct[,|]?//; s/[,|]off//g')"
  [[ -n "$proxy" && "$proxy" != off ]] || proxy="https://proxy.golang.org"
  export GOPROXY="$proxy" GOTOOLCHAIN=local GOFLAGS=-mod=mod CGO_ENABLED=0

  # Global, so that the EXIT trap still sees it after this function returns.
  go_tool_tmp="$(mktemp -d)"
  trap 'rm -rf "$go_tool_tmp"' EXIT
  local module="${TOOL_PACKAGE}@${TOOL_VERSION}" ldflags
  ldflags="$(tool_ldflags "$go_tool_tmp")" || go_tool_die "cannot work out the linker flags for ${module}"
  go_tool_log "go install ${module} ($(go env GOVERSION), GOPROXY=${proxy})"
  GOBIN="${go_tool_tmp}/gobin" go install -trimpath -ldflags "$ldflags" "$module" >&2 \
    || go_tool_die "go install ${module} failed"
  mv -f "${go_tool_tmp}/gobin/${TOOL}" "${bin}.tmp"
  go_tool_runs "${bin}.tmp" || go_tool_die "the built ${TOOL} does not run"
  mv -f "${bin}.tmp" "$bin"
}
