#!/usr/bin/env bash
# Fills a seed corpus from the shared conformance data: every .avsc and every canonical-form case input.
# Usage: Tests/Fuzz/AvroSchemaParserFuzz/seed.sh SHARED_DIR CORPUS_DIR
set -euo pipefail
shared=$1
corpus=$2
mkdir -p "$corpus"
find "$shared/conformance/avro-share-test" "$shared/bench" -name '*.avsc' -exec cp {} "$corpus/" \;
python3 - "$shared/conformance/avro-canonical-form.json" "$corpus" <<'PY'
import json, sys
for case in json.load(open(sys.argv[1])):
    open(f"{sys.argv[2]}/canonical-{case['id']}.avsc", "w").write(case["input"])
PY
echo "$(ls "$corpus" | wc -l) seeds in $corpus"
