# Sourced by test.sh (and usable by hand): starts the real services the tests need in a
# temporary directory and exports where they are; stop_test_services stops them all.
#   ONEWINDOW_TEST_PG_URL  postgresql://postgres@127.0.0.1:PORT/ow  (a throwaway cluster)
#   ONEWINDOW_TEST_PG_CA   the certificate it serves TLS with (self-signed, for 127.0.0.1)

ONEWINDOW_TEST_TMP=""
ONEWINDOW_PG_DIR=""

pg_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$dir" ] || { echo "PostgreSQL server binaries not found" >&2; return 1; }
  echo "$dir"
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# Runs a command as the postgres user when we are root (initdb refuses to run as root).
as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

start_postgres() {
  local bin port
  bin=$(pg_bin) || return 1
  port=$(free_port)
  ONEWINDOW_PG_DIR="$ONEWINDOW_TEST_TMP/pg"
  mkdir -p "$ONEWINDOW_PG_DIR"
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$ONEWINDOW_PG_DIR" "$ONEWINDOW_TEST_TMP" && chmod 755 "$ONEWINDOW_TEST_TMP"
  as_postgres "$bin/initdb" -D "$ONEWINDOW_PG_DIR/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
  # TLS with a certificate of its own for 127.0.0.1, which the tests trust (sslrootcert).
  openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=127.0.0.1" \
    -addext "subjectAltName=IP:127.0.0.1,DNS:localhost" \
    -keyout "$ONEWINDOW_PG_DIR/server.key" -out "$ONEWINDOW_PG_DIR/server.crt" 2>/dev/null
  chmod 600 "$ONEWINDOW_PG_DIR/server.key"
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$ONEWINDOW_PG_DIR/server.key" "$ONEWINDOW_PG_DIR/server.crt"
  as_postgres "$bin/pg_ctl" -D "$ONEWINDOW_PG_DIR/data" \
    -o "-p $port -k $ONEWINDOW_PG_DIR -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off -c ssl=on -c ssl_cert_file=$ONEWINDOW_PG_DIR/server.crt -c ssl_key_file=$ONEWINDOW_PG_DIR/server.key" \
    -l "$ONEWINDOW_PG_DIR/log" -w start >/dev/null
  export ONEWINDOW_TEST_PG_CA="$ONEWINDOW_PG_DIR/server.crt"
  export ONEWINDOW_TEST_PG_PORT=$port
  export ONEWINDOW_TEST_PG_URL="postgresql://postgres@127.0.0.1:$port/postgres"
  export ONEWINDOW_TEST_PG_ADMIN="host=127.0.0.1 port=$port user=postgres dbname=postgres"
  echo "PostgreSQL for the tests on 127.0.0.1:$port"
}

stop_postgres() {
  if [ -n "$ONEWINDOW_PG_DIR" ] && [ -d "$ONEWINDOW_PG_DIR/data" ]; then
    as_postgres "$(pg_bin)/pg_ctl" -D "$ONEWINDOW_PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
}

# A real print queue: CUPS (the running scheduler, else one started here) with a cups-pdf printer,
# which writes each job as a PDF into the submitting user's ~/PDF.
start_printer() {
  command -v lpadmin >/dev/null && command -v cupsd >/dev/null || { echo "CUPS not installed: no printer tests"; return 0; }
  if ! lpstat -r 2>/dev/null | grep -q "is running"; then
    [ "$(id -u)" -eq 0 ] || { echo "CUPS is not running and only root can start it: no printer tests"; return 0; }
    cupsd -f >"$ONEWINDOW_TEST_TMP/cupsd.log" 2>&1 &
    ONEWINDOW_CUPSD_PID=$!
    for _ in $(seq 1 50); do lpstat -r 2>/dev/null | grep -q "is running" && break; sleep 0.1; done
  fi
  ONEWINDOW_TEST_PRINTER=OneWindowTestPDF
  lpadmin -p "$ONEWINDOW_TEST_PRINTER" -v cups-pdf:/ -E -m lsb/usr/cups-pdf/CUPS-PDF_opt.ppd 2>/dev/null || {
    echo "could not add the cups-pdf printer: no printer tests"; unset ONEWINDOW_TEST_PRINTER; return 0; }
  ONEWINDOW_TEST_PRINTER_OUTPUT="$(getent passwd "$(id -un)" | cut -d: -f6)/PDF"
  export ONEWINDOW_TEST_PRINTER ONEWINDOW_TEST_PRINTER_OUTPUT
  echo "Printer for the tests: $ONEWINDOW_TEST_PRINTER, jobs as PDF in $ONEWINDOW_TEST_PRINTER_OUTPUT"
}

stop_printer() {
  # A queue already gone (the scheduler restarted meanwhile) is no failure of the tests.
  [ -z "${ONEWINDOW_TEST_PRINTER:-}" ] || lpadmin -x "$ONEWINDOW_TEST_PRINTER" 2>/dev/null || true
  if [ -n "${ONEWINDOW_CUPSD_PID:-}" ]; then
    kill "$ONEWINDOW_CUPSD_PID" 2>/dev/null || true
    wait "$ONEWINDOW_CUPSD_PID" 2>/dev/null || true
  fi
  return 0
}

start_test_services() {
  ONEWINDOW_TEST_TMP=$(mktemp -d -t onewindow-test.XXXXXX)
  export ONEWINDOW_TEST_TMP
  start_postgres
  start_printer
}

stop_test_services() {
  stop_printer
  stop_postgres
  if [ -n "$ONEWINDOW_TEST_TMP" ] && [ -d "$ONEWINDOW_TEST_TMP" ]; then
    rm -rf "$ONEWINDOW_TEST_TMP"
  fi
}
