#!/usr/bin/env bash
# Produce benchmark (issue 4): 1,000,000 records from ../shared/bench/gen_orders.py through
#   (a) `schema-registry produce` (validating producer), (b) `produce --raw-framed` of the same pre-encoded bytes
#   (librdkafka alone, same settings), (c) Python confluent-kafka SerializingProducer + AvroSerializer,
# side by side against one tansu broker and one `schema-registry serve`. Figures go to docs/PERFORMANCE.md.
# Usage: scripts/bench/produce_bench.sh [RECORDS] [ROUNDS]    (ORDERS_JSONL=path reuses a generated file)
set -euo pipefail
cd "$(dirname "$0")/../.."
records=${1:-1000000}
rounds=${2:-3}
shared=${SHARED_DIR:-../shared}
[ -d "$shared/bench" ] || { echo "produce_bench.sh: $shared/bench not found (set SHARED_DIR)" >&2; exit 1; }
scripts/kafka/setup.sh >/dev/null
source scripts/kafka/env.sh
# A release build apart from the shared debug build folder (SwiftPM locks its build folder).
scratch=${SCRATCH_PATH:-.build-release}
swift build -c release --scratch-path "$scratch" --product schema-registry >/dev/null
bin="$(swift build -c release --scratch-path "$scratch" --show-bin-path)/schema-registry"

orders=${ORDERS_JSONL:-}
if [ -z "$orders" ] || [ "$(wc -l < "$orders")" -ne "$records" ]; then
  orders=$(mktemp --suffix=.jsonl)
  trap 'rm -f "$orders"' EXIT
  python3 "$shared/bench/gen_orders.py" "$records" > "$orders"
fi
echo "uptime before: $(uptime)"
python3 scripts/bench/produce_bench.py --bin "$bin" --orders "$orders" --schema "$shared/bench/order.avsc" --rounds "$rounds"
echo "uptime after: $(uptime)"
