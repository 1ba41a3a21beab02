#!/usr/bin/env bash
# npm start: installs what is missing, starts Kafka, creates the databases, starts every service
# (each runs its migrations), seeds demo data once, and prints the URLs. `npm stop` undoes it.
# Each process runs under deploy/local/supervise.js, which starts it again when it crashes. Run
# again, npm start starts whatever is not running (a pid file whose process died, or whose number
# now belongs to someone else, does not count) and leaves the rest alone, saying which is which.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
. deploy/local/processes.sh
mkdir -p "$RUN"
bash deploy/local/ensure-deps.sh

# Development secrets (citizen-data keys), made once per checkout and kept out of git.
if [ ! -f .cache/dev-secrets.env ]; then
  node -e "const r=()=>require('crypto').randomBytes(32).toString('base64');console.log('CITIZEN_DATA_KEYS=dev1:'+r()+'\nCPR_LOOKUP_KEY='+r())" > .cache/dev-secrets.env
fi
set -a; . .cache/dev-secrets.env; set +a

bash deploy/local/kafka.sh start
. deploy/local/kafka-users.sh
KAFKA_SASL_USERNAME="$KAFKA_ADMIN_USERNAME" KAFKA_SASL_PASSWORD="$(kafka_dev_password "$KAFKA_ADMIN_USERNAME")" \
  node -r ./deploy/local/register.js deploy/local/kafka-provision.ts
node -r ./deploy/local/register.js deploy/local/create-databases.ts

# Where each service is, for the console, the seeds and the lines printed at the end.
export OFFERS_URL="${OFFERS_URL:-http://127.0.0.1:$(port_of offers)}"
export VISITATION_URL="${VISITATION_URL:-http://127.0.0.1:$(port_of visitation)}"
export TARIFFS_URL="${TARIFFS_URL:-http://127.0.0.1:$(port_of tariffs)}"
export NOTIFICATIONS_URL="${NOTIFICATIONS_URL:-http://127.0.0.1:$(port_of notifications)}"
export OIDC_ISSUER="${OIDC_ISSUER:-http://localhost:$(port_of identity)}"

# supervise <name> <dir> <script>: runs `node <script>` in <dir> under the supervisor, unless it already runs.
supervise() {
  local name="$1" dir="$2" script="$3" pid port
  port="$(port_of "$name")"
  if pid="$(supervisor_pid "$name")"; then
    if port_answers "$port"; then echo "$name: already running (supervisor pid $pid, port $port)"
    else echo "$name: its supervisor (pid $pid) is restarting it"; fi
    return 0
  fi
  if [ -f "$RUN/$name.pid" ]; then
    echo "$name: pid $(cat "$RUN/$name.pid") in $RUN/$name.pid is not running (or not ours); starting it again"
    rm -f "$RUN/$name.pid"
  fi
  if port_answers "$port"; then
    echo "$name: port $port is taken by a process npm start did not start; stop it (or set the port) and run npm start again" >&2
    exit 1
  fi
  # Each service signs into Kafka as its own principal (kafka-users.sh); the others never touch Kafka.
  local kafka_user=""
  case " $KAFKA_PRINCIPALS " in *" $name "*) kafka_user="$name" ;; esac
  # A young generation of 32 MiB per semi-space (V8's default 16): a consumer allocates an object
  # tree per event, and scavenges cost a fifth of a rebuild's CPU with the default. README, Benchmarks.
  local SERVICE_NODE_FLAGS="--max-semi-space-size=32"
  # setsid: the supervisor leads a session of its own, so it outlives this script and its terminal.
  KAFKA_SASL_USERNAME="$kafka_user" KAFKA_SASL_PASSWORD="${kafka_user:+$(kafka_dev_password "$kafka_user")}" setsid node "$SUPERVISOR" --name "$name" --cwd "$ROOT/$dir" --log "$RUN/$name.log" --child-pidfile "$RUN/$name.child-pid" \
    -- node $SERVICE_NODE_FLAGS -r "$ROOT/deploy/local/register.js" "$script" < /dev/null > /dev/null 2>&1 &
  echo $! > "$RUN/$name.pid"
  echo "$name: starting (log $RUN/$name.log)"
}

