#!/usr/bin/env bash
# Installs what the project needs and is missing: npm packages (npm ci) and checks Java, Maven and
# PostgreSQL. Safe to run every time; does nothing when all is in place.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "deps: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi
command -v java >/dev/null || { echo "deps: Java 17 is required for the local Kafka broker" >&2; exit 1; }
command -v mvn >/dev/null || [ -f .cache/kafka/libs/.complete ] || { echo "deps: Maven is required to fetch the Kafka jars" >&2; exit 1; }
node -e "
const { Client } = require('pg');
const c = new Client({ connectionString: process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres', connectionTimeoutMillis: 5000 });
c.connect().then(() => c.end()).catch((e) => { console.error('deps: PostgreSQL does not answer at ' + (process.env.DATABASE_URL || '127.0.0.1:5432') + ': ' + e.message); process.exit(1); });
"

# Browser tests drive Debian's Chromium through playwright-core (no browser download).
if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  echo "deps: installing Debian's chromium for the browser tests"
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else sudo -n apt-get update -qq && sudo -n DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; fi \
    || { echo "deps: could not install chromium (apt-get install chromium)" >&2; exit 1; }
fi
