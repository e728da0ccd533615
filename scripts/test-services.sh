# Sourced by test.sh: starts the real services the tests need and exports where they are.
# Each service lives in a temporary directory and is stopped by stop_test_services.

ONEWINDOW_TEST_TMP=""

start_test_services() {
  ONEWINDOW_TEST_TMP=$(mktemp -d -t onewindow-test.XXXXXX)
  export ONEWINDOW_TEST_TMP
}

stop_test_services() {
  if [ -n "$ONEWINDOW_TEST_TMP" ] && [ -d "$ONEWINDOW_TEST_TMP" ]; then
    rm -rf "$ONEWINDOW_TEST_TMP"
  fi
}
