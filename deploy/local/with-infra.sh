#!/usr/bin/env bash
# Runs a command (the tests, a benchmark) with a Kafka broker of its own: port 19092, fresh data
# every run, so it never touches npm start's broker on 9092. Stops the broker afterwards.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
bash deploy/local/ensure-deps.sh
# One run at a time: each resets and stops the test broker, so a second run waits for the first.
mkdir -p .cache
exec 9>"$ROOT/.cache/with-infra.lock"
flock -n 9 || { echo "with-infra: another run holds the test broker; waiting for it to end" >&2; flock 9; }
export KAFKA_BROKERS="${TEST_KAFKA_BROKERS:-127.0.0.1:19092}"
export KAFKA_CONTROLLER_PORT="${TEST_KAFKA_CONTROLLER_PORT:-19093}"
export KAFKA_STATE_DIR="$ROOT/.cache/kafka-test"
bash deploy/local/kafka.sh reset >/dev/null 9>&-
bash deploy/local/kafka.sh start 9>&-  # the broker must not hold the lock
trap 'bash deploy/local/kafka.sh stop >/dev/null' EXIT
# What runs inside signs in as the broker's admin unless it says otherwise (e2e/attacks/kafka-acls
# and npm start's services sign in as their own principals).
. deploy/local/kafka-users.sh
export KAFKA_SASL_USERNAME="${KAFKA_SASL_USERNAME:-$KAFKA_ADMIN_USERNAME}"
export KAFKA_SASL_PASSWORD="${KAFKA_SASL_PASSWORD:-$(kafka_dev_password "$KAFKA_SASL_USERNAME")}"
"$@"
