#!/usr/bin/env bash
# `schema-registry check --db` over a generated folder of SUBJECTS schemas (default 500) whose registry holds
# VERSIONS versions each (default 20), offline, in a release build. The folder holds the next version of every
# subject at BACKWARD_TRANSITIVE, so every registered version is read, parsed and compared, and every subject's
# examples are run. Prints the wall time of each of RUNS runs (default 5) and the machine load.
#
#   scripts/bench/check_folder.sh            # SUBJECTS=500 VERSIONS=20 RUNS=5
#   SCRATCH_PATH=.build-release SUBJECTS=500 VERSIONS=20 scripts/bench/check_folder.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

SUBJECTS="${SUBJECTS:-500}"
VERSIONS="${VERSIONS:-20}"
RUNS="${RUNS:-5}"
SCRATCH_PATH="${SCRATCH_PATH:-.build-release}"

swift build -c release --scratch-path "$SCRATCH_PATH" --product schema-registry 2>&1 | grep -E "error|Compiling|Build" || true
BIN="$(swift build -c release --scratch-path "$SCRATCH_PATH" --show-bin-path)/schema-registry"

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/empty"
printf 'version: 1\nsubjects: []\n' > "$WORK/empty/registry.yaml"
# A migrated, empty database made by the binary itself, then bulk-filled (registering 10,000 versions one by
# one over the API would mostly measure fsyncs).
"$BIN" apply "$WORK/empty" --db "$WORK/registry.sqlite" --quiet
python3 scripts/bench/check_folder_seed.py sqlite "$WORK/registry.sqlite" "$SUBJECTS" "$VERSIONS"
python3 scripts/bench/check_folder_seed.py folder "$WORK/schemas" "$SUBJECTS" "$VERSIONS"

echo "check over $SUBJECTS subjects x $VERSIONS versions (BACKWARD_TRANSITIVE), $BIN"
"$BIN" check "$WORK/schemas" --db "$WORK/registry.sqlite" --quiet || { echo "check failed"; "$BIN" check "$WORK/schemas" --db "$WORK/registry.sqlite" | tail -5; exit 1; }
"$BIN" check "$WORK/schemas" --db "$WORK/registry.sqlite" | tail -1
for run in $(seq 1 "$RUNS"); do
  start=$(date +%s.%N)
  "$BIN" check "$WORK/schemas" --db "$WORK/registry.sqlite" --quiet
  end=$(date +%s.%N)
  printf 'run %d: %.3f s\n' "$run" "$(echo "$end - $start" | bc -l)"
done
/usr/bin/time -v "$BIN" check "$WORK/schemas" --db "$WORK/registry.sqlite" --quiet 2>&1 | grep -E "Elapsed|Maximum resident|User time|System time"
echo "load: $(uptime)"
