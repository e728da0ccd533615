#!/usr/bin/env bash
# The reliability tests' long forms (docs/reliability.md):
#  - offline sync: 1,000 intakes taken in offline, then synced through a proxy that cuts
#    connections, the client killed twice meanwhile;
#  - server kill: 10,000 intakes from 64 counters at once, the server killed with SIGKILL 20
#    times, on SQLite and on PostgreSQL with two instances (a throwaway cluster started here).
# Builds like test.sh, then runs the tests with their output shown; exits non-zero when one fails.
#   ONEWINDOW_RELIABILITY_CASES   offline intakes (default here 1000)
#   ONEWINDOW_KILL_CASES          intakes of the server-kill test (default here 10000)
#   ONEWINDOW_KILL_KILLS          kills of the server-kill test (default here 20)
#   ONEWINDOW_RELIABILITY_SEED, ONEWINDOW_KILL_SEED   replay the random choices of an earlier run
#   ONEWINDOW_BUILD_DIR           where to build (default build/ci, test.sh's)
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/install-deps.sh

preset=ci
build=${ONEWINDOW_BUILD_DIR:-build/$preset}
cmake --preset "$preset" -B "$build" >/dev/null
cmake --build "$build" --target tst_offlinesync onewindow-sync-driver tst_serverkill onewindow-server

source scripts/test-services.sh
ONEWINDOW_TEST_TMP=$(mktemp -d -t onewindow-reliability.XXXXXX)
start_postgres
trap 'stop_postgres; rm -rf "$ONEWINDOW_TEST_TMP"' EXIT

export ONEWINDOW_RELIABILITY_CASES=${ONEWINDOW_RELIABILITY_CASES:-1000}
export ONEWINDOW_KILL_CASES=${ONEWINDOW_KILL_CASES:-10000}
export ONEWINDOW_KILL_KILLS=${ONEWINDOW_KILL_KILLS:-20}
# A long run takes longer than QTest's default five minutes per test function.
export QTEST_FUNCTION_TIMEOUT=${QTEST_FUNCTION_TIMEOUT:-7200000}
status=0
run() {
  local name=$1; shift
  local start result=0
  start=$(date +%s)
  "$@" || result=$?
  echo "reliability: $name, $(( $(date +%s) - start )) s, $([ "$result" -eq 0 ] && echo passed || echo FAILED)"
  [ "$result" -eq 0 ] || status=$result
}
run "offline sync, ${ONEWINDOW_RELIABILITY_CASES} cases" "$build/tests/reliability/tst_offlinesync"
run "server kill on SQLite, ${ONEWINDOW_KILL_CASES} intakes, ${ONEWINDOW_KILL_KILLS} kills" \
  env ONEWINDOW_TEST_DATABASE=sqlite "$build/tests/reliability/tst_serverkill"
run "server kill on PostgreSQL, two instances, ${ONEWINDOW_KILL_CASES} intakes, ${ONEWINDOW_KILL_KILLS} kills" \
  env ONEWINDOW_TEST_DATABASE=postgresql "$build/tests/reliability/tst_serverkill"
exit "$status"
