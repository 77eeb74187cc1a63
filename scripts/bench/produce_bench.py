#!/usr/bin/env python3
"""Produce benchmark of issue 4, side by side in one run against one tansu broker:

  (a) validated  `schema-registry produce` of JSON lines (validate + Avro-encode + frame + librdkafka)
  (b) raw        `schema-registry produce --raw-framed` of the same records pre-encoded (librdkafka alone,
                 same producer settings and loop, no registry)
  (c) python     confluent-kafka SerializingProducer + AvroSerializer (fastavro) over the same records

Usage: produce_bench.py --bin PATH/schema-registry --orders ORDERS.jsonl --schema order.avsc [--rounds 3]
Needs TANSU_BIN and LD_LIBRARY_PATH from scripts/kafka/env.sh (librdkafka 2.16), fastavro and confluent-kafka.
The pre-encoded file for (b) is written with fastavro (byte-identical to what (a) sends; checked on a sample).
Every run must end with every record acknowledged; anything else aborts the benchmark.
"""
import argparse
import io
import json
import os
import re
import socket
import statistics
import struct
import subprocess
import sys
import tempfile
import time
import urllib.request

# Settings every path uses (the Swift CLI sets the same ones itself; see BrokerOptions.producerConfiguration).
PRODUCER_SETTINGS = {"linger.ms": "5", "message.timeout.ms": "30000", "log.connection.close": "false"}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_port(port, process, what, seconds=20):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if process.poll() is not None:
            sys.exit(f"{what} exited with {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.05)
    sys.exit(f"{what} did not listen on {port}")


def run_timed(command):
    """Wall time from fork to exit (the records are all acknowledged by then)."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out, err = process.communicate()
    wall = time.perf_counter() - started
    return wall, process.returncode, out.decode(), err.decode()


def cpu_of_children():
    import resource
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def cpu_of_process(pid):
    """User + system CPU seconds a running process has used so far (from /proc/PID/stat)."""
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def swift_run(label, command, records, broker_pid):
    cpu_before = cpu_of_children()
    broker_before = cpu_of_process(broker_pid)
    wall, status, _, err = run_timed(command)
    cpu = cpu_of_children() - cpu_before
    broker_cpu = cpu_of_process(broker_pid) - broker_before
    summary = [line for line in err.splitlines() if line.startswith("produce:")]
    expected = f"broker acknowledged {records}, failed 0"
    if status != 0 or not summary or expected not in summary[-1]:
        sys.exit(f"{label}: exit {status}, expected '{expected}'\n{err[-3000:]}")
    return {"label": label, "wall": wall, "cpu": cpu, "broker_cpu": broker_cpu, "rate": records / wall}


def write_framed(orders_path, schema_path, schema_id, out_path):
    """Every record Avro-encoded with fastavro, framed (magic 0 + id), each prefixed by its 4-byte length."""
    import fastavro
    schema = fastavro.parse_schema(json.load(open(schema_path)))
    header = b"\x00" + struct.pack(">I", schema_id)
    count = 0
    with open(orders_path, "rb") as source, open(out_path, "wb") as out:
        buffer = io.BytesIO()
        for line in source:
            if not line.strip():
                continue
            buffer.seek(0)
            buffer.truncate()
            fastavro.schemaless_writer(buffer, schema, json.loads(line))
            body = header + buffer.getvalue()
            out.write(struct.pack(">I", len(body)))
            out.write(body)
            count += 1
    return count


def python_run(broker, registry_url, topic, orders_path, schema_path, records):
    from confluent_kafka import SerializingProducer
    from confluent_kafka.schema_registry import SchemaRegistryClient
    from confluent_kafka.schema_registry.avro import AvroSerializer

    client = SchemaRegistryClient({"url": registry_url})
    serializer = AvroSerializer(client, open(schema_path).read(), conf={"auto.register.schemas": False})
    delivered = [0, 0]

    def report(error, _message):
        delivered[1 if error else 0] += 1

    producer = SerializingProducer({"bootstrap.servers": broker, "value.serializer": serializer, **PRODUCER_SETTINGS})
    lines = [line for line in open(orders_path, "rb") if line.strip()]
    cpu_before = time.process_time()
    started = time.perf_counter()
    for n, line in enumerate(lines):
        value = json.loads(line)
        while True:
            try:
                producer.produce(topic, value=value, on_delivery=report)
                break
            except BufferError:
                producer.poll(0.005)
        if n & 1023 == 0:
            producer.poll(0)
    left = producer.flush(60)
    wall = time.perf_counter() - started
    cpu = time.process_time() - cpu_before
    del producer  # closes the client before the broker goes away at the end of the run
    if left or delivered != [records, 0]:
        sys.exit(f"python: {left} left after flush, delivered/failed {delivered}")
    return {"label": "python", "wall": wall, "cpu": cpu, "rate": records / wall}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", required=True)
    parser.add_argument("--orders", required=True)
    parser.add_argument("--schema", required=True)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--skip-python", action="store_true")
    args = parser.parse_args()

    tansu = os.environ.get("TANSU_BIN") or sys.exit("TANSU_BIN unset: source scripts/kafka/env.sh")
    records = sum(1 for line in open(args.orders, "rb") if line.strip())
    work = tempfile.mkdtemp(prefix="produce-bench-")
    children = []
    try:
        port = free_port()
        broker = f"127.0.0.1:{port}"
        tansu_process = subprocess.Popen(
            [tansu, "broker", "--listener-url", f"tcp://{broker}", "--advertised-listener-url", f"tcp://{broker}",
             "--storage-engine", "memory://tansu/", "--silent"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        children.append(tansu_process)
        wait_port(port, tansu_process, "tansu")

        registry_port = free_port()
        database = os.path.join(work, "registry.sqlite")
        serve = subprocess.Popen([args.bin, "serve", "--db", database, "--port", str(registry_port), "--log-level", "error"],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        children.append(serve)
        wait_port(registry_port, serve, "schema-registry serve")
        registry_url = f"http://127.0.0.1:{registry_port}"

        topics = [f"bench-{kind}-{n}" for n in range(args.rounds) for kind in ("validated", "raw")] + ["bench-python"]
        schema_text = open(args.schema).read()
        body = json.dumps({"schema": schema_text}).encode()
        schema_id = None
        for topic in topics:
            request = urllib.request.Request(f"{registry_url}/subjects/{topic}-value/versions", data=body, method="POST",
                                             headers={"Content-Type": "application/vnd.schemaregistry.v1+json"})
            schema_id = json.load(urllib.request.urlopen(request))["id"]

        framed = os.path.join(work, "orders.framed")
        started = time.perf_counter()
        count = write_framed(args.orders, args.schema, schema_id, framed)
        print(f"pre-encoded {count} records with fastavro in {time.perf_counter() - started:.1f} s "
              f"({os.path.getsize(framed) / count - 4:.1f} bytes per framed record)", flush=True)

        results = []
        for n in range(args.rounds):
            results.append(swift_run("validated", [args.bin, "produce", "--broker", broker, "--registry", registry_url,
                                                   "--topic", f"bench-validated-{n}", args.orders], records,
                                     tansu_process.pid))
            results.append(swift_run("raw", [args.bin, "produce", "--broker", broker, "--raw-framed",
                                             "--topic", f"bench-raw-{n}", framed], records, tansu_process.pid))
            for result in results[-2:]:
                print(f"round {n + 1}: {result['label']:9} {result['rate']:>10,.0f} records/s  "
                      f"wall {result['wall']:.2f} s  cpu {result['cpu']:.2f} s  broker cpu {result['broker_cpu']:.2f} s",
                      flush=True)
        if not args.skip_python:
            result = python_run(broker, registry_url, "bench-python", args.orders, args.schema, records)
            results.append(result)
            print(f"python:    {result['rate']:>10,.0f} records/s  wall {result['wall']:.2f} s  cpu {result['cpu']:.2f} s", flush=True)

        def median(label):
            rates = [r["rate"] for r in results if r["label"] == label]
            return statistics.median(rates) if rates else None

        validated, raw, python = median("validated"), median("raw"), median("python")
        print()
        print(f"records: {records}   rounds: {args.rounds} (median shown)   load: {os.getloadavg()}")
        print(f"| path | records/s |")
        print(f"| --- | --- |")
        print(f"| (a) validated: schema-registry produce (JSON lines) | {validated:,.0f} |")
        print(f"| (b) raw: produce --raw-framed (pre-encoded bytes) | {raw:,.0f} |")
        if python:
            print(f"| (c) python: SerializingProducer + AvroSerializer | {python:,.0f} |")
        print(f"validated / raw = {validated / raw:.1%} (target >= 90%)")
        if python:
            print(f"validated / python = {validated / python:.1f}x (target >= 20x)")
    finally:
        for child in reversed(children):
            child.terminate()
            try:
                child.wait(5)
            except subprocess.TimeoutExpired:
                child.kill()
        subprocess.run(["rm", "-rf", work])


if __name__ == "__main__":
    main()
