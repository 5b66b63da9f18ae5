#!/usr/bin/env bash
# Build (once) and cache the Kubernetes control-plane binaries that the
# integration tests run: kube-apiserver, kube-controller-manager, etcd and,
# when none is on PATH, kubectl.
#
# Everything is built from source through the Go module proxy, because that
# is the only network the project's machines reach (no prebuilt downloads).
# The result is cached outside the repository, keyed by version:
#
#   ${PULLSECRET_KUBE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pullsecret-webhook/kube}/
#     <KUBE_VERSION>/          bin dir handed to the tests
#       kube-apiserver
#       kube-controller-manager  built from the same module and version
#       etcd
#       kubectl                only when no kubectl is on PATH
#       .etcd-version          which ETCD_VERSION the etcd binary is
#     work/                    throwaway Go modules used for the build
#
# Usage:
#   scripts/kube-binaries.sh              build if needed; progress on stderr,
#                                         the bin dir alone on stdout
#   scripts/kube-binaries.sh --print-dir  print the bin dir, build nothing
#
#   dir=$(scripts/kube-binaries.sh)       # or: ... | tail -1
#
# Environment:
#   KUBE_VERSION                  Kubernetes version (default below)
#   ETCD_VERSION                  etcd version (default below)
#   PULLSECRET_KUBE_CACHE         cache root (default above)
#   PULLSECRET_KUBE_BUILD_KUBECTL=1  build kubectl even if one is on PATH
#                                    (e.g. when that one is too old for the
#                                    apiserver: kubectl supports +/-1 minor)
#   GOPROXY                       taken from `go env`; any "direct" fallback
#                                 is dropped (only the proxy is reachable)
#
# A cold build (empty Go module and build caches) takes about 6 minutes on
# 2 cores, mostly compiling kube-apiserver, and about 0.8 GB of module cache
# plus 2.3 GB of build cache; a warm run returns in a few milliseconds. A
# cache from before kube-controller-manager was added builds only that one.
#
# Not implemented on purpose: downloading prebuilt binaries (e.g. the
# setup-envtest tarballs). A user with internet access but no Go could use
# those instead and point the tests at their directory.

set -euo pipefail

# Pinned versions: the newest patches the module proxy serves (and the
# checksum database verifies) when this was written.
KUBE_VERSION="${KUBE_VERSION:-v1.34.10}"
ETCD_VERSION="${ETCD_VERSION:-v3.6.16}"

CACHE_ROOT="${PULLSECRET_KUBE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pullsecret-webhook/kube}"
BIN_DIR="${CACHE_ROOT}/${KUBE_VERSION}"
WORK_ROOT="${CACHE_ROOT}/work"

log() { printf 'kube-binaries: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

usage() {
  sed -n '2,/^set -euo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//' >&2
}

print_dir_only=false
case "${1:-}" in
  "") ;;
  --print-dir) print_dir_only=true ;;
  -h | --help) usage; exit 0 ;;
  *) usage; die "unknown argument: $1" ;;
esac

if [[ "$print_dir_only" == true ]]; then
  printf '%s\n' "$BIN_DIR"
  exit 0
fi

want_kubectl=false
if [[ "${PULLSECRET_KUBE_BUILD_KUBECTL:-}" == 1 ]]; then
  want_kubectl=true
elif ! command -v kubectl >/dev/null 2>&1; then
  want_kubectl=true
fi

etcd_stamp="${BIN_DIR}/.etcd-version"

is_complete() {
  [[ -x "${BIN_DIR}/kube-apiserver" && -x "${BIN_DIR}/kube-controller-manager" ]] || return 1
  [[ -x "${BIN_DIR}/etcd" ]] || return 1
  [[ -f "$etcd_stamp" && "$(<"$etcd_stamp")" == "$ETCD_VERSION" ]] || return 1
  if [[ "$want_kubectl" == true ]]; then
    [[ -x "${BIN_DIR}/kubectl" ]] || return 1
  fi
  return 0
}

report_kubectl() {
  if [[ "$want_kubectl" == true ]]; then
    log "kubectl: ${BIN_DIR}/kubectl"
  else
    log "kubectl: using the one on PATH: $(command -v kubectl)"
  fi
}

# Fast path: nothing to do.
if is_complete; then
  log "cached: kube-apiserver and kube-controller-manager ${KUBE_VERSION}, etcd ${ETCD_VERSION} in ${BIN_DIR}"
  report_kubectl
  printf '%s\n' "$BIN_DIR"
  exit 0
fi

command -v go >/dev/null 2>&1 || die "go is not on PATH; it is needed to build the binaries"

