#!/usr/bin/env bash
# Start-up and memory of `serve` as the image runs it: the shaded jar on the image's trimmed Java
# (the Dockerfile's jlink command, run here with the image's Java release), started with each
# variant's JVM flags, in turns, against a mock API server. Reports start to ready (informers
# synced), idle RSS, the first calls on a fresh server, and RSS after a load up to 4,000
# reviews/s, as markdown for docs/benchmarks.md. Options (passed to FootprintRun):
#   --variant 'NAME=FLAGS'   a JVM flag set (repeatable; the first is the reference)
#   --starts N               starts per variant (default 3); --quick: one start, 2 s load steps
#   --out FILE               also write the markdown to FILE
# A variant that names an AOT cache (-XX:AOTCache=FILE) gets it made first, when FILE is missing,
# by the Dockerfile's training run with the variant's other flags. Logs go to target/footprint/.
set -euo pipefail
cd "$(dirname "$0")/.."

java_bin=$(scripts/image-java.sh)
mvn -B -q -DskipTests package dependency:build-classpath \
  -Dmdep.outputFile=target/load.classpath -Dmdep.includeScope=test

# The image's runtime: the Dockerfile's module list, linked again whenever it changes.
modules=$(sed -n 's/^ *--add-modules \([^ ]*\).*/\1/p' Dockerfile | head -n 1)
[[ -n "$modules" ]] || { echo "footprint.sh: no jlink --add-modules in Dockerfile" >&2; exit 1; }
runtime=target/footprint/runtime
if [[ "$(cat "$runtime.modules" 2>/dev/null)" != "$modules" ]]; then
  rm -rf "$runtime"
  mkdir -p target/footprint
  "$(dirname "$java_bin")/jlink" --add-modules "$modules" --strip-debug --no-man-pages \
    --no-header-files --compress=zip-6 --output "$runtime"
  printf '%s\n' "$modules" >"$runtime.modules"
fi

# The generator's settings are those of scripts/load.sh, for the same reasons.
exec "$java_bin" -XX:+UseSerialGC -Xms1g -Xmx1g -Xmn768m -Xss256k \
  -Djdk.tls.namedGroups=x25519 \
  -cp "target/test-classes:target/classes:$(cat target/load.classpath)" \
  com.tanhdev.pullsecret.load.FootprintRun --server-java "$runtime/bin/java" "$@"
