#!/usr/bin/env python3
"""Compares a Google Benchmark JSON run with the recorded baseline, as ratios.

Every benchmark's median CPU time is divided by the median of BM_Reference from the same run,
so a slower or busier machine moves both and the ratio stays put. A ratio more than
--tolerance times its baseline is a regression (exit 1). --record writes the run as the new
baseline.
"""
import argparse
import json
import sys

REFERENCE = "BM_Reference"


def ratios(run):
    medians = {}
    for b in run["benchmarks"]:
        if b.get("aggregate_name") == "median":
            medians[b["run_name"]] = b["cpu_time"]
        elif "aggregate_name" not in b:
            medians.setdefault(b["name"], b["cpu_time"])
    if REFERENCE not in medians:
        sys.exit(f"no {REFERENCE} in the run")
    ref = medians[REFERENCE]
    return {name: t / ref for name, t in medians.items() if name != REFERENCE}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("run")
    parser.add_argument("baseline")
    parser.add_argument("--tolerance", type=float, default=1.5)
    parser.add_argument("--record", action="store_true")
    args = parser.parse_args()

    with open(args.run) as f:
        current = ratios(json.load(f))
    if args.record:
        with open(args.baseline, "w") as f:
            json.dump({"reference": REFERENCE, "ratios": current}, f, indent=2, sort_keys=True)
            f.write("\n")
        print(f"recorded {len(current)} ratios in {args.baseline}")
        return 0

    with open(args.baseline) as f:
        baseline = json.load(f)["ratios"]
    regressions = 0
    print(f"{'benchmark':32} {'baseline':>10} {'now':>10} {'change':>8}")
    for name in sorted(current):
        now = current[name]
        was = baseline.get(name)
        if was is None:
            print(f"{name:32} {'-':>10} {now:10.3f}      new")
            continue
        change = now / was
        flag = "  REGRESSION" if change > args.tolerance else ""
        regressions += flag != ""
        print(f"{name:32} {was:10.3f} {now:10.3f} {change:7.2f}x{flag}")
    return 1 if regressions else 0


if __name__ == "__main__":
    sys.exit(main())
