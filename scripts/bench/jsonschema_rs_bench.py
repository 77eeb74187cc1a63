#!/usr/bin/env python3
"""jsonschema-rs (PyPI) throughput on the shared Order records, for comparison with jsonschema-bench.

    python3 scripts/bench/jsonschema_rs_bench.py ../shared/bench/order.schema.json /tmp/orders.jsonl [runs]

Prints median records/s for: json.loads + is_valid (from JSON text), and is_valid on pre-parsed dicts.
"""
import json
import statistics
import sys
import time

import jsonschema_rs


def measure(name, lines, body, runs):
    rates = []
    cpu_rates = []
    valid = 0
    for _ in range(runs):
        start = time.perf_counter()
        cpu_start = time.thread_time()
        valid = body()
        cpu = time.thread_time() - cpu_start
        rates.append(len(lines) / (time.perf_counter() - start))
        cpu_rates.append(len(lines) / cpu)
    print(f"{name}: median {int(statistics.median(rates))} records/s wall, {int(statistics.median(cpu_rates))} records/s per CPU-second "
          f"(wall runs: {[int(r) for r in rates]}, valid: {valid})")


def main():
    schema_path, records_path = sys.argv[1], sys.argv[2]
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    with open(schema_path) as f:
        schema = json.load(f)
    with open(records_path) as f:
        lines = f.read().splitlines()
    validator = jsonschema_rs.validator_for(schema)
    print(f"jsonschema-rs, records: {len(lines)}")
    loads = json.loads
    is_valid = validator.is_valid
    measure("json.loads + is_valid [parse + validate]", lines, lambda: sum(1 for line in lines if is_valid(loads(line))), runs)
    parsed = [loads(line) for line in lines]
    measure("is_valid(dict) [validate only]", lines, lambda: sum(1 for value in parsed if is_valid(value)), runs)


if __name__ == "__main__":
    main()
