#!/usr/bin/env bash
# Start-up and memory of `serve` as the image runs it: the shaded jar on the image's Java release,
# started with each variant's JVM flags, in turns, against a mock API server. Reports start to
# ready (informers synced), idle RSS, the first calls on a fresh server, and RSS after a load up
# to 4,000 reviews/s, as markdown for docs/benchmarks.md. Options (passed to FootprintRun):
#   --variant 'NAME=FLAGS'   a JVM flag set (repeatable; the first is the reference); default:
#                            the Dockerfile's flags against the same flags before this change
#   --starts N               starts per variant (default 3); --quick: one start, 2 s load steps
#   --out FILE               also write the markdown to FILE
# The AOT cache a variant names (-XX:AOTCache=target/footprint/app.aot) is made first by the
# Dockerfile's training run (scripts/aot-cache.sh). Server logs go to target/footprint/.
set -euo pipefail
cd "$(dirname "$0")/.."

java_bin=$(scripts/image-java.sh)
mvn -B -q -DskipTests package dependency:build-classpath \
  -Dmdep.outputFile=target/load.classpath -Dmdep.includeScope=test
# The generator's settings are those of scripts/load.sh, for the same reasons.
exec "$java_bin" -XX:+UseSerialGC -Xms1g -Xmx1g -Xmn768m -Xss256k \
  -Djdk.tls.namedGroups=x25519 \
  -cp "target/test-classes:target/classes:$(cat target/load.classpath)" \
  com.tanhdev.pullsecret.load.FootprintRun --server-java "$java_bin" "$@"
