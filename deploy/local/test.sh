#!/usr/bin/env bash
# npm test: installs what is missing, starts a broker of its own (port 19092, fresh data every run),
# runs every unit, integration and end-to-end test, stops what it started, and ends with the line
# "N passed, N failed". Extra arguments go to jest (e.g. `npm test -- libs/messaging`).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
bash deploy/local/ensure-deps.sh

export KAFKA_BROKERS="${TEST_KAFKA_BROKERS:-127.0.0.1:19092}"
export KAFKA_CONTROLLER_PORT="${TEST_KAFKA_CONTROLLER_PORT:-19093}"
export KAFKA_STATE_DIR="$ROOT/.cache/kafka-test"
export TESTCONTAINERS=off

echo "lint: module boundaries and style"
NX_DAEMON=false NX_NO_CLOUD=true npx nx show projects >/dev/null
npx eslint .
echo "typecheck"
npx tsc -p tsconfig.json --noEmit

bash deploy/local/kafka.sh reset >/dev/null
bash deploy/local/kafka.sh start
trap 'bash deploy/local/kafka.sh stop >/dev/null' EXIT

mkdir -p .cache
status=0
npx jest --ci --maxWorkers=2 --json --outputFile=.cache/jest-results.json "$@" || status=$?
node deploy/local/print-totals.js .cache/jest-results.json
exit $status
