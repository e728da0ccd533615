#!/usr/bin/env bash
# Installs what is missing, builds (Release) and starts OneWindow: the server on an embedded
# SQLite database with demo data, then the client. Stops the server when the client closes.
set -euo pipefail
cd "$(dirname "$0")"

./scripts/install-deps.sh

cmake --preset release
# Only what runs: the server, and the client with its plugins (not the tests and benchmarks).
cmake --build --preset release --target onewindow-server onewindow

bin=build/release
server="$bin/server/onewindow-server"
client="$bin/client/onewindow"

for program in "$server" "$client"; do
  if [ ! -x "$program" ]; then
    echo "The build did not produce $program; see the build's messages above." >&2
    exit 1
  fi
done

server_pid=""
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null; true; }
trap cleanup EXIT INT TERM

listen="${ONEWINDOW_LISTEN:-127.0.0.1:8080}"
data="${XDG_DATA_HOME:-$HOME/.local/share}/onewindow"
mkdir -p "$data"
# A year of cases the first time, so that the figures (数据看板) have something to show.
"$server" --listen "$listen" --database "sqlite:$data/onewindow-demo.db" --demo --demo-history 3000 &
server_pid=$!
for _ in $(seq 1 600); do  # up to two minutes: the first start fills the demo history
  curl -fsS "http://$listen/api/v1/health" >/dev/null 2>&1 && break
  kill -0 "$server_pid" 2>/dev/null || { echo "The server did not start." >&2; exit 1; }
  sleep 0.2
done
cat <<USERS
The server listens on http://$listen (SQLite database in $data).
Demo users, all with the password OneWindow-demo-1:
  clerk1, clerk2     counter clerks of the Shengze hall (SZ)
  agent1, agent2     agents of the village centres SZ-V01 and SZ-V02
  approver-hf        approver of the housing provident fund (HF)
  approver-mr        approver of market regulation (MR)
  approver-re, approver-mi, approver-tx, approver-ps
                     approvers of real estate, medical insurance, taxation, public security
  supervisor1        supervisor of the hall
  admin, auditor     administrator, auditor
USERS

"$client" --server "http://$listen"
