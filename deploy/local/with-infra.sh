#!/usr/bin/env bash
# Runs a command (a benchmark) with the local Kafka started; stops Kafka after if it started it here.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
bash deploy/local/ensure-deps.sh
export KAFKA_BROKERS="${BENCH_KAFKA_BROKERS:-127.0.0.1:19092}"
export KAFKA_CONTROLLER_PORT="${BENCH_KAFKA_CONTROLLER_PORT:-19093}"
export KAFKA_STATE_DIR="$ROOT/.cache/kafka-test"
bash deploy/local/kafka.sh reset >/dev/null
bash deploy/local/kafka.sh start
trap 'bash deploy/local/kafka.sh stop >/dev/null' EXIT
"$@"
