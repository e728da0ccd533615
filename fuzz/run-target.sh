#!/usr/bin/env bash
# Runs one fuzz target for SECONDS on a fresh copy of its seed corpus in WORKDIR:
#   run-target.sh BINARY SECONDS CORPUS WORKDIR [-dict=FILE] [libFuzzer options...]
# New inputs stay in WORKDIR/corpus; a crash is saved as WORKDIR/crashes/crash-<sha1> (and the
# like for leaks, timeouts and out-of-memory) and the exit status is non-zero.
set -euo pipefail
binary=$1 seconds=$2 corpus=$3 work=$4
shift 4
options=()
for option in "$@"; do
  # A dictionary is optional: only where one is committed.
  if [[ $option == -dict=* && ! -f ${option#-dict=} ]]; then
    continue
  fi
  options+=("$option")
done
rm -rf "$work"
mkdir -p "$work/corpus" "$work/crashes"
cp -r "$corpus"/. "$work/corpus/"
exec "$binary" -max_total_time="$seconds" -print_final_stats=1 -timeout=10 -rss_limit_mb=2048 \
  -artifact_prefix="$work/crashes/" "${options[@]}" "$work/corpus"
