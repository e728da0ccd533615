#!/usr/bin/env bash
# Runs an end-to-end driver under a private Xvfb screen with its own D-Bus session and AT-SPI
# bus, as a screen reader would see the client.
#   run-e2e.sh DRIVER.py SERVER_BINARY CLIENT_BINARY
set -euo pipefail
driver=$1 server=$2 client=$3

display=""
for n in $(seq 90 190); do
  if [ ! -e "/tmp/.X11-unix/X$n" ] && [ ! -e "/tmp/.X$n-lock" ]; then display=$n; break; fi
done
[ -n "$display" ] || { echo "no free X display" >&2; exit 1; }
Xvfb ":$display" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null; wait $xvfb 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do [ -e "/tmp/.X11-unix/X$display" ] && break; sleep 0.1; done

export DISPLAY=":$display"
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
