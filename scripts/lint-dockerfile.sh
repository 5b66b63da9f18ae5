#!/usr/bin/env bash
# Lint the Dockerfile with dockerfilelint (installed once from npm into a cache
# outside the repository). Exits non-zero when the linter reports anything.
#
# Usage:
#   scripts/lint-dockerfile.sh [Dockerfile]     default: the repository's Dockerfile
#
# Environment:
#   DOCKERFILELINT_VERSION        npm version of dockerfilelint (default below)
#   PULLSECRET_DOCKERFILELINT_CACHE  cache root
#     (default ${XDG_CACHE_HOME:-$HOME/.cache}/pullsecret-webhook/dockerfilelint)

set -euo pipefail

DOCKERFILELINT_VERSION="${DOCKERFILELINT_VERSION:-1.8.0}"
CACHE_ROOT="${PULLSECRET_DOCKERFILELINT_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pullsecret-webhook/dockerfilelint}"
PREFIX="${CACHE_ROOT}/${DOCKERFILELINT_VERSION}"
LINTER="${PREFIX}/node_modules/.bin/dockerfilelint"

log() { printf 'lint-dockerfile: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dockerfile="${1:-${repo_root}/Dockerfile}"
[[ -f "$dockerfile" ]] || die "no such file: ${dockerfile}"

if [[ ! -x "$LINTER" ]]; then
  command -v npm >/dev/null 2>&1 || die "npm is not on PATH; it is needed to install dockerfilelint"
  log "installing dockerfilelint ${DOCKERFILELINT_VERSION} into ${PREFIX}"
  mkdir -p "$PREFIX"
  npm install --silent --no-audit --no-fund --prefix "$PREFIX" \
    "dockerfilelint@${DOCKERFILELINT_VERSION}" >&2
fi

# dockerfilelint reads an optional .dockerfilelintrc from the working directory.
cd "$(dirname "$dockerfile")"
log "dockerfilelint ${DOCKERFILELINT_VERSION}: ${dockerfile}"
# Its exit status is the number of findings modulo 256 (256 findings would pass), so the
# findings are counted from the JSON report instead.
report="$("$LINTER" --output json "$(basename "$dockerfile")")" || true
# shellcheck disable=SC2016 # single quotes keep the JavaScript template literals from the shell
count="$(printf '%s' "$report" | node -e '
  let input = "";
  process.stdin.on("data", (chunk) => (input += chunk));
  process.stdin.on("end", () => {
    const report = JSON.parse(input);
    const issues = report.files.flatMap((file) => file.issues);
    for (const issue of issues) {
      console.error(`line ${issue.line}: [${issue.category}] ${issue.title}: ${issue.content}`);
    }
    console.log(issues.length);
  });
')" || die "cannot read dockerfilelint output: ${report}"

if [[ "$count" != 0 ]]; then
  die "${count} finding(s) in ${dockerfile}"
fi
log "no findings"
