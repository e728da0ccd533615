#!/usr/bin/env bash
# The long fuzzing run (docs/fuzzing.md): installs what is missing, configures and builds the
# fuzz preset, then runs every fuzz target one after the other for SECONDS_PER_TARGET
# (default 600) on a copy of its seed corpus, in build/fuzz/long/<target>. Inputs found there
# are not committed; a crash input is kept in build/fuzz/long/<target>/crashes.
# Prints per target: runs, execs/s, coverage (cov, ft), corpus size and crashes; exits
# non-zero when any target crashed.
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
set -uo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-600}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(router json_bodies idnumber creditcode upload cursor client_json)
fi

./scripts/install-deps.sh || exit 1
cmake --preset fuzz >/dev/null || exit 1
cmake --build --preset fuzz -j 2 || exit 1

long=build/fuzz/long
mkdir -p "$long"
summary=$long/summary.txt
{
  echo "# scripts/fuzz.sh $seconds, started $(date -u '+%Y-%m-%d %H:%M:%S') UTC, $(git rev-parse --short HEAD)"
  printf '%-12s %8s %12s %8s %8s %8s %7s %8s\n' target seconds runs execs/s cov ft corpus crashes
} > "$summary"

failed=0
for target in "${targets[@]}"; do
  work=$long/$target
  log=$long/$target.log
  echo "== fuzz_$target for $seconds s"
  started=$(date +%s)
  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
    fuzz/run-target.sh "build/fuzz/fuzz/fuzz_$target" "$seconds" "fuzz/corpus/$target" "$work" \
      -dict="fuzz/dict/$target.dict" > "$log" 2>&1
  status=$?
  elapsed=$(( $(date +%s) - started ))
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  last=$(grep -E '^#[0-9]+' "$log" | grep -E 'cov: ' | tail -1)
  cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")
  ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")
  corpus=$(find "$work/corpus" -type f | wc -l)
  crashes=$(find "$work/crashes" -type f | wc -l)
  if [ "$status" -ne 0 ] && [ "$crashes" -eq 0 ]; then
    crashes="?"  # the target failed without leaving an input: see the log
  fi
  printf '%-12s %8s %12s %8s %8s %8s %7s %8s\n' "$target" "$elapsed" "${runs:-?}" "${rate:-?}" "${cov:-?}" "${ft:-?}" \
    "$corpus" "$crashes" | tee -a "$summary"
  if [ "$status" -ne 0 ]; then
    failed=1
    echo "fuzz_$target failed (exit $status): $log" >&2
    find "$work/crashes" -type f >&2
  fi
done

echo "# finished $(date -u '+%Y-%m-%d %H:%M:%S') UTC" >> "$summary"
cat "$summary"
exit $failed
