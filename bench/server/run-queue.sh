#!/usr/bin/env bash
# Builds onewindow-server and bench_queue (Release), starts a throwaway PostgreSQL the way the
# tests do, and measures the approver's queue over 1,000,000 cases on SQLite and on PostgreSQL.
# Arguments go to bench_queue, e.g. `bench/server/run-queue.sh --cases 10000,1000000 --seconds 5`
# or `--database sqlite --keep DIR`. See bench/README.md, "Approver's queue at 1,000,000 cases".
set -euo pipefail
cd "$(dirname "$0")/../.."
cmake --preset release >/dev/null
cmake --build --preset release --target bench_queue onewindow-server
# shellcheck source=../../scripts/test-services.sh
source scripts/test-services.sh
# Set before starting, so a half-started cluster is stopped too.
trap stop_test_services EXIT
start_test_services
build/release/bench/server/bench_queue --database both "$@"
