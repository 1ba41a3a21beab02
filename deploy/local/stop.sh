#!/usr/bin/env bash
# npm stop: stops what npm start started (each supervisor stops its process first) and the Kafka
# broker if npm start started it. A pid file whose process is gone, or not ours, is only removed.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
. "$ROOT/deploy/local/processes.sh"
for pidfile in "$RUN"/*.pid; do
  [ -f "$pidfile" ] || continue
  name="$(basename "$pidfile" .pid)"
  if pid="$(supervisor_pid "$name")"; then
    kill "$pid"
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    if kill -0 "$pid" 2>/dev/null; then
      child="$(cat "$RUN/$name.child-pid" 2>/dev/null)"
      kill -9 "$pid" 2>/dev/null
      [ -n "$child" ] && kill -9 "$child" 2>/dev/null
    fi
    echo "$name: stopped"
  else
    echo "$name: was not running"
  fi
  rm -f "$pidfile" "$RUN/$name.child-pid"
done
bash "$ROOT/deploy/local/kafka.sh" stop
