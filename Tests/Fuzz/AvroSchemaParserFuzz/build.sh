#!/usr/bin/env bash
# Builds the Avro schema parser fuzzer module by module (JSONValue, then the schema half of Avro, then the
# entry point), every object instrumented for libFuzzer and AddressSanitizer.
# Usage: Tests/Fuzz/AvroSchemaParserFuzz/build.sh [OUT_DIR]   (default /tmp/fuzz-avro-schema)
set -euo pipefail
root=$(cd "$(dirname "$0")/../../.." && pwd)
out=${1:-/tmp/fuzz-avro-schema}
mkdir -p "$out"
flags=(-sanitize=fuzzer,address -parse-as-library -O -g -wmo)
swiftc "${flags[@]}" -module-name JSONValue -emit-module -emit-module-path "$out/JSONValue.swiftmodule" \
  -c "$root"/Sources/JSONValue/*.swift -o "$out/JSONValue.o"
swiftc "${flags[@]}" -module-name Avro -I "$out" -emit-module -emit-module-path "$out/Avro.swiftmodule" \
  -c "$root"/Sources/Avro/Schema/*.swift "$root"/Sources/Avro/Parser/*.swift "$root"/Sources/Avro/Canonical/*.swift \
  -o "$out/Avro.o"
swiftc "${flags[@]}" -module-name AvroSchemaParserFuzz -I "$out" \
  "$root"/Tests/Fuzz/AvroSchemaParserFuzz/main.swift "$out/JSONValue.o" "$out/Avro.o" -o "$out/avro-schema-fuzz"
echo "built $out/avro-schema-fuzz"
