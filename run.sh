#!/usr/bin/env bash
# Installs what is missing, builds (Release) and starts OneWindow: the server on an embedded
# SQLite database with demo data, then the client. Stops the server when the client closes.
set -euo pipefail
cd "$(dirname "$0")"

./scripts/install-deps.sh

cmake --preset release
cmake --build --preset release

bin=build/release
server="$bin/server/onewindow-server"
client="$bin/client/onewindow"

if [ ! -x "$server" ] && [ ! -x "$client" ]; then
  echo "Built the domain core and its tools; neither the server nor the client exists yet."
  echo "Run ./test.sh to check the domain rules."
  exit 0
fi

server_pid=""
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null; true; }
trap cleanup EXIT INT TERM

listen="${ONEWINDOW_LISTEN:-127.0.0.1:8080}"
if [ -x "$server" ]; then
  data="${XDG_DATA_HOME:-$HOME/.local/share}/onewindow"
  mkdir -p "$data"
  "$server" --listen "$listen" --database "sqlite:$data/onewindow-demo.db" --demo &
  server_pid=$!
  echo "Server on http://$listen (demo users, password OneWindow-demo-1)"
fi

if [ -x "$client" ]; then
  "$client" --server "http://$listen"
else
  echo "The client is not built yet; the server runs until you press Ctrl+C."
  wait "$server_pid"
fi
