#!/usr/bin/env python3
"""fastavro on the same Order records the Swift codec benchmark uses, timed the same way (CPU seconds of
this process, median of 3 after a warm-up), and the ratios against the Swift figures.

    fastavro_bench.py ORDERS_JSONL [N] [--swift-output FILE]

N records are taken from the JSON lines (default 200000; fastavro's rate does not depend on N).
With --swift-output, FILE holds the output of `avro-bench codec`, and ratios are printed.
"""
import io
import json
import os
import re
import sys
import time

import fastavro
from fastavro.validation import validate

HERE = os.path.dirname(os.path.abspath(__file__))


def median_rate(label, count, body):
    body()
    rates = []
    for _ in range(3):
        start = time.process_time()
        body()
        rates.append(count / (time.process_time() - start))
    rates.sort()
    print("fastavro: %s: %d records/s per CPU-second (runs %s)" % (label, rates[1], [int(r) for r in rates]))
    return rates[1]


def main():
    args = [a for a in sys.argv[1:]]
    swift_output = None
    if "--swift-output" in args:
        i = args.index("--swift-output")
        swift_output = args[i + 1]
        del args[i:i + 2]
    path = args[0]
    n = int(args[1]) if len(args) > 1 else 200_000
    shared = os.environ.get("SHARED_DIR", os.path.join(HERE, "..", "..", "..", "shared"))
    schema = fastavro.parse_schema(json.load(open(os.path.join(shared, "bench", "order.avsc"))))
    records = []
    with open(path) as f:
        for line in f:
            records.append(json.loads(line))
            if len(records) == n:
                break
    print("fastavro %s: %d records" % (fastavro.__version__, len(records)))

    def run_validate():
        for r in records:
            validate(r, schema)

    buffer = io.BytesIO()

    def run_write():
        for r in records:
            buffer.seek(0)
            buffer.truncate()
            fastavro.schemaless_writer(buffer, schema, r)

    encoded = []
    for r in records:
        b = io.BytesIO()
        fastavro.schemaless_writer(b, schema, r)
        encoded.append(b.getvalue())

    def run_read():
        for e in encoded:
            fastavro.schemaless_reader(io.BytesIO(e), schema)

    figures = {
        "validate": median_rate("validation.validate", len(records), run_validate),
        "write": median_rate("schemaless_writer (encode)", len(records), run_write),
        "read": median_rate("schemaless_reader (decode)", len(records), run_read),
    }
    if swift_output:
        swift = {}
        for line in open(swift_output):
            m = re.match(r"codec: (.+?): (\d+) records/s per CPU-second", line)
            if m:
                swift[m.group(1)] = int(m.group(2))
        pairs = [
            ("validate+encode from AvroValue", "write", "fastavro schemaless_writer"),
            ("validate+encode from JSON lines", "write", "fastavro schemaless_writer"),
            ("validate binary", "validate", "fastavro validation.validate"),
            ("decode binary to AvroValue", "read", "fastavro schemaless_reader"),
        ]
        for swift_label, key, fast_label in pairs:
            if swift_label in swift:
                print("ratio: Swift %s / %s = %.1fx" % (swift_label, fast_label, swift[swift_label] / figures[key]))


if __name__ == "__main__":
    main()
