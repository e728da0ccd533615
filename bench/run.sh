#!/usr/bin/env bash
# Builds the benchmarks (Release), runs them and compares the ratios with bench/baseline.json.
# `bench/run.sh --record` makes the current run the baseline.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake --preset release >/dev/null
cmake --build --preset release --target bench_domain
out=$(mktemp -t onewindow-bench.XXXXXX.json)
trap 'rm -f "$out"' EXIT
build/release/bench/bench_domain --benchmark_repetitions=5 --benchmark_report_aggregates_only=true \
  --benchmark_format=json >"$out"
python3 bench/compare.py "$out" bench/baseline.json "$@"
