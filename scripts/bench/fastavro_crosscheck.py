#!/usr/bin/env python3
"""Byte-for-byte cross-check of the Swift codec against fastavro on the Order corpus.

    fastavro_crosscheck.py ORDERS_JSONL CODEC_DUMP

CODEC_DUMP comes from `CODEC_DUMP=path avro-bench codec` (4-byte little-endian length, then the Avro
binary the Swift codec made from each JSON line). For each record: fastavro's schemaless_writer must produce
the same bytes, and fastavro's schemaless_reader must read the Swift bytes back to the original record.
"""
import datetime
import io
import json
import os
import struct
import sys

import fastavro

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    jsonl, dump = sys.argv[1], sys.argv[2]
    shared = os.environ.get("SHARED_DIR", os.path.join(HERE, "..", "..", "..", "shared"))
    schema = fastavro.parse_schema(json.load(open(os.path.join(shared, "bench", "order.avsc"))))
    data = open(dump, "rb").read()
    swift = []
    offset = 0
    while offset < len(data):
        (length,) = struct.unpack_from("<I", data, offset)
        swift.append(data[offset + 4:offset + 4 + length])
        offset += 4 + length
    same_bytes = read_back = 0
    with open(jsonl) as f:
        for swift_bytes, line in zip(swift, f):
            record = json.loads(line)
            out = io.BytesIO()
            fastavro.schemaless_writer(out, schema, record)
            same_bytes += out.getvalue() == swift_bytes
            back = fastavro.schemaless_reader(io.BytesIO(swift_bytes), schema)
            created = back["created_at"]
            if isinstance(created, datetime.datetime):
                back["created_at"] = int(created.timestamp() * 1000 + 0.5) if created.timestamp() >= 0 else int(created.timestamp() * 1000)
            read_back += back == record
    print("fastavro cross-check: identical bytes %d/%d, fastavro reads Swift bytes back %d/%d" % (same_bytes, len(swift), read_back, len(swift)))
    sys.exit(0 if same_bytes == read_back == len(swift) else 1)


if __name__ == "__main__":
    main()