wait_ready() {
  local name="$1" url="$2"
  for _ in $(seq 1 120); do
    if curl -fsS -m 5 "$url/health/ready" >/dev/null 2>&1; then echo "$name: ready"; return 0; fi
    if ! supervisor_pid "$name" >/dev/null; then echo "$name: its supervisor exited; see $RUN/$name.log" >&2; tail -20 "$RUN/$name.log" >&2; exit 1; fi
    sleep 0.5
  done
  echo "$name: not ready after 60 s (the supervisor keeps restarting it); see $RUN/$name.log" >&2; tail -20 "$RUN/$name.log" >&2; exit 1
}

# Notices go by e-mail to the development mail catcher; every demo organisation gets a mailbox there.
export SMTP_URL="${SMTP_URL:-smtp://127.0.0.1:${MAIL_CATCHER_SMTP_PORT:-1025}}"
export ORGANISATION_MAIL_DOMAIN="${ORGANISATION_MAIL_DOMAIN:-postkasse.tilbudsnet.test}"
supervise mail-catcher . deploy/local/mail-catcher.ts

# The dev identity provider first: services fetch its keys when the first token arrives.
supervise identity services/console src/dev-identity.main.ts
SERVICES="$(node -e "console.log(require('./deploy/local/services.json').map(s=>s.name).join(' '))")"
for name in $SERVICES; do
  supervise "$name" "services/$name" src/main.ts
done
wait_ready identity "http://127.0.0.1:$(port_of identity)"
for name in $SERVICES; do
  wait_ready "$name" "http://127.0.0.1:$(port_of "$name")"
done

# The seed runs offers' own use case in-process, so it signs into Kafka as offers.
KAFKA_SASL_USERNAME=offers KAFKA_SASL_PASSWORD="$(kafka_dev_password offers)" \
  node -r ./deploy/local/register.js services/offers/src/seed/seed-demo-offers.ts
# Then each service's own seed, in-process and as that service: budgets and tariffs, placements (the
# saga for each), the last six months' statements. DEMO_PLACEMENTS=off skips placements and statements.
(cd services/tariffs && KAFKA_SASL_USERNAME=tariffs KAFKA_SASL_PASSWORD="$(kafka_dev_password tariffs)" \
  node -r "$ROOT/deploy/local/register.js" src/seed/seed-demo-tariffs.ts)
(cd services/visitation && KAFKA_SASL_USERNAME=visitation KAFKA_SASL_PASSWORD="$(kafka_dev_password visitation)" \
  node -r "$ROOT/deploy/local/register.js" src/seed/seed-demo-placements.ts)
(cd services/tariffs && KAFKA_SASL_USERNAME=tariffs KAFKA_SASL_PASSWORD="$(kafka_dev_password tariffs)" \
  node -r "$ROOT/deploy/local/register.js" src/seed/seed-demo-month-close.ts)
node -r ./deploy/local/register.js deploy/local/seed-demo-notices.ts

cat <<TXT

Tilbudsnet is running:
$(for name in $SERVICES; do p="$(port_of "$name")"; if [ "$name" = console ]; then printf '  %-14shttp://localhost:%s   (sign in as a demo user, e.g. officer-koebenhavn, manager-aarhus, kkr-midtjylland)\n' "$name" "$p"; else printf '  %-14shttp://localhost:%s   (OpenAPI: http://localhost:%s/docs)\n' "$name" "$p" "$p"; fi; done)
  identity      http://localhost:$(port_of identity)   (dev OpenID Connect provider; demo users' password: ${IDENTITY_DEV_PASSWORD:-tilbudsnet-demo}; token: npm run --silent token -- officer-aarhus)
  mail catcher  http://localhost:$(port_of mail-catcher)   (every e-mail notifications sends; API: /api/messages; SMTP 127.0.0.1:${MAIL_CATCHER_SMTP_PORT:-1025})
  kafka         ${KAFKA_BROKERS:-127.0.0.1:9092}   (SASL/SCRAM; each service signs in as itself, admin: $KAFKA_ADMIN_USERNAME / $(kafka_dev_password "$KAFKA_ADMIN_USERNAME"))
Logs: $RUN/*.log     Stop: npm stop
A service that crashes is started again by its supervisor (see its log); npm start again starts whatever is not running.
TXT
