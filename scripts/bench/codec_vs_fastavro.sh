#!/usr/bin/env bash
# Runs the Swift codec benchmark and fastavro on the same Order records in one go, then the byte cross-check.
# Usage (from the repository root): scripts/bench/codec_vs_fastavro.sh [N_RECORDS]
set -euo pipefail
n=${1:-1000000}
shared=${SHARED_DIR:-$(cd "$(dirname "$0")/../../.." && pwd)/shared}
orders=${ORDERS_JSONL:-/tmp/orders-$n.jsonl}
[ -s "$orders" ] || python3 "$shared/bench/gen_orders.py" "$n" > "$orders"
swift build -c release --product AvroBench >/dev/null
bin=$(swift build -c release --show-bin-path)/AvroBench
out=$(mktemp)
SHARED_DIR=$shared ORDERS_JSONL=$orders CODEC_DUMP=/tmp/codec-dump.bin "$bin" codec | tee "$out"
SHARED_DIR=$shared python3 "$(dirname "$0")/fastavro_bench.py" "$orders" 200000 --swift-output "$out"
SHARED_DIR=$shared python3 "$(dirname "$0")/fastavro_crosscheck.py" "$orders" /tmp/codec-dump.bin
