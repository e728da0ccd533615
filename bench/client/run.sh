#!/usr/bin/env bash
# Client start-up and memory, beside a minimal Qt Widgets program measured in the same run.
#   cold start: from starting the process to a shown, usable sign-in dialog (first event-loop turn)
#   memory:     resident set after signing in as clerk1 and opening the workbench
# Goals: start-up at most 1.5 times the minimal program's; under 120 MB after sign-in.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${RUNS:-9}
cmake --preset release >/dev/null
cmake --build --preset release --target onewindow onewindow-server bench_minimal_widgets >/dev/null
bin=build/release
tmp=$(mktemp -d -t onewindow-bench-client.XXXXXX)
server_pid=""
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT

"$bin/server/onewindow-server" --listen 127.0.0.1:0 --database "sqlite:$tmp/bench.db" --demo >"$tmp/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do grep -q "listening on" "$tmp/server.log" && break; sleep 0.1; done
url=$(grep -o 'http://[0-9.:]*' "$tmp/server.log" | head -n 1)

export QT_QPA_PLATFORM=offscreen HOME="$tmp/home" ONEWINDOW_PASSWORD=OneWindow-demo-1
mkdir -p "$HOME"
: >"$tmp/signed"
# Start-up is timed from outside: from starting the process to its "startup-ms" line, printed
# on the first event-loop turn after the window is shown (so dynamic loading counts too).
python3 - "$runs" "$bin/bench/client/bench_minimal_widgets" "$bin/client/onewindow" "$url" >"$tmp/times" <<'PY'
import subprocess, sys, time
runs, minimal, client, url = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
def once(command):
    started = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    for line in proc.stdout:
        if line.startswith("startup-ms"):
            elapsed = (time.perf_counter() - started) * 1000
            break
    proc.wait()
    return elapsed
for _ in range(runs):
    # Alternate, so that a busy neighbour slows both alike.
    print("minimal", once([minimal]))
    print("client", once([client, "--measure-startup", "--server", url]))
PY
awk '$1=="client"{print $2}' "$tmp/times" >"$tmp/client"
awk '$1=="minimal"{print $2}' "$tmp/times" >"$tmp/minimal"
"$bin/client/onewindow" --measure-startup --server "$url" --user clerk1 2>/dev/null | awk '/rss-kb/{print $2}' >>"$tmp/signed"

python3 - "$tmp/client" "$tmp/minimal" "$tmp/signed" <<'PY'
import statistics, sys
client = [float(x) for x in open(sys.argv[1]).read().split()]
minimal = [float(x) for x in open(sys.argv[2]).read().split()]
rss_mb = int(open(sys.argv[3]).read().split()[0]) / 1024
c, m = statistics.median(client), statistics.median(minimal)
ratio = c / m if m else float("inf")
print(f"start-up, median of {len(client)}: client {c:.0f} ms, minimal Qt Widgets program {m:.0f} ms, ratio {ratio:.2f}")
print(f"resident memory after signing in: {rss_mb:.0f} MB")
print(f"goal start-up ratio <= 1.5: {'PASS' if ratio <= 1.5 else 'MISS'}")
print(f"goal memory < 120 MB:       {'PASS' if rss_mb < 120 else 'MISS'}")
PY
