#!/usr/bin/env bash
# The reliability test's long form (docs/reliability.md): 1,000 intakes taken in offline, then
# synced through a proxy that cuts connections, the client killed twice meanwhile. Builds like
# test.sh, then runs the test with its output shown; exits non-zero when it fails.
#   ONEWINDOW_RELIABILITY_CASES   how many intakes (default here 1000)
#   ONEWINDOW_RELIABILITY_SEED    replays the random choices of an earlier run (it prints its seed)
#   ONEWINDOW_BUILD_DIR           where to build (default build/ci, test.sh's)
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/install-deps.sh

preset=ci
build=${ONEWINDOW_BUILD_DIR:-build/$preset}
cmake --preset "$preset" -B "$build" >/dev/null
cmake --build "$build" --target tst_offlinesync onewindow-sync-driver onewindow-server

export ONEWINDOW_RELIABILITY_CASES=${ONEWINDOW_RELIABILITY_CASES:-1000}
start=$(date +%s)
status=0
"$build/tests/reliability/tst_offlinesync" || status=$?
echo "reliability: ${ONEWINDOW_RELIABILITY_CASES} cases, $(( $(date +%s) - start )) s, $([ "$status" -eq 0 ] && echo passed || echo FAILED)"
exit "$status"
