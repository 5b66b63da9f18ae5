#!/usr/bin/env bash
# Runs the JMH benchmark of the in-process decision path; extra arguments go to JMH
# (for example: scripts/bench.sh -f 1 -wi 3 -i 3). Results are summarised in docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."

mvn -B -q -DskipTests test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  org.openjdk.jmh.Main DecisionPathBenchmark "$@"
