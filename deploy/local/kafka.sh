#!/usr/bin/env bash
# Local Apache Kafka (KRaft, single node) from Maven Central jars and the machine's Java.
#   deploy/local/kafka.sh start|stop|status
# Start is idempotent and returns once a consumer can join a group; logs go to .cache/kafka/logs.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
LIBS="$ROOT/.cache/kafka/libs"
# State (data, logs, pid) can live elsewhere, so tests run a broker of their own beside npm start's.
CACHE="${KAFKA_STATE_DIR:-$ROOT/.cache/kafka}"
DATA="$CACHE/data"
LOGS="$CACHE/logs"
PIDFILE="$CACHE/kafka.pid"
BROKERS="${KAFKA_BROKERS:-127.0.0.1:9092}"
PORT="${BROKERS##*:}"
CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"

running() { [ -f "$PIDFILE" ] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; }

fetch_jars() {
  if [ ! -f "$LIBS/.complete" ]; then
    echo "kafka: fetching broker jars from Maven Central into $LIBS"
    mkdir -p "$LIBS"
    (cd "$ROOT/deploy/local/kafka" && mvn -q -B dependency:copy-dependencies -DoutputDirectory="$LIBS")
    touch "$LIBS/.complete"
  fi
}

write_config() {
  mkdir -p "$DATA" "$LOGS"
  cat > "$CACHE/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$PORT,CONTROLLER://127.0.0.1:$CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$PORT
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=$DATA
num.partitions=3
auto.create.topics.enable=false
offsets.topic.replication.factor=1
offsets.topic.num.partitions=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
group.initial.rebalance.delay.ms=0
log.retention.hours=168
PROPS
  cp "$ROOT/deploy/local/kafka/log4j.properties" "$CACHE/log4j.properties"
}

start() {
  if running && port_open; then echo "kafka: already running on $BROKERS"; return 0; fi
  if port_open; then echo "kafka: something already listens on $BROKERS; using it"; wait_ready; return 0; fi
  command -v java >/dev/null || { echo "kafka: Java 17 is required" >&2; exit 1; }
  fetch_jars
  write_config
  if [ ! -f "$DATA/meta.properties" ]; then
    java -cp "$LIBS/*" kafka.tools.StorageTool format -t "${KAFKA_CLUSTER_ID:-tilbudsnet-local-0001}" \
      -c "$CACHE/server.properties" > "$LOGS/format.log" 2>&1
  fi
  nohup java -Xms256m -Xmx768m -XX:+UseG1GC \
    -Dkafka.logs.dir="$LOGS" -Dlog4j.configuration="file:$CACHE/log4j.properties" \
    -cp "$LIBS/*" kafka.Kafka "$CACHE/server.properties" > "$LOGS/stdout.log" 2>&1 &
  echo $! > "$PIDFILE"
  wait_ready
}

wait_ready() {
  # Ready means a consumer can join a group, not just that the port answers.
  node -r "$ROOT/deploy/local/register.js" "$ROOT/deploy/local/kafka-ready.ts" "$BROKERS" || {
    echo "kafka: not ready; see $LOGS/server.log" >&2; exit 1; }
  echo "kafka: ready on $BROKERS"
}

stop() {
  if running; then
    local pid; pid="$(cat "$PIDFILE")"
    kill "$pid"
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
    echo "kafka: stopped"
  else
    echo "kafka: not running (started by us)"
  fi
  rm -f "$PIDFILE"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) if running; then echo "running (pid $(cat "$PIDFILE"))"; else echo "stopped"; exit 1; fi ;;
  reset) stop; rm -rf "$DATA" "$LOGS" ;;
  kill) if running; then kill -9 "$(cat "$PIDFILE")"; rm -f "$PIDFILE"; echo "kafka: killed (SIGKILL)"; fi ;;
  *) echo "usage: $0 start|stop|status|reset|kill" >&2; exit 2 ;;
esac