mkdir -p "$BIN_DIR" "$WORK_ROOT"

# One build at a time per cache (parallel test runs may call this).
if command -v flock >/dev/null 2>&1; then
  exec 9>"${CACHE_ROOT}/.lock"
  if ! flock -n 9; then
    log "another build holds ${CACHE_ROOT}/.lock; waiting"
    flock 9
  fi
  if is_complete; then
    log "built meanwhile by another run: ${BIN_DIR}"
    report_kubectl
    printf '%s\n' "$BIN_DIR"
    exit 0
  fi
fi

# Go environment: the local toolchain only, modules through the proxy only.
proxy="$(go env GOPROXY)"
proxy="$(printf '%s' "$proxy" | sed -E 's/[,|]direct//g; s/^direct[,|]?//; s/[,|]off//g')"
if [[ -z "$proxy" || "$proxy" == off ]]; then
  proxy="https://proxy.golang.org"
fi
export GOPROXY="$proxy"
export GOTOOLCHAIN=local
export GOFLAGS=-mod=mod
export CGO_ENABLED=0
log "go: $(go env GOVERSION), GOPROXY=${GOPROXY}"

# Copies the `go` line and any `godebug` directives of an upstream go.mod,
# so the binary gets the same language version and GODEBUG defaults that
# upstream builds it with. `toolchain` lines are left out (GOTOOLCHAIN=local).
go_header_of() {
  awk '
    /^go [0-9]/ { print; next }
    /^godebug[ \t]*\(/ { inblock = 1; print; next }
    inblock { print; if ($0 ~ /^\)/) inblock = 0; next }
    /^godebug[ \t]/ { print }
  ' "$1"
}

# Prints the value of a string field of `go mod download -json` output.
json_field() {
  sed -n "s/^[[:space:]]*\"$1\": \"\\(.*\\)\",\{0,1\}\$/\\1/p" | head -n 1
}

# Downloads module@version and prints the path of its go.mod.
upstream_gomod() {
  local out gomod
  out="$(cd "$WORK_ROOT" && go mod download -json "$1")" ||
    die "cannot download $1 from ${GOPROXY}: $(printf '%s' "$out" | json_field Error)"
  gomod="$(printf '%s\n' "$out" | json_field GoMod)"
  [[ -n "$gomod" && -f "$gomod" ]] || die "no go.mod for $1"
  printf '%s\n' "$gomod"
}

# Builds package $2 into $BIN_DIR/$3 inside module dir $1, atomically.
build_into() {
  local dir="$1" pkg="$2" name="$3"
  shift 3
  local start=$SECONDS
  log "building ${name} (${pkg}) ..."
  (cd "$dir" && go build -trimpath -o "${BIN_DIR}/.${name}.tmp" "$@" "$pkg")
  mv -f "${BIN_DIR}/.${name}.tmp" "${BIN_DIR}/${name}"
  log "built ${name} in $((SECONDS - start))s"
}

total_start=$SECONDS

# --- kube-apiserver, kube-controller-manager (and kubectl) -----------------
need_apiserver=false
[[ -x "${BIN_DIR}/kube-apiserver" ]] || need_apiserver=true
need_controller_manager=false
[[ -x "${BIN_DIR}/kube-controller-manager" ]] || need_controller_manager=true
need_kubectl=false
[[ "$want_kubectl" == true && ! -x "${BIN_DIR}/kubectl" ]] && need_kubectl=true

