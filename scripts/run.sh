#!/usr/bin/env bash
# The one command that sets up a fresh machine and runs the service with its embedded SQLite store
# (./registry.sqlite by default). Extra arguments go to `schema-registry serve`, e.g. --port 8081 --db /data/reg.sqlite.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -f scripts/kafka/setup.sh ]; then
  bash scripts/kafka/setup.sh >&2
fi
swift build -c release --product schema-registry >&2
exec "$(swift build -c release --show-bin-path)/schema-registry" serve "$@"
