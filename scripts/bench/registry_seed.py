#!/usr/bin/env python3
"""Seeds a registry for the load benchmark.

  registry_seed.py http URL N      registers N subjects (bench-0-value ...) through the REST API
  registry_seed.py sqlite DB N     bulk-inserts N subjects straight into a migrated database file, for the
                                   start-up measurement at 100,000 schemas (HTTP seeding would spend minutes
                                   on one fsync per registration)

Subject i holds one schema, `schema_text(i)`, written exactly as the registry stores Avro (compact JSON in the
attribute order Avro's Java toString uses), so the registry's identity hash and lookups agree with HTTP-seeded rows.
"""
import http.client
import json
import sqlite3
import sys
import threading
import urllib.parse


def schema_text(i):
    return ('{"type":"record","name":"Event%d","namespace":"bench","fields":'
            '[{"name":"id","type":"long"},{"name":"f%d","type":"string"}]}' % (i, i))


def subject(i):
    return "bench-%d-value" % i


def identity_hash(schema_type, text):
    """FNV-1a over the identity parts, as Sources/RegistryCore/Registry/SchemaIdentity.swift computes it."""
    h = 0xcbf29ce484222325
    mask = (1 << 64) - 1
    for part in (schema_type, text):
        for byte in part.encode("utf-8"):
            h ^= byte
            h = (h * 0x100000001B3) & mask
        h ^= 0xFF
        h = (h * 0x100000001B3) & mask
    return h - (1 << 64) if h >= (1 << 63) else h


def seed_http(url, count, threads=4):
    parsed = urllib.parse.urlparse(url)
    errors = []

    def worker(start):
        conn = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=30)
        for i in range(start, count, threads):
            body = json.dumps({"schema": schema_text(i)})
            conn.request("POST", "/subjects/%s/versions" % subject(i), body,
                         {"Content-Type": "application/vnd.schemaregistry.v1+json"})
            response = conn.getresponse()
            data = response.read()
            if response.status != 200:
                errors.append((i, response.status, data[:200]))
                return

    pool = [threading.Thread(target=worker, args=(t,)) for t in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    if errors:
        sys.exit("seeding failed: %r" % (errors[:3],))


def seed_sqlite(path, count):
    db = sqlite3.connect(path)
    with db:
        first = db.execute("SELECT value FROM counters WHERE name = 'max_schema_id'").fetchone()[0] + 1
        rows = [(first + i, "AVRO", schema_text(i), identity_hash("AVRO", schema_text(i))) for i in range(count)]
        db.executemany("INSERT INTO schemas (id, schema_type, schema_text, identity_hash) VALUES (?, ?, ?, ?)", rows)
        db.executemany("INSERT INTO subject_versions (subject, version, schema_id, deleted) VALUES (?, 1, ?, 0)",
                       [(subject(i), first + i) for i in range(count)])
        db.execute("UPDATE counters SET value = ? WHERE name = 'max_schema_id'", (first + count - 1,))
    db.close()


if __name__ == "__main__":
    mode, target, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    if mode == "http":
        seed_http(target, n)
    elif mode == "sqlite":
        seed_sqlite(target, n)
    else:
        sys.exit(__doc__)
