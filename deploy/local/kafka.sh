#!/usr/bin/env bash
# Local Apache Kafka (KRaft, single node) from Maven Central jars and the machine's Java.
#   deploy/local/kafka.sh start|stop|status
# Start is idempotent and returns once a consumer can join a group; logs go to .cache/kafka/logs.
# Clients authenticate with SASL/SCRAM-SHA-512 (users in kafka-users.sh) and the broker authorizes
# with ACLs; nobody but `admin` may do anything until deploy/local/kafka-provision.ts grants it.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
. "$ROOT/deploy/local/kafka-users.sh"
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
listeners=SASL_PLAINTEXT://127.0.0.1:$PORT,CONTROLLER://127.0.0.1:$CONTROLLER_PORT
advertised.listeners=SASL_PLAINTEXT://127.0.0.1:$PORT
controller.listener.names=CONTROLLER
listener.security.protocol.map=SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=SASL_PLAINTEXT
sasl.enabled.mechanisms=SCRAM-SHA-512
sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="$KAFKA_ADMIN_USERNAME" password="$(kafka_dev_password "$KAFKA_ADMIN_USERNAME")";
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
# The controller listener (127.0.0.1, controller requests only) is plain, so its peer is ANONYMOUS.
super.users=User:$KAFKA_ADMIN_USERNAME;User:ANONYMOUS
allow.everyone.if.no.acl.found=false
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
  # Data formatted before the broker had SCRAM users cannot be signed into: start it afresh.
  if [ -f "$DATA/meta.properties" ] && [ ! -f "$CACHE/scram-users" ]; then
    echo "kafka: the local broker's data predates SASL users; formatting it again (local events are dropped)"
    rm -rf "$DATA"; mkdir -p "$DATA"
  fi
  if [ ! -f "$DATA/meta.properties" ]; then
    local scram=() user
    for user in "$KAFKA_ADMIN_USERNAME" $KAFKA_PRINCIPALS; do
      scram+=(--add-scram "SCRAM-SHA-512=[name=$user,password=$(kafka_dev_password "$user")]")
    done
    java -cp "$LIBS/*" kafka.tools.StorageTool format -t "${KAFKA_CLUSTER_ID:-tilbudsnet-local-0001}" \
      -c "$CACHE/server.properties" "${scram[@]}" > "$LOGS/format.log" 2>&1
    echo "$KAFKA_ADMIN_USERNAME $KAFKA_PRINCIPALS" > "$CACHE/scram-users"
  fi
  nohup java -Xms256m -Xmx768m -XX:+UseG1GC \
    -Dkafka.logs.dir="$LOGS" -Dlog4j.configuration="file:$CACHE/log4j.properties" \
    -cp "$LIBS/*" kafka.Kafka "$CACHE/server.properties" > "$LOGS/stdout.log" 2>&1 &
  echo $! > "$PIDFILE"
  wait_ready
}

wait_ready() {
  # Ready means a consumer can join a group, not just that the port answers.
  KAFKA_SASL_USERNAME="$KAFKA_ADMIN_USERNAME" KAFKA_SASL_PASSWORD="$(kafka_dev_password "$KAFKA_ADMIN_USERNAME")" \
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
  reset) stop; rm -rf "$DATA" "$LOGS" "$CACHE/scram-users" ;;
  kill) if running; then kill -9 "$(cat "$PIDFILE")"; rm -f "$PIDFILE"; echo "kafka: killed (SIGKILL)"; fi ;;
  *) echo "usage: $0 start|stop|status|reset|kill" >&2; exit 2 ;;
esac
