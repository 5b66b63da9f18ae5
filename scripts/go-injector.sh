#!/usr/bin/env bash
# Build the small Go pull-secret injector (src/load/go/injector, standard library only) that the
# apiserver scenario of scripts/load.sh measures next to the webhook. Go's build cache makes a
# rebuild of unchanged sources instant. Prints the binary's path as the last line of stdout.
set -euo pipefail
cd "$(dirname "$0")/.."
out=target/load/go-injector
mkdir -p "$(dirname "$out")"
(cd src/load/go/injector && CGO_ENABLED=0 go build -trimpath -o "../../../../$out" .)
printf '%s\n' "$PWD/$out"
