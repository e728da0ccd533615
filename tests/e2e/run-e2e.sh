#!/usr/bin/env bash
# Runs an end-to-end driver under a private Xvfb screen with its own D-Bus session and AT-SPI
# bus, as a screen reader would see the client.
#   run-e2e.sh DRIVER.py SERVER_BINARY CLIENT_BINARY
set -euo pipefail
driver=$1 server=$2 client=$3

# Xvfb chooses a free display and writes its number once it accepts connections (-displayfd);
# any local client may connect (-ac): the screen exists for this run only. -noreset: by default
# the server resets when its last client disconnects and refuses a client that connects in that
# moment ("could not connect to display"); here the AT-SPI launcher and the clients come and go.
work=$(mktemp -d)
Xvfb -displayfd 3 -screen 0 1600x1000x24 -nolisten tcp -ac -noreset 3>"$work/display" 2>"$work/xvfb.log" &
xvfb=$!
finish() {
  status=$?
  kill $xvfb 2>/dev/null; wait $xvfb 2>/dev/null || true
  if [ $status -ne 0 ] && [ -s "$work/xvfb.log" ]; then
    echo "Xvfb said:" >&2; tail -n 20 "$work/xvfb.log" >&2
  fi
  rm -rf "$work"
}
trap finish EXIT
for _ in $(seq 1 100); do [ -s "$work/display" ] && break; sleep 0.1; done
display=$(head -n 1 "$work/display")
[ -n "$display" ] || { echo "Xvfb did not start" >&2; exit 1; }

export DISPLAY=":$display" E2E_XVFB_PID=$xvfb
export QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 QT_ACCESSIBILITY=1
# Debian's python3 is the one with pyatspi.
dbus-run-session -- bash -c '
  /usr/libexec/at-spi-bus-launcher --launch-immediately &
  launcher=$!
  sleep 1
  /usr/bin/python3 "$0" "$1" "$2"
  status=$?
  kill $launcher 2>/dev/null
  exit $status
' "$driver" "$server" "$client"
