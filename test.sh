#!/usr/bin/env bash
# Installs what is missing, builds with warnings as errors, and runs every test with CTest.
set -euo pipefail
cd "$(dirname "$0")"

./scripts/install-deps.sh

preset=ci
cmake --preset "$preset"
cmake --build --preset "$preset"

# Real services the tests talk to are started here and stopped on exit.
source scripts/test-services.sh
start_test_services
trap stop_test_services EXIT

# Two at a time: the tests wait on servers and databases more than they compute (tests/CMakeLists.txt
# keeps apart those that must not overlap).
ctest --preset "$preset" --timeout 600 -j 2

# Every libFuzzer target for a few seconds on its seed corpus (the long run: scripts/fuzz.sh).
cmake --preset fuzz
cmake --build --preset fuzz
ctest --preset fuzz --label-regex fuzz