if [[ "$need_apiserver" == true || "$need_controller_manager" == true || "$need_kubectl" == true ]]; then
  staging_version="v0.${KUBE_VERSION#v1.}"
  kdir="${WORK_ROOT}/kubernetes-${KUBE_VERSION}"
  log "preparing build module ${kdir} (k8s.io/kubernetes ${KUBE_VERSION}, staging ${staging_version})"
  kgomod="$(upstream_gomod "k8s.io/kubernetes@${KUBE_VERSION}")"

  # Upstream replaces each staging module with ./staging/src/k8s.io/<name>,
  # which `go install ...@version` and a plain require cannot follow; point
  # each one at its published v0.X.Y release instead.
  replaces="$(awk -v v="$staging_version" '
    $2 == "=>" && $3 ~ /^\.\/staging\/src\/k8s\.io\// { print "\t" $1 " => " $1 " " v }
  ' "$kgomod")"
  [[ -n "$replaces" ]] || die "found no staging replace directives in ${kgomod}"
  log "generated $(printf '%s\n' "$replaces" | wc -l) staging replace directives"

  rm -rf "$kdir"
  mkdir -p "$kdir"
  {
    echo "// Generated by scripts/kube-binaries.sh; throwaway build module."
    echo "module pullsecret-webhook.local/kube-build"
    echo
    go_header_of "$kgomod"
    echo
    echo "require k8s.io/kubernetes ${KUBE_VERSION}"
    echo
    echo "replace ("
    printf '%s\n' "$replaces"
    echo ")"
  } >"${kdir}/go.mod"

  # Version stamping, as upstream's hack/lib/version.sh does, so that
  # `--version` and /version report the real release. buildDate is the
  # release's commit time from the proxy's .info file, which keeps the
  # build reproducible; the commit hash is not available from the proxy.
  kmajor="$(cut -d. -f1 <<<"${KUBE_VERSION#v}")"
  kminor="$(cut -d. -f2 <<<"${KUBE_VERSION#v}")"
  kdate="$(sed -n 's/.*"Time":"\([^"]*\)".*/\1/p' "${kgomod%.mod}.info" 2>/dev/null || true)"
  kldflags="-s -w"
  for p in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
    kldflags+=" -X ${p}.gitVersion=${KUBE_VERSION}"
    kldflags+=" -X ${p}.gitMajor=${kmajor}"
    kldflags+=" -X ${p}.gitMinor=${kminor}"
    if [[ -n "$kdate" ]]; then
      kldflags+=" -X ${p}.buildDate=${kdate}"
    fi
  done

  # Pin every package at KUBE_VERSION: a bare `go get pkg` means @upgrade.
  pkgs=()
  [[ "$need_apiserver" == true ]] && pkgs+=("k8s.io/kubernetes/cmd/kube-apiserver@${KUBE_VERSION}")
  [[ "$need_controller_manager" == true ]] &&
    pkgs+=("k8s.io/kubernetes/cmd/kube-controller-manager@${KUBE_VERSION}")
  [[ "$need_kubectl" == true ]] && pkgs+=("k8s.io/kubernetes/cmd/kubectl@${KUBE_VERSION}")
  log "resolving dependencies (downloads them on a cold module cache)"
  (cd "$kdir" && go get "${pkgs[@]}" >&2)

  kflags=("-tags=selinux,notest" -ldflags "$kldflags")
  if [[ "$need_apiserver" == true ]]; then
    build_into "$kdir" k8s.io/kubernetes/cmd/kube-apiserver kube-apiserver "${kflags[@]}"
  fi
  if [[ "$need_controller_manager" == true ]]; then
    build_into "$kdir" k8s.io/kubernetes/cmd/kube-controller-manager kube-controller-manager \
      "${kflags[@]}"
  fi
  if [[ "$need_kubectl" == true ]]; then
    build_into "$kdir" k8s.io/kubernetes/cmd/kubectl kubectl "${kflags[@]}"
  fi
fi

# --- etcd ------------------------------------------------------------------
if [[ ! -x "${BIN_DIR}/etcd" || ! -f "$etcd_stamp" || "$(<"$etcd_stamp")" != "$ETCD_VERSION" ]]; then
  edir="${WORK_ROOT}/etcd-${ETCD_VERSION}"
  log "preparing build module ${edir} (go.etcd.io/etcd/server/v3 ${ETCD_VERSION})"
  egomod="$(upstream_gomod "go.etcd.io/etcd/server/v3@${ETCD_VERSION}")"
  rm -rf "$edir"
  mkdir -p "$edir"
  {
    echo "// Generated by scripts/kube-binaries.sh; throwaway build module."
    echo "module pullsecret-webhook.local/etcd-build"
    echo
    go_header_of "$egomod"
    echo
    echo "require go.etcd.io/etcd/server/v3 ${ETCD_VERSION}"
  } >"${edir}/go.mod"
  log "resolving dependencies (downloads them on a cold module cache)"
  (cd "$edir" && go get "go.etcd.io/etcd/server/v3@${ETCD_VERSION}" >&2)
  rm -f "$etcd_stamp"
  build_into "$edir" go.etcd.io/etcd/server/v3 etcd -ldflags "-s -w"
  printf '%s\n' "$ETCD_VERSION" >"$etcd_stamp"
fi

# --- check -----------------------------------------------------------------
log "kube-apiserver --version: $("${BIN_DIR}/kube-apiserver" --version)"
log "kube-controller-manager --version: $("${BIN_DIR}/kube-controller-manager" --version)"
log "etcd --version: $("${BIN_DIR}/etcd" --version | head -n 1)"
report_kubectl
log "done in $((SECONDS - total_start))s: ${BIN_DIR}"
printf '%s\n' "$BIN_DIR"
