#!/usr/bin/env bash
# Builds onewindow-server and bench_server (Release), starts a throwaway PostgreSQL the way the
# tests do, and measures the server on SQLite and on PostgreSQL. Arguments go to bench_server,
# e.g. `bench/server/run.sh --seconds 10 --clients 1,64`. See bench/README.md, "Server throughput".
set -euo pipefail
cd "$(dirname "$0")/../.."
cmake --preset release >/dev/null
cmake --build --preset release --target bench_server onewindow-server
# shellcheck source=../../scripts/test-services.sh
source scripts/test-services.sh
# Set before starting, so a half-started cluster is stopped too.
trap stop_test_services EXIT
start_test_services
build/release/bench/server/bench_server --database both "$@"
