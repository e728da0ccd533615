#!/usr/bin/env bash
# Runs the whole suite with this machine's clock set to other days (libfaketime), to show that no
# test depends on the day it runs: every date a test sees comes from a server started with
# --today. Usage: scripts/test-any-day.sh [DATE ...]   (default: three days in 2026-2028; a run
# takes as long as ./test.sh's tests).
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/install-deps.sh
if ! command -v faketime >/dev/null; then
  [ "$(id -u)" -eq 0 ] && sudo= || sudo=sudo
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends faketime
fi

preset=ci
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset"

source scripts/test-services.sh
start_test_services
trap stop_test_services EXIT

dates=("$@")
[ ${#dates[@]} -gt 0 ] || dates=("2026-01-02 08:30:00" "2027-06-14 23:58:00" "2028-12-31 12:00:00")
failed=0
for day in "${dates[@]}"; do
  echo "=== the machine's clock at $day"
  # The benchmark measures, it does not check dates: left out here.
  if ! faketime "$day" ctest --preset "$preset" --timeout 600 -E '^bench/'; then
    echo "=== FAILED with the clock at $day"
    failed=1
  fi
done
exit "$failed"
