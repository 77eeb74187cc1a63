#!/usr/bin/env bash
# Builds the libFuzzer binary for the Avro decoder: JSONValue and Avro as modules, then the harness.
# Usage: Tests/Fuzz/AvroDecoderFuzz/build.sh [OUT_DIR]   (run from the repository root)
set -euo pipefail
out=${1:-/tmp/avro-decoder-fuzz}
mkdir -p "$out"
flags=(-O -sanitize=fuzzer,address -parse-as-library -wmo)
swiftc "${flags[@]}" -module-name JSONValue -emit-module -emit-module-path "$out/JSONValue.swiftmodule" \
  -c Sources/JSONValue/*.swift -o "$out/JSONValue.o"
swiftc "${flags[@]}" -module-name Avro -I "$out" -emit-module -emit-module-path "$out/Avro.swiftmodule" \
  -c $(find Sources/Avro -name '*.swift') -o "$out/Avro.o"
swiftc "${flags[@]}" -I "$out" Tests/Fuzz/AvroDecoderFuzz/AvroDecoderFuzz.swift "$out/JSONValue.o" "$out/Avro.o" \
  -o "$out/avro-decoder-fuzz"
echo "$out/avro-decoder-fuzz"
