#!/usr/bin/env bash
# npm stop: stops the services and the Kafka broker that npm start started.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RUN="$ROOT/.cache/run"
for pidfile in "$RUN"/*.pid; do
  [ -f "$pidfile" ] || continue
  pid="$(cat "$pidfile")"
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid"
    for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -9 "$pid" 2>/dev/null
    echo "$(basename "$pidfile" .pid): stopped"
  fi
  rm -f "$pidfile"
done
bash "$ROOT/deploy/local/kafka.sh" stop
