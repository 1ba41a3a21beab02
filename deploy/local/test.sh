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
# Unit, integration and end-to-end tests in parallel; then, alone, the fault tests (they kill the broker).
run_all() {
  local s=0
  npx jest --ci --maxWorkers=2 --selectProjects unit integration --json --outputFile=.cache/jest-results.json "$@" || s=$?
  if [ $# -eq 0 ]; then
    npx jest --ci --runInBand --forceExit --selectProjects faults --json --outputFile=.cache/jest-faults.json || s=$?
  fi
  return $s
}
export -f run_all
bash deploy/local/with-infra.sh bash -c 'run_all "$@"' run_all "$@" || status=$?
node deploy/local/print-totals.js .cache/jest-results.json $([ $# -eq 0 ] && echo .cache/jest-faults.json)
exit $status
