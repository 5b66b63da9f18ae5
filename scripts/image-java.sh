#!/usr/bin/env bash
# Print the java binary of the Java release the image runs (the Dockerfile's JAVA_VERSION), for
# the tests that run the image's command line outside a container: its JVM flags are that
# release's. Looks at PULLSECRET_IMAGE_JAVA, JAVA_HOME, the java on PATH and the JDKs installed
# under /usr/lib/jvm, in that order; fails, naming the release, when none of them is it.
#
# Usage:
#   PULLSECRET_IMAGE_JAVA=$(scripts/image-java.sh)

set -euo pipefail
cd "$(dirname "$0")/.."

want="$(sed -n 's/^ARG JAVA_VERSION=\([0-9]*\).*/\1/p' Dockerfile | head -n 1)"
[[ -n "$want" ]] || { echo "image-java.sh: no ARG JAVA_VERSION in Dockerfile" >&2; exit 1; }

major() {
  "$1" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p'
}

candidates=()
[[ -n "${PULLSECRET_IMAGE_JAVA:-}" ]] && candidates+=("$PULLSECRET_IMAGE_JAVA")
[[ -n "${JAVA_HOME:-}" ]] && candidates+=("$JAVA_HOME/bin/java")
command -v java >/dev/null 2>&1 && candidates+=("$(command -v java)")
for jdk in /usr/lib/jvm/*/bin/java; do
  [[ -x "$jdk" ]] && candidates+=("$jdk")
done

for java in "${candidates[@]}"; do
  if [[ -x "$java" && "$(major "$java")" == "$want" ]]; then
    printf '%s\n' "$java"
    exit 0
  fi
done
echo "image-java.sh: no Java ${want} found (the image's release); install one or set PULLSECRET_IMAGE_JAVA" >&2
exit 1
