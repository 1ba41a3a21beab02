#!/usr/bin/env bash
# npm test: installs what is missing, checks lint (module boundaries) and types, then runs every
# unit, integration and end-to-end test on a broker of its own (see with-infra.sh), and ends with
# the line "N passed, N failed". Extra arguments go to jest (e.g. `npm test -- libs/messaging`).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
bash deploy/local/ensure-deps.sh

echo "lint: module boundaries and style"
NX_DAEMON=false NX_NO_CLOUD=true npx nx show projects >/dev/null
npx eslint .
echo "typecheck"
npx tsc -p tsconfig.json --noEmit

mkdir -p .cache
export TESTCONTAINERS=off
status=0
bash deploy/local/with-infra.sh npx jest --ci --maxWorkers=2 --json --outputFile=.cache/jest-results.json "$@" || status=$?
node deploy/local/print-totals.js .cache/jest-results.json
exit $status
