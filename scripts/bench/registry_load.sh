#!/usr/bin/env bash
# Load benchmark of the HTTP API (issue 2's figures): GET /schemas/ids/{id} and POST /subjects/{s} (lookup of an
# existing schema) with 10,000 subjects stored, under wrk on loopback; then start-up time and resident memory on a
# database of 100,000 schemas. Usage: scripts/bench/registry_load.sh [DURATION_SECONDS] [CONNECTIONS] [WRK_THREADS]
# wrk shares the two cores with the server; one wrk thread (the default) leaves the server more of them.
set -euo pipefail
cd "$(dirname "$0")/../.."
duration=${1:-20}
connections=${2:-64}
threads=${3:-1}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
# SCRATCH_PATH lets the release build live apart from a debug build in progress (SwiftPM locks its build folder).
scratch=${SCRATCH_PATH:-.build}
swift build -c release --scratch-path "$scratch" --product schema-registry >/dev/null
bin="$(swift build -c release --scratch-path "$scratch" --show-bin-path)/schema-registry"
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

start_server() { # db -> sets pid, port and startup_ms (not run in a subshell, so the globals survive)
  local db=$1 t0 line
  t0=$(date +%s%N)
  "$bin" serve --db "$db" --port 0 --log-level error >"$work/out" 2>"$work/err" &
  pid=$!
  for _ in $(seq 1 600); do
    line=$(grep -m1 "listening on" "$work/out" 2>/dev/null || true)
    [ -n "$line" ] && break
    sleep 0.01
  done
  [ -n "$line" ] || { cat "$work/err" >&2; echo "server did not start" >&2; exit 1; }
  port=$(echo "$line" | sed -E 's|.*:([0-9]+) .*|\1|')
  startup_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
}

rss_mib() { awk '/VmRSS/ {printf "%.1f", $2/1024}' /proc/$1/status; }

echo "== 10,000 subjects, seeded through the API"
start_server "$work/10k.sqlite"
python3 scripts/bench/registry_seed.py http "http://127.0.0.1:$port" 10000
echo "-- GET /schemas/ids/{id}: wrk -t$threads -c$connections -d${duration}s"
SCHEMA_COUNT=10000 wrk -t"$threads" -c"$connections" -d"${duration}s" --latency -s scripts/bench/get_by_id.lua "http://127.0.0.1:$port" | grep -E "Requests/sec|Latency|99%|Non-2xx|Socket errors"
echo "-- POST /subjects/{s} lookup: wrk -t$threads -c$connections -d${duration}s"
SCHEMA_COUNT=10000 wrk -t"$threads" -c"$connections" -d"${duration}s" --latency -s scripts/bench/lookup.lua "http://127.0.0.1:$port" | grep -E "Requests/sec|Latency|99%|Non-2xx|Socket errors"
echo "resident memory after load: $(rss_mib $pid) MiB"
kill -TERM $pid; wait $pid || true

echo "== 100,000 schemas: start-up and memory"
start_server "$work/100k.sqlite"   # creates and migrates the file
kill -TERM $pid; wait $pid || true
python3 scripts/bench/registry_seed.py sqlite "$work/100k.sqlite" 100000
start_server "$work/100k.sqlite"
echo "start-up to listening: ${startup_ms} ms"
code=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H 'Content-Type: application/json' \
  --data '{"schema":"{\"type\":\"record\",\"name\":\"Event99999\",\"namespace\":\"bench\",\"fields\":[{\"name\":\"id\",\"type\":\"long\"},{\"name\":\"f99999\",\"type\":\"string\"}]}"}' \
  "http://127.0.0.1:$port/subjects/bench-99999-value")
echo "lookup of the last seeded schema: HTTP $code"
echo "resident memory at 100,000 schemas: $(rss_mib $pid) MiB"
kill -TERM $pid; wait $pid || true
