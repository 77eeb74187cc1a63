#!/usr/bin/env python3
"""Interop check for JSON Schema subjects with Confluent's Python serdes (confluent-kafka's json_schema module).

  confluent_json.py check
      exit 0 when confluent-kafka with its JSON extras (jsonschema) is importable, else print what is missing
      and exit 3.
  confluent_json.py decode --registry URL --broker HOST:PORT --topic T --count N
      read T from the beginning of every partition, decode each value with JSONDeserializer (which fetches the
      writer schema from the registry by the id in the message and validates the payload against it) and print
      one JSON line per record: {"key": "...", "value": {...}}.
  confluent_json.py produce --registry URL --broker HOST:PORT --topic T --schema-file F
      read JSON objects from stdin, one per line, serialize each with JSONSerializer (auto-registering F under
      T-value, validating each object) and produce it with key = line number; print
      {"key": "...", "hex": "<framed bytes>"} per line.

Needs: pip install "confluent-kafka[avro,json]" (jsonschema, referencing, httpx2, authlib, attrs, cachetools).
"""
import argparse
import json
import sys


def load():
    try:
        from confluent_kafka import Consumer, Producer, TopicPartition, OFFSET_BEGINNING
        from confluent_kafka.schema_registry import SchemaRegistryClient
        from confluent_kafka.schema_registry.json_schema import JSONDeserializer, JSONSerializer
        from confluent_kafka.serialization import MessageField, SerializationContext
    except ImportError as error:  # missing package or extra
        print(f"missing python dependency: {error} (pip install 'confluent-kafka[avro,json]')", file=sys.stderr)
        sys.exit(3)
    return locals()


def decode(args, m):
    registry = m["SchemaRegistryClient"]({"url": args.registry})
    deserializer = m["JSONDeserializer"](None, schema_registry_client=registry)
    consumer = m["Consumer"]({
        "bootstrap.servers": args.broker,
        "group.id": "interop-python-json-reader",
        "enable.auto.commit": False,
    })
    metadata = consumer.list_topics(args.topic, timeout=10)
    partitions = sorted(metadata.topics[args.topic].partitions.keys())
    consumer.assign([m["TopicPartition"](args.topic, p, m["OFFSET_BEGINNING"]) for p in partitions])
    context = m["SerializationContext"](args.topic, m["MessageField"].VALUE)
    seen, idle = 0, 0
    while seen < args.count and idle < 75:
        message = consumer.poll(0.2)
        if message is None:
            idle += 1
            continue
        if message.error():
            raise SystemExit(f"consumer error: {message.error()}")
        idle = 0
        value = deserializer(message.value(), context)
        key = message.key().decode("utf-8") if message.key() is not None else None
        print(json.dumps({"key": key, "value": value}, ensure_ascii=False), flush=True)
        seen += 1
    consumer.close()
    if seen < args.count:
        raise SystemExit(f"read only {seen} of {args.count} records from {args.topic}")


def produce(args, m):
    registry = m["SchemaRegistryClient"]({"url": args.registry})
    with open(args.schema_file, encoding="utf-8") as handle:
        schema = handle.read()
    serializer = m["JSONSerializer"](schema, registry, conf={"auto.register.schemas": True})
    producer = m["Producer"]({"bootstrap.servers": args.broker, "message.timeout.ms": 10000})
    context = m["SerializationContext"](args.topic, m["MessageField"].VALUE)
    failures = []

    def report(error, _message):
        if error is not None:
            failures.append(str(error))

    for number, line in enumerate(sys.stdin):
        if not line.strip():
            continue
        data = serializer(json.loads(line), context)
        producer.produce(args.topic, key=str(number).encode(), value=data, on_delivery=report)
        print(json.dumps({"key": str(number), "hex": data.hex()}), flush=True)
    left = producer.flush(30)
    if left or failures:
        raise SystemExit(f"delivery failed: {left} outstanding, errors: {failures[:3]}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("check")
    for name in ("decode", "produce"):
        command = sub.add_parser(name)
        command.add_argument("--registry", required=True)
        command.add_argument("--broker", required=True)
        command.add_argument("--topic", required=True)
        if name == "decode":
            command.add_argument("--count", type=int, required=True)
        else:
            command.add_argument("--schema-file", required=True)
    args = parser.parse_args()
    modules = load()
    if args.command == "decode":
        decode(args, modules)
    elif args.command == "produce":
        produce(args, modules)


if __name__ == "__main__":
    main()
