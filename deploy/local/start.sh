#!/usr/bin/env bash
# npm start: installs what is missing, starts Kafka, creates the databases, starts every service
# (each runs its migrations), seeds demo data once, and prints the URLs. `npm stop` undoes it.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
RUN="$ROOT/.cache/run"
mkdir -p "$RUN"
bash deploy/local/ensure-deps.sh

# Development secrets (citizen-data keys), made once per checkout and kept out of git.
if [ ! -f .cache/dev-secrets.env ]; then
  node -e "const r=()=>require('crypto').randomBytes(32).toString('base64');console.log('CITIZEN_DATA_KEYS=dev1:'+r()+'\nCPR_LOOKUP_KEY='+r())" > .cache/dev-secrets.env
fi
set -a; . .cache/dev-secrets.env; set +a

bash deploy/local/kafka.sh start
node -r ./deploy/local/register.js deploy/local/create-databases.ts

start_service() {
  local name="$1" port="$2"
  if [ -f "$RUN/$name.pid" ] && kill -0 "$(cat "$RUN/$name.pid")" 2>/dev/null; then
    echo "$name: already running"; return 0
  fi
  # exec: the background job is node itself, so its pid is the one npm stop signals.
  (cd "services/$name" && exec node -r ../../deploy/local/register.js src/main.ts > "$RUN/$name.log" 2>&1) &
  echo $! > "$RUN/$name.pid"
  echo "$name: starting (log $RUN/$name.log)"
}

wait_ready() {
  local name="$1" url="$2"
  for _ in $(seq 1 120); do
    if curl -fsS "$url/health/ready" >/dev/null 2>&1; then echo "$name: ready"; return 0; fi
    if ! kill -0 "$(cat "$RUN/$name.pid")" 2>/dev/null; then echo "$name: exited; see $RUN/$name.log" >&2; tail -20 "$RUN/$name.log" >&2; exit 1; fi
    sleep 0.5
  done
  echo "$name: not ready after 60 s; see $RUN/$name.log" >&2; exit 1
}

# Notices go by e-mail to the development mail catcher; every demo organisation gets a mailbox there.
export SMTP_URL="${SMTP_URL:-smtp://127.0.0.1:1025}"
export ORGANISATION_MAIL_DOMAIN="${ORGANISATION_MAIL_DOMAIN:-postkasse.tilbudsnet.test}"
if ! { [ -f "$RUN/mail-catcher.pid" ] && kill -0 "$(cat "$RUN/mail-catcher.pid")" 2>/dev/null; }; then
  (exec node -r ./deploy/local/register.js deploy/local/mail-catcher.ts > "$RUN/mail-catcher.log" 2>&1) &
  echo $! > "$RUN/mail-catcher.pid"
fi

# The dev identity provider first: services fetch its keys when the first token arrives.
if ! { [ -f "$RUN/identity.pid" ] && kill -0 "$(cat "$RUN/identity.pid")" 2>/dev/null; }; then
  (cd services/console && exec node -r ../../deploy/local/register.js src/dev-identity.main.ts > "$RUN/identity.log" 2>&1) &
  echo $! > "$RUN/identity.pid"
fi
for svc in $(node -e "console.log(require('./deploy/local/services.json').map(s=>s.name+':'+s.port).join(' '))"); do
  start_service "${svc%%:*}" "${svc##*:}"
done
wait_ready identity http://127.0.0.1:3010
for svc in $(node -e "console.log(require('./deploy/local/services.json').map(s=>s.name+':'+s.port).join(' '))"); do
  wait_ready "${svc%%:*}" "http://127.0.0.1:${svc##*:}"
done

node -r ./deploy/local/register.js services/offers/src/seed/seed-demo-offers.ts
node -r ./deploy/local/register.js deploy/local/seed-demo-notices.ts

cat <<TXT

Tilbudsnet is running:
$(node -e "for (const s of require('./deploy/local/services.json')) console.log('  ' + s.name.padEnd(14) + 'http://localhost:' + s.port + (s.name === 'console' ? '   (sign in as a demo user, e.g. officer-koebenhavn, manager-aarhus, kkr-midtjylland)' : '   (OpenAPI: http://localhost:' + s.port + '/docs)'))")
  identity      http://localhost:3010   (dev OpenID Connect provider; token: npm run --silent token -- officer-aarhus)
  mail catcher  http://localhost:1080   (every e-mail notifications sends; API: /api/messages; SMTP 127.0.0.1:1025)
  kafka         ${KAFKA_BROKERS:-127.0.0.1:9092}
Logs: .cache/run/*.log     Stop: npm stop
TXT
